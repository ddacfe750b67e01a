import type { AuthStatus } from '../../../shared/auth/auth-status';
import type { DeviceCodePrompt } from '../../../shared/auth/account';
import { isAppError } from '../../../shared/core/errors';
import type { AppShell } from '../../main/app-shell';
import type { EventBus } from '../../main/event-bus';
import type { Logger } from '../../main/logger';
import type { AuthService } from './auth-service';

export interface SignInStatusOptions {
  readonly auth: Pick<AuthService, 'getStatus' | 'onStatusChanged' | 'restoreSession' | 'signInInteractive' | 'signInWithDeviceCode' | 'cancelSignIn' | 'signOut'>;
  readonly shell: Pick<AppShell, 'openSignInPage'>;
  readonly events: Pick<EventBus, 'emit'>;
  readonly logger: Logger;
}

/**
 * The Connect page's view of the sign-in. The auth service reports every status change once, to the one
 * listener subscribed here; the change is pushed to the window as `auth:status`. Sign-ins answer with the
 * status once the attempt has ended: a refused sign-in is an outcome to show (status.lastError), not a
 * failed request.
 */
export class SignInStatusService {
  private revision = 0;
  private deviceCode: DeviceCodePrompt | undefined;
  private restored: Promise<void> | undefined;

  constructor(private readonly options: SignInStatusOptions) {
    options.auth.onStatusChanged((status) => {
      this.revision += 1;
      if (status.state !== 'signingIn') this.deviceCode = undefined;
      options.events.emit('auth:status', this.getStatus());
    });
  }

  /** The status as it is now, with the pending device-code prompt while one waits. */
  getStatus(): AuthStatus {
    const status = this.options.auth.getStatus();
    const prompt = status.state === 'signingIn' ? this.deviceCode : undefined;
    return { ...status, revision: this.revision, ...(prompt ? { deviceCode: prompt } : {}) };
  }

  /** The status, once a cached sign-in (encrypted store) was restored: that happens once, when the page first asks. */
  async readStatus(): Promise<AuthStatus> {
    this.restored ??= this.options.auth.restoreSession().then(
      () => undefined,
      (error: unknown) => this.options.logger.warn('[auth] the cached sign-in could not be read', error),
    );
    await this.restored;
    return this.getStatus();
  }

  /** Interactive sign-in in the system browser. */
  signIn(): Promise<AuthStatus> {
    this.deviceCode = undefined;
    return this.attempt(this.options.auth.signInInteractive());
  }

  /** Device-code sign-in; the prompt goes out as `auth:device-code` and in the status. */
  signInWithDeviceCode(): Promise<AuthStatus> {
    this.deviceCode = undefined;
    return this.attempt(
      this.options.auth.signInWithDeviceCode((prompt) => {
        this.deviceCode = prompt;
        this.revision += 1;
        this.options.events.emit('auth:device-code', prompt);
        this.options.events.emit('auth:status', this.getStatus());
      }),
    );
  }

  /** Opens the pending prompt's verification page: only the URL the identity provider gave, never one from the page. */
  async openDeviceCodePage(): Promise<boolean> {
    const url = this.options.auth.getStatus().state === 'signingIn' ? this.deviceCode?.verificationUri : undefined;
    if (!url) return false;
    await this.options.shell.openSignInPage(url);
    return true;
  }

  cancelSignIn(): AuthStatus {
    this.options.auth.cancelSignIn();
    return this.getStatus();
  }

  async signOut(): Promise<AuthStatus> {
    await this.options.auth.signOut();
    return this.getStatus();
  }

  /** Waits for a sign-in attempt; its outcome is in the status, so only unexpected errors propagate. */
  private async attempt(signIn: Promise<unknown>): Promise<AuthStatus> {
    try {
      await signIn;
    } catch (error) {
      if (!isAppError(error)) throw error;
    }
    return this.getStatus();
  }
}
