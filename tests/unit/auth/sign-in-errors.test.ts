import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/core/errors';
import { signInMessages } from '../../../shared/auth/sign-in-messages';
import { mapSignInError } from '../../../electron/services/auth/sign-in-errors';

const trailer = '\r\nTrace ID: 1b2c\r\nCorrelation ID: 3d4e\r\nTimestamp: 2025-05-01 10:31:52Z';

function server(error: string, description: string, subError = ''): ServerError {
  return new ServerError(error, 'corr', description + trailer, subError);
}

describe('mapSignInError', () => {
  it.each([
    ['expired password (AADSTS50055)', server('invalid_grant', 'AADSTS50055: The password is expired.'), 'PASSWORD_EXPIRED'],
    ['expired AD password (AADSTS50144)', server('invalid_grant', "AADSTS50144: User's Active Directory password has expired."), 'PASSWORD_EXPIRED'],
    [
      'personal account (AADSTS50020 from live.com)',
      server('access_denied', "AADSTS50020: User account 'ann@outlook.com' from identity provider 'live.com' does not exist in tenant 'Contoso'."),
      'PERSONAL_ACCOUNT',
    ],
    [
      'account of another tenant (AADSTS90072)',
      server('access_denied', "AADSTS90072: User account 'bob@fabrikam.com' from identity provider 'https://sts.windows.net/0d1e/' does not exist in tenant 'Contoso'."),
      'WRONG_TENANT',
    ],
    [
      'guest of another tenant (AADSTS50020 from sts.windows.net)',
      server('invalid_request', "AADSTS50020: User account 'bob@fabrikam.com' from identity provider 'https://sts.windows.net/0d1e/' does not exist in tenant."),
      'WRONG_TENANT',
    ],
    ['account not in the directory (AADSTS50034)', server('invalid_grant', 'AADSTS50034: The user account does not exist in the directory.'), 'WRONG_TENANT'],
    ['MFA required by policy (AADSTS50076)', server('invalid_grant', 'AADSTS50076: Due to a configuration change you must use multi-factor authentication.'), 'MFA_REQUIRED'],
    ['MFA enrolment required (AADSTS50079)', server('interaction_required', 'AADSTS50079: The user is required to use multi-factor authentication.'), 'MFA_REQUIRED'],
    ['MFA denied (AADSTS500121)', server('invalid_grant', 'AADSTS500121: Authentication failed during strong authentication request.'), 'SIGN_IN_CANCELLED'],
    ['consent declined with subcode cancel (AADSTS65004)', server('access_denied', 'AADSTS65004: User declined to consent to access the app.', 'cancel'), 'SIGN_IN_CANCELLED'],
    ['plain access_denied', server('access_denied', 'The user canceled.'), 'SIGN_IN_CANCELLED'],
    ['device code declined', new AuthError('post_request_failed', 'corr', 'authorization_declined'), 'SIGN_IN_CANCELLED'],
    ['device code polling cancelled', new AuthError('device_code_polling_cancelled', 'corr', 'Cancelled'), 'SIGN_IN_CANCELLED'],
    ['device code expired', new AuthError('device_code_expired', 'corr', 'Device code is expired.'), 'SIGN_IN_CANCELLED'],
    ['connection refused', new AuthError('network_error', '', 'Network request to 127.0.0.1:9 failed: ECONNREFUSED'), 'NETWORK_UNREACHABLE'],
    ['unknown host', new Error('getaddrinfo ENOTFOUND login.microsoftonline.com'), 'NETWORK_UNREACHABLE'],
    ['openid configuration unreadable', new AuthError('openid_config_error', '', 'Could not retrieve endpoints.'), 'NETWORK_UNREACHABLE'],
    ['untrusted certificate (TLS interception)', new Error('request failed: SELF_SIGNED_CERT_IN_CHAIN'), 'NETWORK_UNREACHABLE'],
    ['unknown application (AADSTS700016)', server('unauthorized_client', "AADSTS700016: Application with identifier 'x' was not found in the directory."), 'SIGN_IN_FAILED'],
    ['wrong password (AADSTS50126)', server('invalid_grant', 'AADSTS50126: Error validating credentials due to invalid username or password.'), 'SIGN_IN_FAILED'],
    ['something unexpected', new Error('boom'), 'SIGN_IN_FAILED'],
  ])('%s → %s', (_name, error, code) => {
    expect(mapSignInError(error).code).toBe(code);
  });

  it("words the error with the page's message and keeps Entra's first line as detail", () => {
    const mapped = mapSignInError(server('invalid_grant', 'AADSTS50055: The password is expired.'));
    expect(mapped.message).toContain(signInMessages.PASSWORD_EXPIRED.title);
    expect(mapped.detail).toBe('AADSTS50055: The password is expired.');
  });

  it('names the unknown application in the detail so the administrator can check the client id setting', () => {
    const mapped = mapSignInError(server('unauthorized_client', "AADSTS700016: Application with identifier 'abc' was not found."));
    expect(mapped.detail).toContain("identifier 'abc'");
  });

  it('passes an AppError through unchanged', () => {
    const original = new AppError('NO_ADMIN_ROLE', 'no role');
    expect(mapSignInError(original)).toBe(original);
  });

  it('maps an interaction-required silent failure by its AADSTS code', () => {
    const error = new InteractionRequiredAuthError('interaction_required', 'corr', 'AADSTS50076: MFA needed.');
    expect(mapSignInError(error).code).toBe('MFA_REQUIRED');
  });
});
