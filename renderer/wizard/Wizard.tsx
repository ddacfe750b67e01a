import { ActionButton, MessageBar, MessageBarType, mergeStyleSets, Text } from '@fluentui/react';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { AppInfo } from '../../shared/app/app-info';
import { productStrings } from '../../shared/core/branding';
import { initialWizardContext, type WizardContext } from '../flows/context';
import { wizardPages } from '../flows/pages';
import { PageContent } from '../flows/PageContent';
import { prepareTask, preloadEveryTaskPagesWhenIdle, preloadTaskPages } from '../flows/registry';
import { useDesktopApi } from '../desktop-api/DesktopApiContext';
import { ButtonBar } from './ButtonBar';
import { currentPage, initialWizardState, stepListItems, wizardReducer, type WizardAction, type WizardState } from './flow';
import { AboutDialog } from './AboutDialog';
import { StepList } from './StepList';
import { WizardPageContext, type WizardPageApi } from './wizard-context';
import { ExitedPage } from '../flows/app/ExitedPage';

const styles = mergeStyleSets({
  root: { display: 'flex', flexDirection: 'column', height: '100vh', background: '#ffffff', position: 'relative' },
  banner: { background: '#0078d4', color: '#ffffff', padding: '10px 24px', display: 'flex', alignItems: 'center', gap: 12 },
  lab: { border: '1px solid #ffffff', borderRadius: 2, padding: '0 6px', fontSize: 12 },
  // Drawn in the banner's right corner but last in the page, so Tab reaches it after the page and its buttons.
  about: {
    position: 'absolute',
    top: 4,
    right: 16,
    color: '#ffffff',
    selectors: { ':hover': { color: '#ffffff' }, ':active': { color: '#ffffff' }, '.ms-Button-icon': { color: '#ffffff' } },
  },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  main: { flexGrow: 1, padding: '24px 32px', overflowY: 'auto', outline: 'none' },
  title: { margin: '0 0 16px', fontSize: 24, fontWeight: 600, outline: 'none' },
});

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
    if (onAdditionalTasks) preloadEveryTaskPagesWhenIdle();
  }, [onAdditionalTasks]);

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
      <div className={styles.root}>
        <header className={styles.banner}>
          <Text variant="large" styles={{ root: { color: 'inherit', fontWeight: 600 } }}>
            {strings.productName}
          </Text>
          {appInfo.target === 'lab' && (
            <span className={styles.lab} title="This wizard manages the lab sync server and lab tenant, not a real server.">
              Lab
            </span>
          )}
        </header>
        {appInfo.settingsNotice && (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline>
            The machine-wide settings were not used. {appInfo.settingsNotice}
          </MessageBar>
        )}
        {aboutOpen && <AboutDialog appInfo={appInfo} onClose={() => setAboutOpen(false)} />}
        <div className={styles.body}>
          <StepList items={stepListItems(pages, state)} />
          <main className={styles.main} aria-labelledby="page-title">
            <h1 id="page-title" className={styles.title} tabIndex={-1} ref={headingRef}>
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
        />
        <ActionButton className={styles.about} iconProps={{ iconName: 'Info' }} onClick={() => setAboutOpen(true)}>
          About and help
        </ActionButton>
      </div>
    </WizardPageContext.Provider>
  );
}
