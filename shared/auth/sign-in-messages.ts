import type { ErrorCode } from '../core/errors';
import type { TokenCachePersistence } from './account';

/** The outcomes of "Connect to Azure AD" that keep Next disabled. */
export const signInErrorCodes = [
  'NO_ADMIN_ROLE',
  'SIGN_IN_CANCELLED',
  'PASSWORD_EXPIRED',
  'WRONG_TENANT',
  'PERSONAL_ACCOUNT',
  'NETWORK_UNREACHABLE',
  'SIGN_IN_FAILED',
  'MFA_REQUIRED',
  'NOT_SIGNED_IN',
] as const satisfies readonly ErrorCode[];
export type SignInErrorCode = (typeof signInErrorCodes)[number];

export interface SignInMessage {
  /** Short heading, worded like the native wizard's error states. */
  readonly title: string;
  /** What happened and what the administrator can do. */
  readonly message: string;
}

/** One table for main (error messages) and the renderer (the page's message bar). */
export const signInMessages: Readonly<Record<SignInErrorCode, SignInMessage>> = {
  NO_ADMIN_ROLE: {
    title: 'Global Administrator role needed',
    message:
      'The account was authenticated but is neither a Global Administrator nor a Hybrid Identity Administrator of this tenant. ' +
      'Sign in with an account that holds one of these roles. If the role is assigned through Privileged Identity Management, activate it first.',
  },
  SIGN_IN_CANCELLED: {
    title: 'Authentication canceled',
    message: 'The sign-in or the multi-factor authentication challenge was canceled. Sign in again to continue.',
  },
  PASSWORD_EXPIRED: {
    title: 'User password expired',
    message: 'The password of this account has expired. Change the password, then sign in again.',
  },
  WRONG_TENANT: {
    title: 'Account not in this tenant',
    message:
      'The account does not belong to the Azure AD tenant this server synchronizes to. ' +
      'Sign in with a Global Administrator or Hybrid Identity Administrator account of that tenant.',
  },
  PERSONAL_ACCOUNT: {
    title: 'Microsoft account not supported',
    message:
      'A personal Microsoft account cannot configure synchronization. ' +
      'Sign in with a work or school account of the tenant that is a Global Administrator or Hybrid Identity Administrator.',
  },
  NETWORK_UNREACHABLE: {
    title: 'User realm discovery failed',
    message:
      'Azure AD could not be reached. Check the network connection and the proxy settings of this server, then try again.',
  },
  SIGN_IN_FAILED: {
    title: 'Unable to validate credentials',
    message: 'Azure AD did not accept the sign-in. The details below say why.',
  },
  MFA_REQUIRED: {
    title: 'Multi-factor authentication required',
    message: 'This account must complete multi-factor authentication. Sign in again and complete the challenge in the browser.',
  },
  NOT_SIGNED_IN: {
    title: 'Not signed in',
    message: 'Sign in to Azure AD with a Global Administrator or Hybrid Identity Administrator account to continue.',
  },
};

export function isSignInErrorCode(code: string): code is SignInErrorCode {
  return (signInErrorCodes as readonly string[]).includes(code);
}

/** What the page says about where the sign-in is kept. */
export const tokenCacheMessages: Readonly<Record<TokenCachePersistence, string>> = {
  encrypted: 'Your sign-in is kept encrypted in the secure store of the operating system, so the wizard can reconnect without asking again.',
  memory:
    'No secure store is available on this computer, so your sign-in is kept only while the wizard is open and is never written to disk.',
};
