import { AppError, isAppError } from '../../../shared/core/errors';
import { signInMessages, type SignInErrorCode } from '../../../shared/auth/sign-in-messages';

/** The parts of an MSAL error (AuthError, ServerError) the mapping reads; anything else is an unknown error. */
interface MsalErrorShape {
  errorCode?: unknown;
  errorMessage?: unknown;
  subError?: unknown;
  message?: unknown;
}

/** Entra's AADSTS codes that mean one of the page's outcomes. */
const aadstsOutcomes: Readonly<Record<string, SignInErrorCode>> = {
  '50055': 'PASSWORD_EXPIRED', // the password is expired
  '50144': 'PASSWORD_EXPIRED', // the Active Directory password is expired
  '50020': 'WRONG_TENANT', // account from another identity provider / tenant (personal accounts: see below)
  '90072': 'WRONG_TENANT', // account does not exist in the tenant and cannot access the app
  '50034': 'WRONG_TENANT', // the user account does not exist in this directory
  '50076': 'MFA_REQUIRED', // MFA required by policy
  '50079': 'MFA_REQUIRED', // must enroll for MFA
  '50074': 'MFA_REQUIRED', // strong authentication required
  '50072': 'MFA_REQUIRED', // must enroll for second-factor authentication
  '50158': 'MFA_REQUIRED', // external security challenge not satisfied
  '500121': 'SIGN_IN_CANCELLED', // strong authentication failed: the MFA prompt was denied or canceled
  '65004': 'SIGN_IN_CANCELLED', // the user declined to consent
};

/** OAuth and MSAL error codes (also the `error` of a device-code poll) that mean the administrator stopped. */
const cancelCodes = new Set([
  'access_denied',
  'user_cancelled',
  'user_canceled',
  'authentication_canceled',
  'authorization_declined',
  'expired_token',
  'device_code_polling_cancelled',
  'device_code_expired',
  'user_timeout_reached',
  'cancel', // Entra's error_subcode when the user cancels
]);

const networkCodes = new Set(['network_error', 'openid_config_error', 'endpoints_resolution_error']);

const socketCodePattern =
  /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT|UND_ERR_SOCKET|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID)\b/;

/** Personal Microsoft accounts come from live.com / the consumers tenant. */
const personalAccountPattern = /live\.com|microsoft account|\bMSA\b|9188040d-6c67-4c5b-b112-36a304b66dad|consumers/i;

/** Turns whatever a sign-in threw into the page's typed outcome, keeping Entra's own text as detail. */
export function mapSignInError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const shape: MsalErrorShape = typeof error === 'object' && error !== null ? (error as MsalErrorShape) : {};
  const errorCode = text(shape.errorCode).toLowerCase();
  const errorMessage = text(shape.errorMessage);
  const subError = text(shape.subError).toLowerCase();
  const fullText = [errorMessage, text(shape.message), error instanceof Error ? '' : text(error)].join(' ');
  const detail = firstLine(errorMessage || text(shape.message) || text(error)) || undefined;

  const aadsts = /AADSTS(\d+)/.exec(fullText)?.[1];
  if (aadsts !== undefined) {
    const outcome = aadstsOutcomes[aadsts];
    if (outcome === 'WRONG_TENANT' && personalAccountPattern.test(fullText)) return outcomeError('PERSONAL_ACCOUNT', detail);
    if (outcome !== undefined) return outcomeError(outcome, detail);
  }
  if (cancelCodes.has(errorCode) || cancelCodes.has(subError) || cancelCodes.has(errorMessage.trim().toLowerCase())) {
    return outcomeError('SIGN_IN_CANCELLED', detail);
  }
  if (networkCodes.has(errorCode) || socketCodePattern.test(fullText)) return outcomeError('NETWORK_UNREACHABLE', detail);
  if (subError === 'password_expired') return outcomeError('PASSWORD_EXPIRED', detail);
  return outcomeError('SIGN_IN_FAILED', detail ?? (errorCode || undefined));
}

/** The AppError of an outcome, with the wording of the shared message table. */
export function outcomeError(code: SignInErrorCode, detail?: string): AppError {
  const { title, message } = signInMessages[code];
  return new AppError(code, `${title}. ${message}`, detail);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function firstLine(value: string): string {
  return value.trim().split(/\r?\n/)[0]?.trim() ?? '';
}
