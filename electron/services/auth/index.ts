export { AuthService, type AuthServiceConfig } from './auth-service';
export { appGraphPermissions, authorityFor, azureClouds, graphBaseUrlFor, graphScopesFor, type AzureCloud } from './cloud';
export type { DirectoryReader } from '../../clients/graph/directory-reader';
export { mapSignInError } from './sign-in-errors';
export { openTokenCacheStore, type TokenCacheOptions, type TokenCacheStore } from './token-cache';
