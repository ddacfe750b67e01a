export { GraphClient, type GraphCallObserver, type GraphClientConfig, type Organization, type SyncedUserPage } from './graph-client';
export { PageTokens } from '../../services/licenses/page-tokens';
