import { ConnectToAzureAdPage } from '../../../auth/ConnectToAzureAdPage';
import type { TaskPagesModule } from '../../../task-flow';
import { ConfigurationCompletePage } from '../plan-pages/ConfigurationCompletePage';
import { ConfiguringPage } from '../plan-pages/ConfiguringPage';
import { ReadyToConfigurePage } from '../plan-pages/ReadyToConfigurePage';
import { ConnectDirectoriesPage } from './ConnectDirectoriesPage';
import { DomainOuFilteringPage } from './DomainOuFilteringPage';
import { prefix } from './flow';
import { OptionalFeaturesPage } from './OptionalFeaturesPage';

export const pages: TaskPagesModule['pages'] = {
    [`${prefix}:connect`]: ConnectToAzureAdPage,
    [`${prefix}:directories`]: ConnectDirectoriesPage,
    [`${prefix}:filtering`]: DomainOuFilteringPage,
    [`${prefix}:features`]: OptionalFeaturesPage,
    [`${prefix}:ready`]: () => <ReadyToConfigurePage task="customize" />,
    [`${prefix}:configuring`]: () => <ConfiguringPage task="customize" />,
    [`${prefix}:complete`]: () => (
      <ConfigurationCompletePage task="customize" summary={() => 'Configuration complete. The synchronization options were changed as listed below.'} />
    ),
};
