import { Suspense } from 'react';
import { useRequest } from '../../desktop-api/use-request';
import { lazyWithFluent } from '../../fluent/lazy-with-fluent';
import { useWizard } from '../../wizard/wizard-context';

const InterruptedPlanNotice = lazyWithFluent(async () => (await import('../tasks/changes/plan-pages/InterruptedPlanNotice')).InterruptedPlanNotice);

/** The first page, drawn without Fluent UI so it shows at once; Fluent loads only for a plan to restore. */
export function WelcomePage(): JSX.Element {
  const { strings, appInfo } = useWizard();
  const interrupted = useRequest('changes:get-interrupted-plan', {}).state;
  return (
    <div className="frame-page">
      {interrupted.status === 'done' && interrupted.value !== null && (
        <Suspense fallback={null}>
          <InterruptedPlanNotice interrupted={interrupted.value} />
        </Suspense>
      )}
      <p>
        {strings.productName} is already installed and configured on this server. Select Configure to view or change
        its settings, or to run the post-installation tasks.
      </p>
      {appInfo.target === 'lab' && (
        <p>
          You are on the lab: a simulated sync server and a simulated {strings.cloudDirectory} tenant on this computer.
          Nothing you do here changes a real directory.
        </p>
      )}
      <p className="frame-small">Version {appInfo.version}</p>
    </div>
  );
}
