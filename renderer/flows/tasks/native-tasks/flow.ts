import { taskDescriptions, type TaskId } from '../../app/tasks';
import type { TaskFlow } from '../../task-flow';
import { connectToAzureAdPage } from '../../auth/connect-page-spec';

export const nativeTaskStatePageId = (task: TaskId): string => `${task}:state`;

/**
 * A read-only native task: Connect to Azure AD (the native wizard signs in first for each of these,
 * real-server-tasks.md §0), then one page with the current state and the hand-off to Azure AD Connect.
 * No documented PowerShell does all of any of them (§1.1, §1.4, §1.5, §1.7, §1.8), so the app changes nothing.
 */
function readOnlyTaskFlow(task: TaskId, page: { navLabel: string; title: string }): TaskFlow {
  const pageId = nativeTaskStatePageId(task);
  return {
    task,
    pages: (strings) => [
      connectToAzureAdPage(task, strings),
      { id: pageId, navLabel: page.navLabel, title: page.title, forward: 'Exit', showPrevious: true, isVisible: () => true, canProceed: () => true },
    ],
  };
}

export const privacyFlow = readOnlyTaskFlow('privacy', { navLabel: 'Privacy settings', title: taskDescriptions.privacy.label });
export const deviceOptionsFlow = readOnlyTaskFlow('device-options', { navLabel: 'Device options', title: 'Device options' });
export const refreshSchemaFlow = readOnlyTaskFlow('refresh-schema', { navLabel: 'Refresh directory schema', title: 'Refresh directory schema' });
export const userSignInFlow = readOnlyTaskFlow('user-sign-in', { navLabel: 'User sign-in', title: 'User sign-in' });
export const federationFlow = readOnlyTaskFlow('federation', { navLabel: 'Manage federation', title: 'Manage federation' });
