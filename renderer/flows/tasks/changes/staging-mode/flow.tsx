import { pendingExportsNeedReview } from '../../../../../shared/changes/staging';
import type { TaskFlow } from '../../../task-flow';
import type { WizardContext } from '../../../context';
import { ConnectToAzureAdPage, connectToAzureAdPage } from '../../../auth/ConnectToAzureAdPage';
import { ConfigurationCompletePage } from '../plan-pages/ConfigurationCompletePage';
import { ConfiguringPage } from '../plan-pages/ConfiguringPage';
import { ReadyToConfigurePage } from '../plan-pages/ReadyToConfigurePage';
import { changePageSpecs } from '../plan-pages/specs';
import { PendingExportsPage } from './PendingExportsPage';
import { StagingHandOffPage } from './StagingHandOffPage';
import { StagingModePage } from './StagingModePage';
import { useWizard } from '../../../../wizard/wizard-context';

const prefix = 'staging-mode';

function CompletePage(): JSX.Element {
  const { ctx } = useWizard();
  const enabled = ctx.staging?.enabled ?? false;
  return (
    <ConfigurationCompletePage
      task="staging"
      summary={() => (enabled ? 'Configuration complete. Staging mode stays enabled: this server does not export.' : 'Configuration complete. Staging mode stays disabled.')}
    />
  );
}

const changing = (ctx: WizardContext): boolean => ctx.staging !== null && ctx.staging.enabled !== ctx.staging.current;
const turningOff = (ctx: WizardContext): boolean => ctx.staging !== null && ctx.staging.current && !ctx.staging.enabled;

/**
 * Configure staging mode: Connect to Azure AD, Staging mode, then either (changed) Pending exports when
 * staging is turned off and the hand-off to Azure AD Connect, or (unchanged) Ready to configure,
 * Configuring and Configuration complete, which only start a synchronization if asked.
 */
export const stagingModeFlow: TaskFlow = {
  task: 'staging-mode',
  pages: (strings) => [
    connectToAzureAdPage(prefix, strings),
    {
      id: `${prefix}:staging`,
      navLabel: 'Staging Mode',
      title: 'Staging mode',
      forward: 'Next',
      showPrevious: true,
      isVisible: () => true,
      canProceed: (ctx) => ctx.staging !== null && !ctx.staging.run.syncRunning,
    },
    {
      id: `${prefix}:pending-exports`,
      navLabel: 'Pending exports',
      title: 'Pending exports',
      forward: 'Next',
      showPrevious: true,
      isVisible: turningOff,
      canProceed: (ctx) => {
        const pending = ctx.staging?.pendingExports ?? null;
        return pending !== null && (ctx.staging?.reviewed === true || !pendingExportsNeedReview(pending));
      },
    },
    {
      id: `${prefix}:hand-off`,
      navLabel: 'Azure AD Connect',
      title: 'Configure staging mode in Azure AD Connect',
      forward: 'Exit',
      showPrevious: true,
      isVisible: changing,
      canProceed: () => true,
    },
    ...changePageSpecs(prefix, 'staging', (ctx) => !changing(ctx)),
  ],
  components: {
    [`${prefix}:connect`]: ConnectToAzureAdPage,
    [`${prefix}:staging`]: StagingModePage,
    [`${prefix}:pending-exports`]: PendingExportsPage,
    [`${prefix}:hand-off`]: StagingHandOffPage,
    [`${prefix}:ready`]: () => <ReadyToConfigurePage task="staging" />,
    [`${prefix}:configuring`]: () => <ConfiguringPage task="staging" />,
    [`${prefix}:complete`]: CompletePage,
  },
};
