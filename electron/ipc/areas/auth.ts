import type { authChannels } from '../../../shared/contract/auth';
import type { AuthStatus } from '../../../shared/auth/auth-status';
import { isAppError } from '../../../shared/core/errors';
import type { DeviceCodePrompt } from '../../../shared/auth/account';
import type { Services } from '../../main/services';
import type { AreaHandlers } from '../handlers';

/**
 * The auth area. The service reports every status change once, to one listener subscribed here; the
 * change is pushed to the window as `auth:status` through the app's event bus. Sign-in requests
 * answer with the status once the attempt has ended: a refused sign-in is an outcome to show
 * (status.lastError), not a failed request.
 */
export function createAuthHandlers(services: Services): AreaHandlers<typeof authChannels> {
  const { auth, logger, events } = services;
  let revision = 0;
  let deviceCode: DeviceCodePrompt | undefined;
  let restored: Promise<void> | undefined;

  const view = (): AuthStatus => {
    const status = auth.getStatus();
    const prompt = status.state === 'signingIn' ? deviceCode : undefined;
    return { ...status, revision, ...(prompt ? { deviceCode: prompt } : {}) };
  };

  auth.onStatusChanged((status) => {
    revision += 1;
    if (status.state !== 'signingIn') deviceCode = undefined;
    events.emit('auth:status', view());
  });

  /** A cached sign-in (encrypted store) is restored once, when the page first asks. */
  const restoreOnce = (): Promise<void> => {
    restored ??= auth.restoreSession().then(
      () => undefined,
      (error: unknown) => logger.warn('[auth] the cached sign-in could not be read', error),
    );
    return restored;
  };

  /** Waits for a sign-in attempt; its outcome is in the status, so only unexpected errors propagate. */
  const attempt = async (signIn: Promise<unknown>): Promise<AuthStatus> => {
    try {
      await signIn;
    } catch (error) {
      if (!isAppError(error)) throw error;
    }
    return view();
  };

  return {
    'auth:get-status': async () => {
      await restoreOnce();
      return view();
    },
    'auth:sign-in': async () => {
      deviceCode = undefined;
      return attempt(auth.signInInteractive());
    },
    'auth:sign-in-device-code': async () => {
      deviceCode = undefined;
      return attempt(
        auth.signInWithDeviceCode((prompt) => {
          deviceCode = prompt;
          revision += 1;
          events.emit('auth:device-code', prompt);
          events.emit('auth:status', view());
        }),
      );
    },
    'auth:open-device-code-page': async () => {
      // Only the URL the identity provider gave for the pending prompt: the renderer never names one.
      const url = auth.getStatus().state === 'signingIn' ? deviceCode?.verificationUri : undefined;
      if (!url) return { opened: false };
      await services.shell.openSignInPage(url);
      return { opened: true };
    },
    'auth:cancel-sign-in': async () => {
      auth.cancelSignIn();
      return view();
    },
    'auth:sign-out': async () => {
      await auth.signOut();
      return view();
    },
  };
}
