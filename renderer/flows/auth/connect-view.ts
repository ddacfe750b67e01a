import type { AuthStatus } from '../../../shared/auth/auth-status';
import { isSignInErrorCode, signInMessages } from '../../../shared/auth/sign-in-messages';

/** What the Connect page shows for a sign-in status. Pure: the page renders it, a unit test checks it. */
export interface ConnectView {
  readonly phase: 'signedOut' | 'signingIn' | 'signedIn';
  /** Why the last attempt did not sign an administrator in, worded as the native wizard's message. */
  readonly failure?: { readonly title: string; readonly message: string; readonly detail?: string };
  /** Next is enabled only for a signed-in Global or Hybrid Identity Administrator. */
  readonly canProceed: boolean;
  /** Set when the sign-in lasts only while the wizard is open. */
  readonly memoryCacheNote?: string;
}

export const memoryCacheNote =
  'No secure store is available on this computer, so your sign-in is kept in memory only: you will have to sign in again the next time you open the wizard.';

export function connectView(status: AuthStatus): ConnectView {
  const signedIn = status.state === 'signedIn' && status.account !== undefined;
  const phase = signedIn ? 'signedIn' : status.state === 'signingIn' ? 'signingIn' : 'signedOut';
  // Signed in with a failure: another account was tried and refused; the earlier sign-in stays.
  const error = phase === 'signingIn' ? undefined : status.lastError;
  const failure = error
    ? isSignInErrorCode(error.code)
      ? { ...signInMessages[error.code], ...(error.detail ? { detail: error.detail } : {}) }
      : { title: 'Sign-in failed', message: error.message, ...(error.detail ? { detail: error.detail } : {}) }
    : undefined;
  return {
    phase,
    canProceed: signedIn,
    ...(failure ? { failure } : {}),
    ...(status.cachePersistence === 'memory' ? { memoryCacheNote } : {}),
  };
}
