import { join } from 'node:path';
import type { Logger } from '../../../electron/main/logger';
import { AuthService } from '../../../electron/services/auth/auth-service';
import { graphScopesFor } from '../../../electron/services/auth/cloud';
import { openTokenCacheStore, type TokenCacheStore } from '../../../electron/services/auth/token-cache';
import { GraphClient, type GraphClientConfig } from '../../../electron/clients/graph/graph-client';

/** What the integration tests need of a running lab tenant. */
export interface LabEndpoints {
  authority: string;
  clientId: string;
  graphBaseUrl: string;
  caCertificatePem: string;
}

export const quietLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The composition root's wiring of the auth service and the Graph client, pointed at the lab. */
export async function createLabServices(
  lab: LabEndpoints,
  options: {
    openBrowser: (url: string) => Promise<void>;
    dataFolder: string;
    signInTimeoutMs?: number;
    authority?: string;
    clientId?: string;
    /** Stands in for an encrypted store (DPAPI, keychain) where this machine has none. */
    tokenCache?: TokenCacheStore;
    graph?: Partial<Pick<GraphClientConfig, 'sleep' | 'maxAttempts' | 'batching'>>;
  },
) {
  const tokenCache = options.tokenCache ?? await openTokenCacheStore({
    cachePath: join(options.dataFolder, 'msal.cache'),
    serviceName: 'AadcWizardIntegrationTest',
    accountName: 'MSALCache',
  });
  // The Graph client asks the auth service for tokens; the auth service asks Graph for the roles.
  const tokens = { get: (): Promise<string> => Promise.reject(new Error('not wired')) };
  const graph = new GraphClient({
    baseUrl: lab.graphBaseUrl,
    caCertificatePem: lab.caCertificatePem,
    getAccessToken: () => tokens.get(),
    ...options.graph,
  });
  const auth = new AuthService({
    clientId: options.clientId ?? lab.clientId,
    authority: options.authority ?? lab.authority,
    scopes: graphScopesFor('https://graph.microsoft.com'),
    caCertificatePem: lab.caCertificatePem,
    openBrowser: options.openBrowser,
    tokenCache,
    directory: graph,
    logger: quietLogger,
    ...(options.signInTimeoutMs === undefined ? {} : { signInTimeoutMs: options.signInTimeoutMs }),
  });
  tokens.get = () => auth.getAccessToken();
  return {
    auth,
    graph,
    close: async () => {
      await auth.close();
      await graph.close();
    },
  };
}

/** The error an expected failure rejected with. */
export async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; detail?: string }> {
  const error: unknown = await promise.then(
    () => new Error('expected the promise to fail'),
    (e: unknown) => e,
  );
  if (typeof error === 'object' && error !== null && 'code' in error) return error as { code: string; message: string };
  throw error;
}
