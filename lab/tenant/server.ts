import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ensureLabCertificates } from './certificates';
import { LAB_CLIENT_ID, LAB_TENANT_ID } from './constants';
import { FailureInjector } from './failure-injection';
import { graphErrorBody, graphErrors } from './graph/graph-errors';
import type { GraphContext } from './graph/graph-request';
import { DEFAULT_GROUP_PROCESSING, type GroupProcessingTiming } from './graph/licensing';
import { handleGraphRequest } from './graph/routes';
import { initialTenantState } from './graph/seed';
import { SyncStateReader } from './graph/sync-state';
import { TenantStateStore } from './graph/tenant-state';
import { GraphThrottle } from './graph/throttling';
import { TenantModel } from './graph/world';
import { BodyTooLargeError, sendJson } from './http';
import { entraErrors, tokenErrorBody } from './identity/entra-errors';
import { GrantStore } from './identity/grant-store';
import { issuerFor } from './identity/metadata';
import { handleIdentityRequest, handlePageRequest, type IdentityContext } from './identity/routes';
import { loadOrCreateSigningKey } from './identity/signing-key';

export interface LabTenantOptions {
  /** Folder holding the certificates, signing key, tenant-state.json and the sync server's state file. */
  labFolder: string;
  /** The HTTPS port; 0 (default) picks a free port. */
  port?: number;
  /** The plain-HTTP port of the pages a browser opens; 0 (default) picks a free port. */
  pagesPort?: number;
  now?: () => Date;
  /** Default 3600, as Entra's default (tests use a few seconds). */
  accessTokenLifetimeSeconds?: number;
  /** Default 900. */
  deviceCodeLifetimeSeconds?: number;
  /** Default 5 (Entra's); tests use 1. */
  deviceCodePollIntervalSeconds?: number;
  /** Default 600. */
  authorizationCodeLifetimeSeconds?: number;
  /** How long group license processing takes (default: queued 1 s, then 1 s + 5 ms per member, at most 30 s). */
  groupLicenseProcessing?: Partial<GroupProcessingTiming>;
}

export interface LabTenant {
  /** `https://127.0.0.1:<port>/<tenant id>` */
  authority: string;
  clientId: string;
  tenantId: string;
  /** `https://127.0.0.1:<port>/v1.0` */
  graphBaseUrl: string;
  /** `https://127.0.0.1:<port>` */
  baseUrl: string;
  /**
   * `http://127.0.0.1:<pages port>`: the authorize, sign-in, MFA, device-login and sign-out pages. A browser
   * opens them with no certificate warning (loopback HTTP is a secure context); nothing else answers there.
   */
  pagesBaseUrl: string;
  /** `127.0.0.1:<port>`, the value for MSAL's `knownAuthorities`. */
  host: string;
  port: number;
  pagesPort: number;
  caCertificatePath: string;
  caCertificatePem: string;
  /**
   * Test hook: the next `times` requests to `path` answer 429/503 with `Retry-After: retryAfterSeconds` (which
   * may be a decimal), top-level requests and requests inside a `$batch` alike.
   */
  failNext(path: RegExp | string, status: 429 | 503, retryAfterSeconds: number, times: number): void;
  /**
   * Test hook: other apps of the tenant (Entra Connect, scripts) made `count` writes, using up the tenant's
   * shared write quota (18,000 per 5 minutes): the app's own writes are then throttled by Graph's rules.
   */
  simulateOtherAppWrites(count: number): Promise<void>;
  close(): Promise<void>;
}

function respondWithPlannedFailure(response: ServerResponse, pathname: string, status: 429 | 503, retryAfterSeconds: number, now: Date, baseUrl: string): void {
  const headers = { 'Retry-After': String(retryAfterSeconds) };
  if (pathname.startsWith('/v1.0/')) {
    const requestId = randomUUID();
    const error = status === 429 ? graphErrors.throttled() : graphErrors.unavailable();
    sendJson(response, status, graphErrorBody(error, requestId, requestId, now), { ...headers, 'request-id': requestId });
    return;
  }
  const error = { ...entraErrors.temporarilyUnavailable(), status };
  sendJson(response, status, tokenErrorBody(error, { traceId: randomUUID(), correlationId: randomUUID(), now, baseUrl }), headers);
}

function listen(server: Server | HttpsServer, port: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server | HttpsServer): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!server.listening) return resolve();
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/**
 * Starts the lab tenant on 127.0.0.1: Entra ID's endpoints and the Microsoft Graph calls of the app over
 * HTTPS with the lab CA (trusted only by the app's own MSAL and Graph clients), and the pages a browser
 * opens over plain HTTP on a second port (an ordinary browser trusts no lab CA).
 */
