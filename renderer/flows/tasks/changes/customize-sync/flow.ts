import type { TaskFlow } from '../../../task-flow';
import { connectToAzureAdPage } from '../../../auth/connect-page-spec';
import { changePageSpecs } from '../plan-pages/specs';

export const prefix = 'customize-sync';
const group = 'Sync';

/**
 * Customize synchronization options, in the native order: Connect to Azure AD, then the Sync pages
 * (directories, domain and OU filtering, optional features), Ready to configure, Configuring,
 * Configuration complete. The pages the native wizard adds for app and attribute filtering and for
 * directory extensions belong to features it is handed off to, so they are not here.
 */
export const customizeSyncFlow: TaskFlow = {
  task: 'customize-sync',
  pages: (strings) => [
    connectToAzureAdPage(prefix, strings),
    {
      id: `${prefix}:directories`,
      navLabel: 'Connect Directories',
      title: 'Connect your directories',
      group,
      forward: 'Next',
      showPrevious: true,
      isVisible: () => true,
      canProceed: (ctx) => ctx.customize !== null && !ctx.customize.run.syncRunning,
    },
    {
      id: `${prefix}:filtering`,
      navLabel: 'Domain/OU Filtering',
      title: 'Domain and OU filtering',
      group,
      forward: 'Next',
      showPrevious: true,
      isVisible: () => true,
      canProceed: (ctx) => ctx.customize !== null,
    },
    {
      id: `${prefix}:features`,
      navLabel: 'Optional Features',
      title: 'Optional features',
      group,
      forward: 'Next',
      showPrevious: true,
      isVisible: () => true,
      canProceed: (ctx) => ctx.customize !== null,
    },
    ...changePageSpecs(prefix, 'customize'),
  ],
};
