import { LAB_CLIENT_DISPLAY_NAME, LAB_TENANT_DISPLAY_NAME, LAB_TENANT_ID } from '../constants';

/**
 * One Entra ID (AADSTS) error: the OAuth `error` value, the AADSTS number and its text as Entra
 * words it. The texts follow the real messages so the app's error mapping can be tested.
 */
export interface EntraError {
  error: string;
  code: number;
  text: string;
  /** Entra's `error_subcode` (e.g. `cancel` when the user cancels sign-in). */
  subcode?: string;
  /** HTTP status for the JSON endpoints. */
  status: number;
}

function entraError(error: string, code: number, text: string, status = 400, subcode?: string): EntraError {
  return subcode === undefined ? { error, code, text, status } : { error, code, text, status, subcode };
}

export const entraErrors = {
  tenantNotFound: (tenant: string) =>
    entraError(
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    ),
  unknownClient: (clientId: string) =>
    entraError(
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${LAB_TENANT_DISPLAY_NAME}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  redirectUriMismatch: (redirectUri: string, clientId: string) =>
    entraError(
      'invalid_request',
      50011,
      `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
    ),
  missingParameter: (name: string) =>
    entraError('invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  unsupportedResponseType: () =>
    entraError('unsupported_response_type', 70005, `The provided value for the input parameter 'response_type' is not allowed for this request. Expected value is 'code'.`),
  unsupportedResponseMode: () =>
    entraError('invalid_request', 900144, `The provided value for the input parameter 'response_mode' is not valid. Expected values are 'form_post', 'query' or 'fragment'.`),
  pkceRequired: () =>
    entraError('invalid_request', 9002325, 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.'),
  pkceMethodNotSupported: () =>
    entraError('invalid_request', 501491, `Invalid value for the input parameter 'code_challenge_method'. The lab tenant accepts only 'S256'.`),
  pkceMismatch: () =>
    entraError('invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.'),
  unsupportedGrantType: (grantType: string) =>
    entraError('unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`),
  invalidScope: (scope: string) =>
    entraError('invalid_scope', 70011, `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`),
  resourceNotFound: (resource: string) =>
    entraError(
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${LAB_TENANT_DISPLAY_NAME}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    ),
  consentRequired: (clientId: string, scope: string) =>
    entraError(
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${clientId}' named '${LAB_CLIENT_DISPLAY_NAME}'. Send an interactive authorization request for this user and resource. (scope: ${scope})`,
    ),
  invalidGrant: () => entraError('invalid_grant', 70000, 'Provided grant is invalid or malformed.'),
  malformedCode: () => entraError('invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.'),
  codeRedeemed: () =>
    entraError('invalid_grant', 54005, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.'),
  codeExpired: () =>
    entraError('invalid_grant', 70008, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.'),
  codeRedirectMismatch: () =>
    entraError('invalid_grant', 70000, `The request was denied: the 'redirect_uri' does not match the one used to obtain the authorization code.`),
  codeClientMismatch: () =>
    entraError('invalid_grant', 70000, 'The provided authorization code was issued to a different client.'),
  authorizationPending: () =>
    entraError('authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.'),
  deviceCodeExpired: () =>
    entraError('expired_token', 70020, `The provided value for the input parameter 'device_code' is not valid. This device code has expired.`),
  /** Entra's device-flow error when the user cancels on the verification pages. */
  authorizationDeclined: () =>
    entraError('authorization_declined', 70000, 'The end user denied the authorization request.'),
  userCancelled: () =>
    entraError('access_denied', 65004, 'User declined to consent to access the app.', 400, 'cancel'),
  loginRequired: () =>
    entraError('login_required', 50058, 'A silent sign-in request was sent but no user is signed in.'),
  invalidCredentials: () => entraError('invalid_grant', 50126, 'Error validating credentials due to invalid username or password.'),
  accountNotFound: () =>
    entraError(
      'invalid_grant',
      50034,
      `The user account {EUII Hidden} does not exist in the ${LAB_TENANT_ID} directory. To sign into this application, the account must be added to the directory.`,
    ),
  /**
   * An expired password. Interactively, real Entra sends the user through "Update your password";
   * the lab shows the error instead and reports it to the app the way Entra reports AADSTS50055 to
   * non-interactive flows: `error=invalid_grant`.
   */
  passwordExpired: () =>
    entraError('invalid_grant', 50055, `The password is expired. The user's password is expired, and therefore their login or session was ended. They will be offered the opportunity to reset it, or may ask an admin to reset it via https://aka.ms/ResetPassword.`),
  personalAccount: (userName: string, clientId: string) =>
    entraError(
      'access_denied',
      50020,
      `User account '${userName}' from identity provider 'live.com' does not exist in tenant '${LAB_TENANT_DISPLAY_NAME}' and cannot access the application '${clientId}'(${LAB_CLIENT_DISPLAY_NAME}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`,
    ),
  otherTenantAccount: (userName: string, homeTenantIssuer: string, clientId: string) =>
    entraError(
      'access_denied',
      90072,
      `User account '${userName}' from identity provider '${homeTenantIssuer}' does not exist in tenant '${LAB_TENANT_DISPLAY_NAME}' and cannot access the application '${clientId}'(${LAB_CLIENT_DISPLAY_NAME}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`,
    ),
  wrongMfaCode: () =>
    entraError('invalid_grant', 500121, 'Authentication failed during strong authentication request.'),
  temporarilyUnavailable: () =>
    entraError('temporarily_unavailable', 90033, 'A transient error has occurred. Please try again.', 503),
} as const;

/** The AADSTS line as Entra prints it, e.g. `AADSTS50126: Error validating credentials...`. */
export function aadstsText(error: EntraError): string {
  return `AADSTS${error.code}: ${error.text}`;
}

export interface ErrorContext {
  traceId: string;
  correlationId: string;
  now: Date;
  baseUrl: string;
}

/** Entra's timestamp format in error bodies: `2025-05-01 10:31:52Z`. */
export function entraTimestamp(now: Date): string {
  return `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** The `error_description` with the trailer lines Entra appends. */
export function errorDescription(error: EntraError, context: ErrorContext): string {
  return [
    aadstsText(error),
    `Trace ID: ${context.traceId}`,
    `Correlation ID: ${context.correlationId}`,
    `Timestamp: ${entraTimestamp(context.now)}`,
  ].join('\r\n');
}

/** The JSON error body of Entra's token, device-code and metadata endpoints. */
export function tokenErrorBody(error: EntraError, context: ErrorContext): Record<string, unknown> {
  return {
    error: error.error,
    error_description: errorDescription(error, context),
    error_codes: [error.code],
    timestamp: entraTimestamp(context.now),
    trace_id: context.traceId,
    correlation_id: context.correlationId,
    error_uri: `${context.baseUrl}/error?code=${error.code}`,
    ...(error.subcode === undefined ? {} : { suberror: error.subcode }),
  };
}
