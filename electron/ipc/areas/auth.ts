import type { AuthStatus, authChannels } from '../../../shared/contract/auth';
import { isAppError } from '../../../shared/contract/errors';
import type { DeviceCodePrompt } from '../../../shared/model/account';
import type { Services } from '../../main/services';
import type { AreaHandlers } from '../handlers';
import type { HandlerContext } from '../host';

/**
 * The auth area. The service reports every status change once, to one listener subscribed here; the
 * change is pushed as `auth:status` through the emit of the latest auth request's context. There is
 * one wizard window, and the Connect page asks for the status when it opens, so a context exists
 * before any change the page must see. Sign-in requests answer with the status once the attempt has
 * ended: a refused sign-in is an outcome to show (status.lastError), not a failed request.
 */
export function createAuthHandlers(services: Services): AreaHandlers<typeof authChannels> {
  const { auth, logger } = services;
  let revision = 0;
  let deviceCode: DeviceCodePrompt | undefined;
  let emit: HandlerContext['emit'] | undefined;
  let restored: Promise<void> | undefined;

  const view = (): AuthStatus => {
    const status = auth.getStatus();
    const prompt = status.state === 'signingIn' ? deviceCode : undefined;
    return { ...status, revision, ...(prompt ? { deviceCode: prompt } : {}) };
  };

  auth.onStatusChanged((status) => {
    revision += 1;
    if (status.state !== 'signingIn') deviceCode = undefined;
    emit?.('auth:status', view());
  });

  const remember = (context: HandlerContext): void => {
    emit = context.emit;
  };

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
    'auth:get-status': async (_request, context) => {
      remember(context);
      await restoreOnce();
      return view();
    },
    'auth:sign-in': async (_request, context) => {
      remember(context);
      deviceCode = undefined;
      return attempt(auth.signInInteractive());
    },
    'auth:sign-in-device-code': async (_request, context) => {
      remember(context);
      deviceCode = undefined;
      return attempt(
        auth.signInWithDeviceCode((prompt) => {
          deviceCode = prompt;
          revision += 1;
          emit?.('auth:device-code', prompt);
          emit?.('auth:status', view());
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
    'auth:cancel-sign-in': async (_request, context) => {
      remember(context);
      auth.cancelSignIn();
      return view();
    },
    'auth:sign-out': async (_request, context) => {
      remember(context);
      await auth.signOut();
      return view();
    },
  };
}
