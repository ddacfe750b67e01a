import { LAB_MFA_CODE, LAB_PASSWORD } from '../constants';
import { findLabAccountByName, isHomeDomain, type LabAccount } from '../lab-accounts';
import { entraErrors, type EntraError } from './entra-errors';

/** What the sign-in page does after the user submits a username and password. */
export type SignInOutcome =
  | { kind: 'signedIn'; account: LabAccount }
  | { kind: 'mfaRequired'; account: LabAccount }
  /** Stay on the sign-in page and show the message (the user can try again). */
  | { kind: 'retry'; message: string; error: EntraError }
  /** Show the error, then report it to the application (the user cannot continue). */
  | { kind: 'failed'; message: string; error: EntraError };

/** Domains of Microsoft personal accounts (MSA), which a work tenant's sign-in refuses. */
const PERSONAL_DOMAINS = ['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'passport.com', 'outlook.fr', 'hotmail.fr', 'live.fr'];

/** Other Entra tenants the lab knows by name, with the issuer Entra names as their identity provider. */
const OTHER_TENANTS: Readonly<Record<string, string>> = {
  'fabrikam.onmicrosoft.com': 'https://sts.windows.net/0d1e6f2a-3b4c-4d5e-8f60-7a8b9c0d1e2f/',
  'fabrikam.com': 'https://sts.windows.net/0d1e6f2a-3b4c-4d5e-8f60-7a8b9c0d1e2f/',
  'northwindtraders.onmicrosoft.com': 'https://sts.windows.net/5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9/',
};

export const signInMessages = {
  wrongPassword: "Your account or password is incorrect. If you don't remember your password, reset it now.",
  unknownAccount: "This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.",
  invalidUserName: 'Enter a valid email address, phone number, or Skype name.',
  passwordExpired: "Your password has expired. You need to update your password before you can sign in.",
  personalAccount: "You can't sign in here with a personal account. Use your work or school account instead.",
  otherTenant: "Selected user account does not exist in tenant 'Contoso' and cannot access the application in that tenant.",
  wrongMfaCode: "You didn't enter the expected verification code. Please try again.",
} as const;

/** Decides the sign-in page's next step, the way Entra's home realm discovery and password check do. */
export function evaluateSignIn(userName: string, password: string, clientId: string): SignInOutcome {
  const name = userName.trim();
  const at = name.lastIndexOf('@');
  if (at <= 0 || at === name.length - 1) {
    return { kind: 'retry', message: signInMessages.invalidUserName, error: entraErrors.accountNotFound() };
  }
  const domain = name.slice(at + 1).toLowerCase();
  if (PERSONAL_DOMAINS.includes(domain)) {
    return { kind: 'failed', message: signInMessages.personalAccount, error: entraErrors.personalAccount(name, clientId) };
  }
  const otherTenantIssuer = OTHER_TENANTS[domain];
  if (otherTenantIssuer !== undefined) {
    // The password is checked by the user's home tenant before the resource tenant refuses the account.
    if (password !== LAB_PASSWORD) {
      return { kind: 'retry', message: signInMessages.wrongPassword, error: entraErrors.invalidCredentials() };
    }
    return { kind: 'failed', message: signInMessages.otherTenant, error: entraErrors.otherTenantAccount(name, otherTenantIssuer, clientId) };
  }
  const account = isHomeDomain(domain) ? findLabAccountByName(name) : undefined;
  if (account === undefined) {
    return { kind: 'retry', message: signInMessages.unknownAccount, error: entraErrors.accountNotFound() };
  }
  if (password !== LAB_PASSWORD) {
    return { kind: 'retry', message: signInMessages.wrongPassword, error: entraErrors.invalidCredentials() };
  }
  if (account.passwordExpired) {
    return { kind: 'failed', message: signInMessages.passwordExpired, error: entraErrors.passwordExpired() };
  }
  return account.mfaRequired ? { kind: 'mfaRequired', account } : { kind: 'signedIn', account };
}

export function isValidMfaCode(code: string): boolean {
  return code.trim() === LAB_MFA_CODE;
}
