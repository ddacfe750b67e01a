import {
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type DeviceCodeRequest,
} from '@azure/msal-node';
import { fetch, type Agent } from 'undici';
import { AppError } from '../../../shared/core/errors';
import {
  hasAdminRole,
  type DeviceCodePrompt,
  type SignedInAccount,
  type SignInMethod,
  type SignInStatus,
} from '../../../shared/auth/account';
import { redact } from '../../main/log/redact';
import type { Logger } from '../../main/logger';
import { signInFailedPage, signInSucceededPage } from './browser-pages';
import type { DirectoryReader } from '../../clients/graph/directory-reader';
import { createHttpsAgent } from '../../clients/https/https-agent';
import { createMsalNetworkClient } from './msal-network-client';
import { networkErrorText } from '../../clients/https/https-agent';
import { mapSignInError, outcomeError } from './sign-in-errors';
import type { TokenCacheStore } from './token-cache';

export interface AuthServiceConfig {
  /** The public client's application id (a setting; the lab prints its own). */
  clientId: string;
  /** `https://<login host>/<tenant id or domain>` (see authorityFor in cloud.ts). */
  authority: string;
  /** Fully qualified Graph scopes (see graphScopesFor in cloud.ts). */
  scopes: string[];
  /** A CA certificate trusted by this service's HTTPS agent only (the lab tenant's). */
  caCertificatePem?: string;
  /** Opens the system browser (Electron: shell.openExternal). */
  openBrowser: (url: string) => Promise<void>;
  /** From openTokenCacheStore(): encrypted persistence or memory only. */
  tokenCache: TokenCacheStore;
  /** Reads the signed-in user and their roles (the Graph client). */
  directory: DirectoryReader;
  logger: Logger;
  /** An unanswered sign-in is abandoned after this long (default 10 minutes). */
  signInTimeoutMs?: number;
}

interface PendingAttempt {
  readonly method: SignInMethod;
  cancelled: boolean;
  /** Rejects when the attempt is cancelled or times out. */
  readonly stopped: Promise<never>;
  stop(error: AppError): void;
  /** The authorize URL MSAL opened, to post the cancellation to its loopback server. */
  authorizeUrl?: string;
  /** Set while a device-code poll runs: MSAL checks it between polls. */
  deviceCodeRequest?: DeviceCodeRequest;
}

type StatusListener = (status: SignInStatus) => void;

const defaultSignInTimeoutMs = 10 * 60_000;

/**
 * Signs the administrator in to Entra ID with MSAL Node (system browser or device code), checks the
 * directory role, and hands access tokens to the Graph client. Tokens never leave this service
 * except through getAccessToken(), which only the Graph client in main calls.
 */
export class AuthService {
  private readonly pca: PublicClientApplication;
  private readonly agent: Agent;
  private account: AccountInfo | undefined;
  private signedIn: SignedInAccount | undefined;
  private lastError: AppError | undefined;
  private pending: PendingAttempt | undefined;
  private readonly listeners = new Set<StatusListener>();

