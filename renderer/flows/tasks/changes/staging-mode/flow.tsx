import type { TaskFlow } from '../../../task-flow';
import { ConnectToAzureAdPage, connectToAzureAdPage } from '../../../auth/ConnectToAzureAdPage';
import { ConfigurationCompletePage } from '../plan-pages/ConfigurationCompletePage';
import { ConfiguringPage } from '../plan-pages/ConfiguringPage';
import { ReadyToConfigurePage } from '../plan-pages/ReadyToConfigurePage';
import { changePageSpecs } from '../plan-pages/specs';
import { StagingModePage } from './StagingModePage';
import { useWizard } from '../../../../wizard/wizard-context';

const prefix = 'staging-mode';

function CompletePage(): JSX.Element {
  const { ctx } = useWizard();
  const enabled = ctx.staging?.enabled ?? false;
  return (
    <ConfigurationCompletePage
      task="staging"
      summary={() => (enabled ? 'Configuration complete. Staging mode is enabled: this server no longer exports.' : 'Configuration complete. Staging mode is disabled: this server exports again.')}
    />
  );
}

/** Configure staging mode: Connect to Azure AD, Staging mode, Ready to configure, Configuring, Configuration complete. */
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
    ...changePageSpecs(prefix, 'staging'),
  ],
  components: {
    [`${prefix}:connect`]: ConnectToAzureAdPage,
    [`${prefix}:staging`]: StagingModePage,
    [`${prefix}:ready`]: () => <ReadyToConfigurePage task="staging" />,
    [`${prefix}:configuring`]: () => <ConfiguringPage task="staging" />,
    [`${prefix}:complete`]: CompletePage,
  },
};