export async function startLabTenant(options: LabTenantOptions): Promise<LabTenant> {
  const labFolder = path.resolve(options.labFolder);
  const now = options.now ?? (() => new Date());
  const certificates = await ensureLabCertificates(labFolder, now());
  const key = await loadOrCreateSigningKey(labFolder);
  const tenantState = new TenantStateStore(labFolder, initialTenantState);
  await tenantState.load();
  const syncState = new SyncStateReader(labFolder);
  const failures = new FailureInjector();
  const groupProcessing = { ...DEFAULT_GROUP_PROCESSING, ...options.groupLicenseProcessing };
  const model = new TenantModel(syncState, tenantState, now, groupProcessing);
  const throttle = new GraphThrottle(() => now().getTime());
  const deviceCodeLifetimeSeconds = options.deviceCodeLifetimeSeconds ?? 900;
  const store = new GrantStore(
    {
      authorizationCodeSeconds: options.authorizationCodeLifetimeSeconds ?? 600,
      refreshTokenSeconds: 90 * 24 * 60 * 60,
      signInFlowSeconds: 60 * 60,
      deviceCodeSeconds: deviceCodeLifetimeSeconds,
    },
    now,
  );

  // Filled in once the port is known.
  let identity: IdentityContext | null = null;
  let graph: GraphContext | null = null;

  const identityContext = (): IdentityContext => {
    if (identity === null) throw new Error('The lab tenant is not listening yet.');
    return identity;
  };

  /** Answers a planned failure (failNext) when one is due for this path. */
  const plannedFailure = (request: IncomingMessage, response: ServerResponse, url: URL): boolean => {
    const failure = failures.take(url.pathname, `${url.pathname}${url.search}`);
    if (failure === null) return false;
    request.resume();
    respondWithPlannedFailure(response, url.pathname, failure.status, failure.retryAfterSeconds, now(), identityContext().baseUrl);
    return true;
  };

  const handleApi = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    if (identity === null || graph === null) {
      response.writeHead(503).end();
      return;
    }
    if (plannedFailure(request, response, url)) return;
    if (url.pathname === '/v1.0' || url.pathname.startsWith('/v1.0/')) {
      await handleGraphRequest(request, response, url, graph);
      return;
    }
    if (await handleIdentityRequest(request, response, url, identity)) return;
    sendJson(response, 404, { error: 'not_found', error_description: `No lab tenant endpoint at ${url.pathname}.` });
  };

  const handlePages = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (identity === null) {
      response.writeHead(503).end();
      return;
    }
    // Plain HTTP has no certificate to prove the name: answer only requests addressed to 127.0.0.1 and
    // this port, so a web page whose name was pointed at 127.0.0.1 (DNS rebinding) cannot read these pages.
    if (request.headers.host !== new URL(identity.pagesBaseUrl).host) {
      request.resume();
      sendJson(
        response,
        421,
        { error: 'invalid_request', error_description: `The lab sign-in pages answer only at ${identity.pagesBaseUrl}.` },
        { Connection: 'close' },
      );
      return;
    }
    if (plannedFailure(request, response, url)) return;
    if (await handlePageRequest(request, response, url, identity)) return;
    // Tokens, keys, metadata and Graph never cross plain HTTP: refuse without reading the request.
    request.resume();
    sendJson(
      response,
      403,
      { error: 'invalid_request', error_description: `The lab tenant answers ${url.pathname} only over HTTPS, at ${identity.baseUrl}.` },
      { Connection: 'close' },
    );
  };

  const answer = (handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>) => (request: IncomingMessage, response: ServerResponse) => {
    handler(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof BodyTooLargeError) {
        sendJson(response, 413, { error: 'invalid_request', error_description: error.message });
        return;
      }
      process.stderr.write(`lab tenant: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      sendJson(response, 500, { error: 'server_error', error_description: 'The lab tenant failed to handle the request.' });
    });
  };

  const server = createHttpsServer({ key: certificates.serverKeyPem, cert: certificates.serverCertificatePem }, answer(handleApi));
  const pagesServer = createHttpServer(answer(handlePages));
  const port = await listen(server, options.port ?? 0);
  let pagesPort: number;
  try {
    pagesPort = await listen(pagesServer, options.pagesPort ?? 0);
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  const baseUrl = `https://127.0.0.1:${port}`;
  const pagesBaseUrl = `http://127.0.0.1:${pagesPort}`;
  const tokens = { issuer: issuerFor(baseUrl), accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600, idTokenLifetimeSeconds: 3600 };
  identity = {
    baseUrl,
    pagesBaseUrl,
    store,
    key,
    tokens,
    now,
    deviceCodeLifetimeSeconds,
    deviceCodePollIntervalSeconds: options.deviceCodePollIntervalSeconds ?? 5,
  };
  graph = { baseUrl, issuer: tokens.issuer, key, now, model, throttle, failures, groupProcessing };

  return {
    authority: `${baseUrl}/${LAB_TENANT_ID}`,
    clientId: LAB_CLIENT_ID,
    tenantId: LAB_TENANT_ID,
    graphBaseUrl: `${baseUrl}/v1.0`,
    baseUrl,
    pagesBaseUrl,
    host: `127.0.0.1:${port}`,
    port,
    pagesPort,
    caCertificatePath: certificates.caCertificatePath,
    caCertificatePem: certificates.caCertificatePem,
    failNext: (failurePath, status, retryAfterSeconds, times) => failures.plan(failurePath, status, retryAfterSeconds, times),
    simulateOtherAppWrites: async (count) => throttle.consumeTenantWrites(count, (await model.world()).users.length),
    // Idempotent: a test may close the tenant (network unreachable) before the app disposes it.
    close: async () => {
      await Promise.all([closeServer(server), closeServer(pagesServer)]);
      await tenantState.idle();
    },
  };
}