  constructor(private readonly config: AuthServiceConfig) {
    this.agent = createHttpsAgent(config.caCertificatePem);
    const authorityHost = new URL(config.authority).host;
    this.pca = new PublicClientApplication({
      auth: {
        clientId: config.clientId,
        authority: config.authority,
        // A single-tenant authority: trust its host as given, so no instance discovery call is made
        // and MSAL reads the host's own openid-configuration (Entra or the lab tenant alike).
        knownAuthorities: [authorityHost],
      },
      cache: config.tokenCache.plugin ? { cachePlugin: config.tokenCache.plugin } : {},
      system: {
        networkClient: createMsalNetworkClient(this.agent),
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: 1, // warnings and errors
          loggerCallback: (_level, message) => config.logger.warn(`[auth] msal: ${message}`),
        },
      },
    });
  }

  /** Display data for the page: never a token. */
  getStatus(): SignInStatus {
    const state = this.pending ? 'signingIn' : this.signedIn ? 'signedIn' : 'signedOut';
    const status: SignInStatus = { state, cachePersistence: this.config.tokenCache.persistence };
    if (state === 'signedIn' && this.signedIn) status.account = this.signedIn;
    // The sign-in page shows Entra's diagnostic line (the AADSTS code an administrator quotes to support), as the
    // native wizard does: one line, redacted like the log, never a token.
    if (this.lastError) {
      const { code, message, detail } = this.lastError;
      status.lastError = detail ? { code, message, detail: redact(detail) } : { code, message };
    }
    if (this.config.tokenCache.reason) status.cachePersistenceReason = this.config.tokenCache.reason;
    return status;
  }

  /** Called with the new status after every change (for the `auth:status` event). */
  onStatusChanged(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Restores the sign-in from the persisted cache at start-up, silently; stays signed out when
   * there is no cached account or it no longer works.
   */
  async restoreSession(): Promise<SignInStatus> {
    const [cached] = await this.pca.getAllAccounts();
    if (!cached || this.pending || this.signedIn) return this.getStatus();
    try {
      await this.pca.acquireTokenSilent({ account: cached, scopes: this.config.scopes });
      this.account = cached;
      this.signedIn = await this.checkRoles(cached);
    } catch (error) {
      this.config.logger.info(`[auth] cached sign-in not restored: ${describe(error)}`);
      const mapped = error instanceof InteractionRequiredAuthError ? outcomeError('NOT_SIGNED_IN') : mapSignInError(error);
      // An expired sign-in or a lost role ends the cached session; a network failure keeps it for later.
      if (mapped.code === 'NOT_SIGNED_IN' || mapped.code === 'NO_ADMIN_ROLE') await this.forget(cached);
      else this.account = undefined;
      if (mapped.code !== 'NOT_SIGNED_IN') this.lastError = mapped;
    }
    this.emit();
    return this.getStatus();
  }

  /** Sign-in in the system browser; MSAL's loopback server receives Entra's form_post reply. */
  signInInteractive(): Promise<SignedInAccount> {
    return this.runAttempt('browser', async (attempt) =>
      this.pca.acquireTokenInteractive({
        scopes: this.config.scopes,
        prompt: 'select_account',
        successTemplate: signInSucceededPage,
        errorTemplate: signInFailedPage,
        openBrowser: async (url) => {
          if (attempt.cancelled) throw outcomeError('SIGN_IN_CANCELLED');
          attempt.authorizeUrl = url;
          await this.config.openBrowser(url);
        },
      }),
    );
  }

  /** Device-code sign-in (fallback for servers without a usable browser); the page shows the prompt. */
  signInWithDeviceCode(onPrompt: (prompt: DeviceCodePrompt) => void): Promise<SignedInAccount> {
    return this.runAttempt('deviceCode', async (attempt) => {
      const request: DeviceCodeRequest = {
        scopes: this.config.scopes,
        timeout: Math.ceil((this.config.signInTimeoutMs ?? defaultSignInTimeoutMs) / 1000),
        deviceCodeCallback: (response) =>
          onPrompt({
            userCode: response.userCode,
            verificationUri: response.verificationUri,
            message: response.message,
            expiresAt: new Date(Date.now() + response.expiresIn * 1000).toISOString(),
          }),
      };
      attempt.deviceCodeRequest = request;
      if (attempt.cancelled) request.cancel = true; // cancelled while the authority was checked
      const result = await this.pca.acquireTokenByDeviceCode(request);
      if (!result) throw outcomeError('SIGN_IN_FAILED', 'No token was returned for the device code.');
      return result;
    });
  }

  /** Stops a pending sign-in (browser or device code); it then fails with SIGN_IN_CANCELLED. */
  cancelSignIn(): void {
    this.pending?.stop(outcomeError('SIGN_IN_CANCELLED', 'The sign-in was canceled in the wizard.'));
  }

  /** An access token for Graph, refreshed silently when expired. Only the Graph client calls this. */
  async getAccessToken(): Promise<string> {
    const account = this.account;
    if (!account) throw outcomeError('NOT_SIGNED_IN');
    try {
      const result = await this.pca.acquireTokenSilent({ account, scopes: this.config.scopes });
      return result.accessToken;
    } catch (error) {
      throw await this.silentFailure(account, error);
    }
  }

  /**
   * For the changes the native wizard makes only after Connect to Azure AD (Customize synchronization options,
   * Configure staging mode): a signed-in Global or Hybrid Identity Administrator whose token still refreshes
   * silently, now (forceRefresh goes to the token endpoint with the refresh token). Throws NOT_SIGNED_IN or
   * NO_ADMIN_ROLE (or the sign-in error the refresh ran into).
   */
  async requireAdministrator(): Promise<SignedInAccount> {
    const account = this.account;
    const signedIn = this.signedIn;
    if (!account || !signedIn) throw outcomeError('NOT_SIGNED_IN', 'Changing the sync server needs a signed-in administrator (Connect to Azure AD).');
    try {
      await this.pca.acquireTokenSilent({ account, scopes: this.config.scopes, forceRefresh: true });
    } catch (error) {
      throw await this.silentFailure(account, error);
    }
    if (!hasAdminRole(signedIn.roles)) throw outcomeError('NO_ADMIN_ROLE', `Signed in as ${signedIn.username}.`);
    return signedIn;
  }

  /** A silent token request failed: a sign-in Entra no longer honours ends here. */
  private async silentFailure(account: AccountInfo, error: unknown): Promise<AppError> {
    if (error instanceof InteractionRequiredAuthError) {
      await this.forget(account);
      this.lastError = outcomeError('NOT_SIGNED_IN', firstLine(error.errorMessage) || error.errorCode);
      this.emit();
      return this.lastError;
    }
    return mapSignInError(error);
  }

  /** Removes the account and its tokens from the cache. */
  async signOut(): Promise<void> {
    this.cancelSignIn();
    for (const account of await this.pca.getAllAccounts()) await this.forget(account);
    this.lastError = undefined;
    this.emit();
  }

  /** Releases the HTTPS agent (tests, app shutdown). */
  async close(): Promise<void> {
    this.cancelSignIn();
    await this.agent.close();
  }

  private async runAttempt(
    method: SignInMethod,
    acquire: (attempt: PendingAttempt) => Promise<AuthenticationResult>,
  ): Promise<SignedInAccount> {
    this.cancelSignIn();
    const attempt = this.startAttempt(method);
    this.lastError = undefined;
    this.emit();
    try {
      await this.assertAuthorityReachable();
      const tokens = acquire(attempt);
      tokens.catch(() => undefined); // settled through the race below; a late rejection is not unhandled
      const result = await Promise.race([tokens, attempt.stopped]);
      if (!result.account) throw outcomeError('SIGN_IN_FAILED', 'The sign-in returned no account.');
      const account = result.account;
      const previous = { account: this.account, signedIn: this.signedIn };
      const isSameAccount = previous.account?.homeAccountId === account.homeAccountId;
      this.account = account; // the role check's Graph calls use this account's token
      let signedIn: SignedInAccount;
      try {
        signedIn = await this.checkRoles(account);
      } catch (error) {
        // An account that may not run the wizard keeps no tokens; an earlier, different sign-in stays.
        await this.forget(account);
        if (!isSameAccount) {
          this.account = previous.account;
          this.signedIn = previous.signedIn;
        }
        throw error;
      }
      if (previous.account && !isSameAccount) await this.forget(previous.account, false);
      this.signedIn = signedIn;
      this.config.logger.info(`[auth] signed in as ${signedIn.username} (${method})`);
      return signedIn;
    } catch (error) {
      const mapped = mapSignInError(error);
      // An attempt replaced by a newer one does not overwrite the newer one's status.
      if (this.pending === undefined || this.pending === attempt) this.lastError = mapped;
      this.config.logger.warn(`[auth] sign-in failed: ${mapped.code}${mapped.detail ? ` (${mapped.detail})` : ''}`);
      throw mapped;
    } finally {
      attempt.cancelled = true; // a late cancel or timeout of a finished attempt does nothing
      clearTimeout(attempt.timer);
      if (this.pending === attempt) this.pending = undefined;
      this.emit();
    }
  }

  private startAttempt(method: SignInMethod): PendingAttempt & { timer: NodeJS.Timeout } {
    let reject: (error: AppError) => void = () => undefined;
    const stopped = new Promise<never>((_resolve, rejectStopped) => {
      reject = rejectStopped;
    });
    stopped.catch(() => undefined);
    const attempt: PendingAttempt & { timer: NodeJS.Timeout } = {
      method,
      cancelled: false,
      stopped,
      stop: (error) => {
        if (attempt.cancelled) return;
        attempt.cancelled = true;
        if (attempt.deviceCodeRequest) attempt.deviceCodeRequest.cancel = true;
        if (attempt.authorizeUrl) void postCancellationToLoopback(attempt.authorizeUrl);
        reject(error);
      },
      timer: setTimeout(
        () => attempt.stop(outcomeError('SIGN_IN_CANCELLED', 'No answer from the sign-in within the time allowed.')),
        this.config.signInTimeoutMs ?? defaultSignInTimeoutMs,
      ),
    };
    this.pending = attempt;
    return attempt;
  }

  /**
   * Reads the tenant's openid-configuration first, so an unreachable Entra ID (or lab) fails fast
   * with NETWORK_UNREACHABLE instead of leaving a browser on an error page.
   */
  private async assertAuthorityReachable(): Promise<void> {
    const url = `${this.config.authority.replace(/\/+$/, '')}/v2.0/.well-known/openid-configuration`;
    let response;
    try {
      response = await fetch(url, { dispatcher: this.agent, signal: AbortSignal.timeout(20_000) });
    } catch (error) {
      throw outcomeError('NETWORK_UNREACHABLE', `${new URL(url).host}: ${networkErrorText(error)}`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    // A tenant setting Entra does not know (AADSTS90002) is reported now, with Entra's text.
    if (!response.ok && typeof body === 'object' && body !== null && 'error_description' in body) {
      throw mapSignInError({ errorCode: 'error' in body ? body.error : '', errorMessage: body.error_description });
    }
  }

  private async checkRoles(account: AccountInfo): Promise<SignedInAccount> {
    const { directory } = this.config;
    const [me, roles, organization] = await Promise.all([
      directory.me(),
      directory.myDirectoryRoles(),
      directory.organization().catch(() => undefined),
    ]);
    const username = me.userPrincipalName || account.username;
    if (!hasAdminRole(roles)) {
      const held = roles.map((role) => role.displayName).join(', ') || 'none';
      throw outcomeError('NO_ADMIN_ROLE', `Signed in as ${username}. Active directory roles: ${held}.`);
    }
    const signedIn: SignedInAccount = {
      displayName: me.displayName ?? account.name ?? username,
      username,
      tenantId: account.tenantId,
      tenantDomain: organization?.defaultDomain ?? username.split('@')[1] ?? account.tenantId,
      roles,
    };
    if (organization?.displayName) signedIn.tenantDisplayName = organization.displayName;
    return signedIn;
  }

  /** Drops an account's tokens; `clearCurrent` false keeps the current sign-in (replaced accounts). */
  private async forget(account: AccountInfo, clearCurrent = true): Promise<void> {
    try {
      await this.pca.signOut({ account });
    } catch (error) {
      this.config.logger.warn(`[auth] could not remove the cached account: ${describe(error)}`);
    }
    if (clearCurrent && this.account?.homeAccountId === account.homeAccountId) {
      this.account = undefined;
      this.signedIn = undefined;
    }
  }

  private emit(): void {
    const status = this.getStatus();
    for (const listener of this.listeners) {
      try {
        listener(status);
      } catch (error) {
        this.config.logger.warn(`[auth] status listener failed: ${describe(error)}`);
      }
    }
  }
}

/**
 * MSAL's loopback server waits for the browser's form_post; a cancelled attempt answers it with an
 * error for the same state, so MSAL stops listening and releases the port.
 */
async function postCancellationToLoopback(authorizeUrl: string): Promise<void> {
  try {
    const params = new URL(authorizeUrl).searchParams;
    const redirectUri = params.get('redirect_uri');
    const state = params.get('state');
    if (!redirectUri || !state) return;
    const loopback = new URL(redirectUri);
    loopback.hostname = '127.0.0.1'; // MSAL listens on 127.0.0.1 while the redirect says localhost
    const body = new URLSearchParams({ error: 'access_denied', error_description: 'Canceled in the wizard.', state });
    const response = await fetch(loopback, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      signal: AbortSignal.timeout(5_000),
    });
    await response.body?.cancel();
  } catch {
    // The loopback server is already gone: nothing left to release.
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(value: string): string {
  return value.trim().split(/\r?\n/)[0] ?? '';
}
