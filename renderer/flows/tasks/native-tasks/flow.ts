import type { ComponentType } from 'react';
import { taskDescriptions, type TaskId } from '../../app/tasks';
import type { TaskFlow } from '../../task-flow';
import { ConnectToAzureAdPage, connectToAzureAdPage } from '../../auth/ConnectToAzureAdPage';
import { DeviceOptionsPage } from './DeviceOptionsPage';
import { FederationPage } from './FederationPage';
import { PrivacyPage } from './PrivacyPage';
import { RefreshSchemaPage } from './RefreshSchemaPage';
import { UserSignInPage } from './UserSignInPage';

/**
 * A read-only native task: Connect to Azure AD (the native wizard signs in first for each of these,
 * real-server-tasks.md §0), then one page with the current state and the hand-off to Azure AD Connect.
 * No documented PowerShell does all of any of them (§1.1, §1.4, §1.5, §1.7, §1.8), so the app changes nothing.
 */
function readOnlyTaskFlow(task: TaskId, page: { navLabel: string; title: string }, component: ComponentType): TaskFlow {
  const pageId = `${task}:state`;
  return {
    task,
    pages: (strings) => [
      connectToAzureAdPage(task, strings),
      { id: pageId, navLabel: page.navLabel, title: page.title, forward: 'Exit', showPrevious: true, isVisible: () => true, canProceed: () => true },
    ],
    components: { [`${task}:connect`]: ConnectToAzureAdPage, [pageId]: component },
  };
}

export const privacyFlow = readOnlyTaskFlow('privacy', { navLabel: 'Privacy settings', title: taskDescriptions.privacy.label }, PrivacyPage);
export const deviceOptionsFlow = readOnlyTaskFlow('device-options', { navLabel: 'Device options', title: 'Device options' }, DeviceOptionsPage);
export const refreshSchemaFlow = readOnlyTaskFlow('refresh-schema', { navLabel: 'Refresh directory schema', title: 'Refresh directory schema' }, RefreshSchemaPage);
export const userSignInFlow = readOnlyTaskFlow('user-sign-in', { navLabel: 'User sign-in', title: 'User sign-in' }, UserSignInPage);
export const federationFlow = readOnlyTaskFlow('federation', { navLabel: 'Manage federation', title: 'Manage federation' }, FederationPage);
