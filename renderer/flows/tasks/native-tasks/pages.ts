import { ConnectToAzureAdPage } from '../../auth/ConnectToAzureAdPage';
import type { TaskPagesModule } from '../../task-flow';
import { DeviceOptionsPage } from './DeviceOptionsPage';
import { FederationPage } from './FederationPage';
import { nativeTaskStatePageId } from './flow';
import { PrivacyPage } from './PrivacyPage';
import { RefreshSchemaPage } from './RefreshSchemaPage';
import { UserSignInPage } from './UserSignInPage';

const statePages = {
  privacy: PrivacyPage,
  'device-options': DeviceOptionsPage,
  'refresh-schema': RefreshSchemaPage,
  'user-sign-in': UserSignInPage,
  federation: FederationPage,
} as const;

/** The five read-only native tasks share one chunk: each signs in first, then shows its state page. */
export const pages: TaskPagesModule['pages'] = Object.fromEntries(
  Object.entries(statePages).flatMap(([task, page]) => [
    [`${task}:connect`, ConnectToAzureAdPage],
    [nativeTaskStatePageId(task as keyof typeof statePages), page],
  ]),
);
