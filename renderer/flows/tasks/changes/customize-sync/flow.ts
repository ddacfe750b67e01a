import type { TaskFlow } from '../../../task-flow';
import { connectToAzureAdPage } from '../../../auth/connect-page-spec';
import { changePageSpecs } from '../plan-pages/specs';
import { draftFromBaseline, readCustomizeBaseline } from './draft';

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
  // The draft is read while the admin signs in, and main reads the forest's OUs behind it for Domain and OU filtering.
  prepare: async (api, ctx) => {
    if (ctx.customize !== null) return null;
    const result = await readCustomizeBaseline(api);
    if (!result.ok) return null;
    return (ctx) => (ctx.task === 'customize-sync' && ctx.customize === null ? { ...ctx, customize: draftFromBaseline(result.value) } : ctx);
  },
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
