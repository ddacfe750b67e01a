import { Suspense, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { AppInfo } from '../../shared/app/app-info';
import { productStrings } from '../../shared/core/branding';
import { initialWizardContext, type WizardContext } from '../flows/context';
import { wizardPages } from '../flows/pages';
import { PageContent } from '../flows/PageContent';
import { prepareTask, preloadAdditionalTasks, preloadTaskPages } from '../flows/registry';
import { useDesktopApi } from '../desktop-api/DesktopApiContext';
import { lazyWithFluent } from '../fluent/lazy-with-fluent';
import { ButtonBar } from './ButtonBar';
import { currentPage, initialWizardState, stepListItems, wizardReducer, type WizardAction, type WizardState } from './flow';
import { FrameMessage } from './FrameControls';
import { StepList } from './StepList';
import { WizardPageContext, type WizardPageApi } from './wizard-context';
import { ExitedPage } from '../flows/app/ExitedPage';

const AboutDialog = lazyWithFluent(async () => (await import('./AboutDialog')).AboutDialog);

/** The About button's icon, an "i" in a circle like Fluent's Info, drawn here so the frame needs no icon set. */
function AboutIcon(): JSX.Element {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" />
      <path d="M8 7v5M8 4v1.5" stroke="currentColor" strokeWidth="1.2" />
    </svg>
  );
}

/** The wizard frame: banner, step list, the current page, and the button bar. */
export function Wizard({ appInfo }: { appInfo: AppInfo }): JSX.Element {
  const api = useDesktopApi();
  const strings = productStrings[appInfo.branding];
  const pages = useMemo(() => wizardPages(strings), [strings]);
  const [state, dispatch] = useReducer(
    (current: WizardState<WizardContext>, action: WizardAction<WizardContext>) => wizardReducer(pages, current, action),
    undefined,
    () => initialWizardState(pages, initialWizardContext),
  );
  const page = currentPage(pages, state);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [aboutOpen, setAboutOpen] = useState(false);
  const isFirstPage = useRef(true);

  useEffect(() => {
    document.title = `${strings.windowTitle} - ${page.title}`;
    // Screen readers announce the new page when focus lands on its heading; the first page keeps default focus.
    if (isFirstPage.current) isFirstPage.current = false;
    else headingRef.current?.focus();
  }, [page.id, page.title, strings.windowTitle]);

  useEffect(() => {
    if (state.ctx.task !== null) preloadTaskPages(state.ctx.task);
  }, [state.ctx.task]);

  const onAdditionalTasks = page.id === 'tasks';
  const startedTask = page.id !== 'welcome' && !onAdditionalTasks ? state.ctx.task : null;
  // The context of the moment the task starts; later changes do not start the task again.
  const latestCtx = useRef(state.ctx);
  useEffect(() => {
    latestCtx.current = state.ctx;
  });
  useEffect(() => {
    if (startedTask !== null) prepareTask(startedTask, api, latestCtx.current, (update) => dispatch({ type: 'update', update }));
  }, [api, startedTask]);

  useEffect(() => {
    if (state.exited) void api['app:exit']({});
  }, [api, state.exited]);

  const pageApi: WizardPageApi = useMemo(
    () => ({ ctx: state.ctx, update: (update) => dispatch({ type: 'update', update }), strings, appInfo }),
    [state.ctx, strings, appInfo],
  );

  if (state.exited) return <ExitedPage productName={strings.productName} />;

  return (
    <WizardPageContext.Provider value={pageApi}>
      <div className="wizard">
        <header className="wizard-banner">
          <span className="wizard-product">{strings.productName}</span>
          {appInfo.target === 'lab' && (
            <span className="wizard-lab" title="This wizard manages the lab sync server and lab tenant, not a real server.">
              Lab
            </span>
          )}
        </header>
        {appInfo.settingsNotice && (
          <FrameMessage kind="warning">The machine-wide settings were not used. {appInfo.settingsNotice}</FrameMessage>
        )}
        {aboutOpen && (
          <Suspense fallback={null}>
            <AboutDialog appInfo={appInfo} onClose={() => setAboutOpen(false)} />
          </Suspense>
        )}
        <div className="wizard-body">
          <StepList items={stepListItems(pages, state)} />
          <main className="wizard-main" aria-labelledby="page-title">
            <h1 id="page-title" className="wizard-title" tabIndex={-1} ref={headingRef}>
              {page.title}
            </h1>
            <PageContent pageId={page.id} />
          </main>
        </div>
        <ButtonBar
          forward={page.forward}
          canProceed={page.canProceed(state.ctx)}
          showPrevious={page.showPrevious}
          onPrevious={() => dispatch({ type: 'previous' })}
          onForward={() => dispatch({ type: 'next' })}
          onForwardIntent={page.id === 'welcome' ? preloadAdditionalTasks : undefined}
        />
        <button type="button" className="wizard-about" onClick={() => setAboutOpen(true)}>
          <AboutIcon />
          About and help
        </button>
      </div>
    </WizardPageContext.Provider>
  );
}
