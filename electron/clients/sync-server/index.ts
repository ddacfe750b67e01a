export { AdSyncClient } from './ad-sync-client';
