import type { authChannels } from '../../../shared/contract/auth';
import type { SignInStatusService } from '../../services/auth/sign-in-status-service';
import type { AreaHandlers } from '../register';

/** The auth area: the Connect page's sign-in, answered with the status once each attempt has ended. */
export function createAuthHandlers(signIn: SignInStatusService): AreaHandlers<typeof authChannels> {
  return {
    'auth:get-status': () => signIn.readStatus(),
    'auth:sign-in': () => signIn.signIn(),
    'auth:sign-in-device-code': () => signIn.signInWithDeviceCode(),
    'auth:open-device-code-page': async () => ({ opened: await signIn.openDeviceCodePage() }),
    'auth:cancel-sign-in': async () => signIn.cancelSignIn(),
    'auth:sign-out': () => signIn.signOut(),
  };
}
