import { ConnectToAzureAdPage } from '../../../auth/ConnectToAzureAdPage';
import type { TaskPagesModule } from '../../../task-flow';
import { useWizard } from '../../../../wizard/wizard-context';
import { ConfigurationCompletePage } from '../plan-pages/ConfigurationCompletePage';
import { ConfiguringPage } from '../plan-pages/ConfiguringPage';
import { ReadyToConfigurePage } from '../plan-pages/ReadyToConfigurePage';
import { prefix } from './flow';
import { PendingExportsPage } from './PendingExportsPage';
import { StagingHandOffPage } from './StagingHandOffPage';
import { StagingModePage } from './StagingModePage';

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

export const pages: TaskPagesModule['pages'] = {
    [`${prefix}:connect`]: ConnectToAzureAdPage,
    [`${prefix}:staging`]: StagingModePage,
    [`${prefix}:pending-exports`]: PendingExportsPage,
    [`${prefix}:hand-off`]: StagingHandOffPage,
    [`${prefix}:ready`]: () => <ReadyToConfigurePage task="staging" />,
    [`${prefix}:configuring`]: () => <ConfiguringPage task="staging" />,
    [`${prefix}:complete`]: CompletePage,
};
