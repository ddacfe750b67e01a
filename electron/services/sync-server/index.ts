export { AdSyncClient, type OuPageRequest } from './AdSyncClient';
