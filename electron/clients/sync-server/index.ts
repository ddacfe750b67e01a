export { AdSyncClient, type OuPageRequest } from './ad-sync-client';
