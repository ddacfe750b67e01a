import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LAB_CLIENT_DISPLAY_NAME, LAB_CLIENT_ID, LAB_TENANT_ID } from '../constants';
import { formParameters, readBody, sendHtml, sendJson, sendRedirect } from '../http';
import type { LabAccount } from '../lab-accounts';
import { aadstsText, entraErrors, errorDescription, tokenErrorBody, type EntraError, type ErrorContext } from './entra-errors';
import type { AuthorizeRequest, GrantStore, ResponseMode, SignInFlow } from './grant-store';
import { instanceDiscovery, issuerFor, openIdConfiguration, resolveTenantSegment } from './metadata';
import { deviceCodePage, errorPage, formPostPage, messagePage, mfaPage, signInPage, staticFiles } from './pages';
import { resolveScopes, type GrantedScopes } from './scopes';
import { evaluateSignIn, isValidMfaCode, signInMessages } from './sign-in-outcome';
import { jwksDocument, type SigningKey } from './signing-key';
import { clientInfo, mintAccessToken, mintIdToken, type TokenSettings } from './tokens';

export interface IdentityContext {
  /** `https://127.0.0.1:<port>`: metadata, keys, token and device-code endpoints (and Graph). */
  baseUrl: string;
  /** `http://127.0.0.1:<port>`: the pages a browser opens (authorize, sign-in, MFA, device login, sign-out). */
  pagesBaseUrl: string;
  store: GrantStore;
  key: SigningKey;
  tokens: TokenSettings;
  now: () => Date;
  deviceCodeLifetimeSeconds: number;
  deviceCodePollIntervalSeconds: number;
}

const SIGN_IN_PATH = `/${LAB_TENANT_ID}/login`;
const MFA_PATH = `/${LAB_TENANT_ID}/login/mfa`;
const DEVICE_LOGIN_PATH = '/devicelogin';

function errorContext(request: IncomingMessage, parameters: URLSearchParams | null, context: IdentityContext): ErrorContext {
  const header = request.headers['client-request-id'];
  const correlationId = (typeof header === 'string' ? header : undefined) ?? parameters?.get('client-request-id') ?? randomUUID();
  return { traceId: randomUUID(), correlationId, now: context.now(), baseUrl: context.baseUrl };
}

function sendTokenError(response: ServerResponse, error: EntraError, errorCtx: ErrorContext): void {
  sendJson(response, error.status, tokenErrorBody(error, errorCtx));
}

/** Entra accepts any port and path on http://localhost for a desktop app registered with http://localhost. */
export function isAllowedRedirectUri(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.hostname === 'localhost' && url.username === '' && url.password === '' && url.hash === '' && url.search === '';
}

/** Sends the authorization response to the app's redirect URI in the requested response mode. */
function respondToClient(
  response: ServerResponse,
  target: { redirectUri: string; responseMode: ResponseMode; state: string | null },
  fields: Record<string, string>,
  page: { title: string; message: string; detail?: string; autoSubmit: boolean },
): void {
  const all = target.state === null ? fields : { ...fields, state: target.state };
  if (target.responseMode === 'form_post') {
    sendHtml(response, 200, formPostPage({ redirectUri: target.redirectUri, fields: all, ...page }));
    return;
  }
  const encoded = new URLSearchParams(all).toString();
  sendRedirect(response, target.responseMode === 'query' ? `${target.redirectUri}?${encoded}` : `${target.redirectUri}#${encoded}`);
}

function errorFields(error: EntraError, errorCtx: ErrorContext): Record<string, string> {
  return {
    error: error.error,
    error_description: errorDescription(error, errorCtx),
    error_uri: `${errorCtx.baseUrl}/error?code=${error.code}`,
    ...(error.subcode === undefined ? {} : { error_subcode: error.subcode }),
  };
}

function handleAuthorize(request: IncomingMessage, response: ServerResponse, url: URL, context: IdentityContext): void {
  const parameters = url.searchParams;
  const errorCtx = errorContext(request, parameters, context);
  const showError = (error: EntraError) => sendHtml(response, 400, errorPage(aadstsText(error), errorDescription(error, errorCtx)));
  const clientId = parameters.get('client_id');
  if (clientId === null) return showError(entraErrors.missingParameter('client_id'));
  if (clientId !== LAB_CLIENT_ID) return showError(entraErrors.unknownClient(clientId));
  const redirectUri = parameters.get('redirect_uri');
  if (redirectUri === null) return showError(entraErrors.missingParameter('redirect_uri'));
  if (!isAllowedRedirectUri(redirectUri)) return showError(entraErrors.redirectUriMismatch(redirectUri, clientId));
  const responseMode = parameters.get('response_mode') ?? 'query';
  if (responseMode !== 'form_post' && responseMode !== 'query' && responseMode !== 'fragment') {
    return showError(entraErrors.unsupportedResponseMode());
  }
  const target = { redirectUri, responseMode, state: parameters.get('state') } as const;
  const redirectError = (error: EntraError) =>
    respondToClient(response, target, errorFields(error, errorCtx), { title: 'Sign-in failed', message: aadstsText(error), autoSubmit: true });
  if (parameters.get('response_type') !== 'code') return redirectError(entraErrors.unsupportedResponseType());
  const codeChallenge = parameters.get('code_challenge');
  if (codeChallenge === null || codeChallenge.length < 43) return redirectError(entraErrors.pkceRequired());
  if (parameters.get('code_challenge_method') !== 'S256') return redirectError(entraErrors.pkceMethodNotSupported());
  const scopes = resolveScopes(parameters.get('scope'), clientId, [context.baseUrl]);
  if (!scopes.ok) return redirectError(scopes.error);
  if (parameters.get('prompt') === 'none') return redirectError(entraErrors.loginRequired());
  const authorizeRequest: AuthorizeRequest = {
    clientId,
    redirectUri,
    responseMode,
    state: target.state,
    nonce: parameters.get('nonce') ?? undefined,
    codeChallenge,
    granted: scopes.granted,
    clientInfoRequested: parameters.get('client_info') === '1',
    loginHint: parameters.get('login_hint') ?? '',
  };
  const flow = context.store.startAuthorizeFlow(authorizeRequest);
  sendHtml(
    response,
    200,
    signInPage({ action: SIGN_IN_PATH, flowId: flow.id, applicationName: LAB_CLIENT_DISPLAY_NAME, userName: authorizeRequest.loginHint }),
  );
}

/** The user finished (or abandoned) the sign-in pages: tell the app (authorize) or the waiting device. */
function finishFlow(
  response: ServerResponse,
  flow: SignInFlow,
  result: { account: LabAccount } | { error: EntraError; message: string },
  errorCtx: ErrorContext,
  context: IdentityContext,
): void {
  context.store.endFlow(flow.id);
  if (flow.kind === 'device') {
    if ('account' in result) {
      context.store.setDeviceCodeStatus(flow.deviceCode, { kind: 'approved', account: result.account });
      sendHtml(
        response,
        200,
        messagePage(
          'You have signed in',
          `You have signed in to the ${LAB_CLIENT_DISPLAY_NAME} application on your device. You may now close this window.`,
        ),
      );
      return;
    }
    const deviceError = result.error.subcode === 'cancel' ? entraErrors.authorizationDeclined() : result.error;
    context.store.setDeviceCodeStatus(flow.deviceCode, { kind: 'failed', error: deviceError });
    sendHtml(response, 200, messagePage('Sign-in failed', result.message, aadstsText(deviceError)));
    return;
  }
  const target = flow.request;
  if ('account' in result) {
    const code = context.store.issueCode(flow.request, result.account);
    const fields: Record<string, string> = { code, session_state: randomUUID() };
    if (flow.request.clientInfoRequested) fields.client_info = clientInfo(result.account);
    respondToClient(response, target, fields, {
      title: 'Signing you in',
      message: `You're signed in. Continue to ${LAB_CLIENT_DISPLAY_NAME}.`,
      autoSubmit: true,
    });
    return;
  }
  // An expired password stays on screen until the user continues; other refusals go straight back to the app.
  respondToClient(response, target, errorFields(result.error, errorCtx), {
    title: result.error.subcode === 'cancel' ? 'Sign-in cancelled' : 'Sign-in failed',
    message: result.message,
    detail: aadstsText(result.error),
    autoSubmit: result.error.code !== 50055,
  });
}

async function handleSignIn(request: IncomingMessage, response: ServerResponse, url: URL, context: IdentityContext): Promise<void> {
  const form = formParameters(await readBody(request), url);
  const errorCtx = errorContext(request, form, context);
  const flow = context.store.findFlow(form.get('flow') ?? '');
  if (flow === undefined) {
    sendHtml(response, 400, messagePage('Sign in', 'Your sign-in session has expired. Go back to the application and try again.'));
    return;
  }
  if (form.get('action') === 'cancel') {
    finishFlow(response, flow, { error: entraErrors.userCancelled(), message: 'You cancelled the sign-in.' }, errorCtx, context);
    return;
  }
  const userName = form.get('username') ?? '';
  const clientId = flow.kind === 'authorize' ? flow.request.clientId : LAB_CLIENT_ID;
  const outcome = evaluateSignIn(userName, form.get('password') ?? '', clientId);
  switch (outcome.kind) {
    case 'retry':
      sendHtml(
        response,
        200,
        signInPage({
          action: SIGN_IN_PATH,
          flowId: flow.id,
          applicationName: LAB_CLIENT_DISPLAY_NAME,
          userName,
          message: outcome.message,
          detail: aadstsText(outcome.error),
        }),
      );
      return;
    case 'failed':
      finishFlow(response, flow, { error: outcome.error, message: outcome.message }, errorCtx, context);
      return;
    case 'mfaRequired':
      flow.mfaAccount = outcome.account;
      sendHtml(response, 200, mfaPage({ action: MFA_PATH, flowId: flow.id, userName: outcome.account.userPrincipalName }));
      return;
    case 'signedIn':
      finishFlow(response, flow, { account: outcome.account }, errorCtx, context);
  }
}

async function handleMfa(request: IncomingMessage, response: ServerResponse, url: URL, context: IdentityContext): Promise<void> {
  const form = formParameters(await readBody(request), url);
  const errorCtx = errorContext(request, form, context);
  const flow = context.store.findFlow(form.get('flow') ?? '');
  const account = flow?.mfaAccount;
  if (flow === undefined || account === undefined) {
    sendHtml(response, 400, messagePage('Sign in', 'Your sign-in session has expired. Go back to the application and try again.'));
    return;
  }
  if (form.get('action') === 'cancel') {
    finishFlow(response, flow, { error: entraErrors.userCancelled(), message: 'You cancelled the sign-in.' }, errorCtx, context);
    return;
  }
  if (!isValidMfaCode(form.get('code') ?? '')) {
    const error = entraErrors.wrongMfaCode();
    sendHtml(
      response,
      200,
      mfaPage({ action: MFA_PATH, flowId: flow.id, userName: account.userPrincipalName, message: signInMessages.wrongMfaCode, detail: aadstsText(error) }),
    );
    return;
  }
  finishFlow(response, flow, { account }, errorCtx, context);
}

async function handleDeviceLogin(request: IncomingMessage, response: ServerResponse, url: URL, context: IdentityContext): Promise<void> {
  if (request.method === 'GET') {
    sendHtml(response, 200, deviceCodePage({ action: DEVICE_LOGIN_PATH }));
    return;
  }
  const form = formParameters(await readBody(request), url);
  const record = context.store.findDeviceCodeByUserCode(form.get('code') ?? '');
  if (record === undefined) {
    sendHtml(response, 200, deviceCodePage({ action: DEVICE_LOGIN_PATH, message: "That code didn't work. Check the code and try again." }));
    return;
  }
  if (record.expired || record.status.kind !== 'pending') {
    sendHtml(response, 200, deviceCodePage({ action: DEVICE_LOGIN_PATH, message: 'That code has expired or was already used. Go back to the app and get a new code.' }));
    return;
  }
  const flow = context.store.startDeviceFlow(record.deviceCode);
  sendHtml(response, 200, signInPage({ action: SIGN_IN_PATH, flowId: flow.id, applicationName: LAB_CLIENT_DISPLAY_NAME, userName: '' }));
}

async function tokenResponse(
  account: LabAccount,
  clientId: string,
  granted: GrantedScopes,
  nonce: string | undefined,
  context: IdentityContext,
): Promise<Record<string, unknown>> {
  const now = context.now();
  const grant = nonce === undefined ? { account, clientId, granted } : { account, clientId, granted, nonce };
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: granted.responseScope,
    expires_in: context.tokens.accessTokenLifetimeSeconds,
    ext_expires_in: context.tokens.accessTokenLifetimeSeconds,
    access_token: await mintAccessToken(context.key, context.tokens, grant, now),
  };
  if (granted.offlineAccess) body.refresh_token = context.store.issueRefreshToken(account, clientId);
  if (granted.openId) body.id_token = await mintIdToken(context.key, context.tokens, grant, now);
  body.client_info = clientInfo(account);
  return body;
}

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

async function handleToken(request: IncomingMessage, response: ServerResponse, url: URL, context: IdentityContext): Promise<void> {
  const parameters = formParameters(await readBody(request), url);
  const errorCtx = errorContext(request, parameters, context);
  const fail = (error: EntraError) => sendTokenError(response, error, errorCtx);
  const clientId = parameters.get('client_id');
  if (clientId === null) return fail(entraErrors.missingParameter('client_id'));
  if (clientId !== LAB_CLIENT_ID) return fail(entraErrors.unknownClient(clientId));
  const grantType = parameters.get('grant_type');
  if (grantType === null) return fail(entraErrors.missingParameter('grant_type'));

  if (grantType === 'authorization_code') {
    const code = context.store.findCode(parameters.get('code') ?? '');
    if (code === undefined) return fail(entraErrors.malformedCode());
    if (code.redeemed) return fail(entraErrors.codeRedeemed());
    if (code.expired) return fail(entraErrors.codeExpired());
    if (code.request.clientId !== clientId) return fail(entraErrors.codeClientMismatch());
    if (parameters.get('redirect_uri') !== code.request.redirectUri) return fail(entraErrors.codeRedirectMismatch());
    const verifier = parameters.get('code_verifier');
    if (verifier === null) return fail(entraErrors.missingParameter('code_verifier'));
    if (createHash('sha256').update(verifier).digest('base64url') !== code.request.codeChallenge) return fail(entraErrors.pkceMismatch());
    context.store.redeemCode(parameters.get('code') ?? '');
    sendJson(response, 200, await tokenResponse(code.account, clientId, code.request.granted, code.request.nonce, context));
    return;
  }

  if (grantType === 'refresh_token') {
    const record = context.store.takeRefreshToken(parameters.get('refresh_token') ?? '');
    if (record === undefined || record.clientId !== clientId) return fail(entraErrors.invalidGrant());
    if (record.expired) return fail(entraErrors.codeExpired());
    const scopes = resolveScopes(parameters.get('scope'), clientId, [context.baseUrl]);
    if (!scopes.ok) return fail(scopes.error);
    sendJson(response, 200, await tokenResponse(record.account, clientId, scopes.granted, undefined, context));
    return;
  }

  if (grantType === DEVICE_CODE_GRANT || grantType === 'device_code') {
    const deviceCode = parameters.get('device_code') ?? parameters.get('code') ?? '';
    const record = context.store.findDeviceCode(deviceCode);
    if (record === undefined || record.clientId !== clientId) {
      return fail({ error: 'bad_verification_code', code: 70019, text: `The provided value for the input parameter 'device_code' is not valid.`, status: 400 });
    }
    if (record.expired && record.status.kind !== 'redeemed') return fail(entraErrors.deviceCodeExpired());
    switch (record.status.kind) {
      case 'pending':
        return fail(entraErrors.authorizationPending());
      case 'failed':
        return fail(record.status.error);
      case 'redeemed':
        return fail(entraErrors.invalidGrant());
      case 'approved': {
        const account = record.status.account;
        context.store.setDeviceCodeStatus(deviceCode, { kind: 'redeemed' });
        sendJson(response, 200, await tokenResponse(account, clientId, record.granted, undefined, context));
        return;
      }
    }
  }
  return fail(entraErrors.unsupportedGrantType(grantType));
}

async function handleDeviceCode(request: IncomingMessage, response: ServerResponse, url: URL, context: IdentityContext): Promise<void> {
  const parameters = formParameters(await readBody(request), url);
  const errorCtx = errorContext(request, parameters, context);
  const clientId = parameters.get('client_id');
  if (clientId === null) return sendTokenError(response, entraErrors.missingParameter('client_id'), errorCtx);
  if (clientId !== LAB_CLIENT_ID) return sendTokenError(response, entraErrors.unknownClient(clientId), errorCtx);
  const scopes = resolveScopes(parameters.get('scope'), clientId, [context.baseUrl]);
  if (!scopes.ok) return sendTokenError(response, scopes.error, errorCtx);
  const record = context.store.createDeviceCode(clientId, scopes.granted);
  const verificationUri = `${context.pagesBaseUrl}${DEVICE_LOGIN_PATH}`;
  sendJson(response, 200, {
    user_code: record.userCode,
    device_code: record.deviceCode,
    verification_uri: verificationUri,
    expires_in: context.deviceCodeLifetimeSeconds,
    interval: context.deviceCodePollIntervalSeconds,
    message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${record.userCode} to authenticate.`,
  });
}

function handleLogout(response: ServerResponse, url: URL): void {
  const target = url.searchParams.get('post_logout_redirect_uri');
  if (target !== null && isAllowedRedirectUri(target)) {
    sendRedirect(response, target);
    return;
  }
  sendHtml(response, 200, messagePage('You signed out of your account', "It's a good idea to close all browser windows."));
}

/** `/<tenant>/<endpoint>` split, or null when the path has no (well-formed) tenant segment. */
function tenantEndpoint(path: string): { tenantPart: string; endpoint: string } | null {
  const [, tenantPart, ...rest] = path.split('/');
  if (tenantPart === undefined || tenantPart === '' || tenantPart === 'v1.0') return null;
  try {
    return { tenantPart: decodeURIComponent(tenantPart), endpoint: `/${rest.join('/')}` };
  } catch {
    return null;
  }
}

const API_ENDPOINTS = [
  '/v2.0/.well-known/openid-configuration',
  '/.well-known/openid-configuration',
  '/discovery/v2.0/keys',
  '/discovery/keys',
  '/discovery/instance',
  '/oauth2/v2.0/token',
  '/oauth2/v2.0/devicecode',
];
const PAGE_ENDPOINTS = ['/oauth2/v2.0/authorize', '/oauth2/v2.0/logout'];

/**
 * Routes the Entra-shaped requests MSAL's own network client makes, over HTTPS with the lab CA. Returns
 * false when the path is not one of them (the pages a browser opens are on the pages listener).
 */
export async function handleIdentityRequest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: IdentityContext,
): Promise<boolean> {
  const method = request.method ?? 'GET';
  const target = tenantEndpoint(url.pathname);
  if (target === null || !API_ENDPOINTS.includes(target.endpoint)) return false;
  const segment = resolveTenantSegment(target.tenantPart);
  if (segment === null) {
    sendTokenError(response, entraErrors.tenantNotFound(target.tenantPart), errorContext(request, url.searchParams, context));
    return true;
  }
  switch (`${method} ${target.endpoint}`) {
    case 'GET /v2.0/.well-known/openid-configuration':
    case 'GET /.well-known/openid-configuration':
      sendJson(response, 200, openIdConfiguration(context.baseUrl, context.pagesBaseUrl, segment));
      return true;
    case 'GET /discovery/v2.0/keys':
    case 'GET /discovery/keys':
      sendJson(response, 200, jwksDocument(context.key, issuerFor(context.baseUrl)));
      return true;
    case 'GET /discovery/instance':
      sendJson(response, 200, instanceDiscovery(context.baseUrl, url.searchParams.get('authorization_endpoint')));
      return true;
    case 'POST /oauth2/v2.0/token':
      await handleToken(request, response, url, context);
      return true;
    case 'POST /oauth2/v2.0/devicecode':
      await handleDeviceCode(request, response, url, context);
      return true;
    default:
      sendJson(response, 405, { error: 'invalid_request', error_description: `${method} is not supported on ${target.endpoint}.` });
      return true;
  }
}

/**
 * Routes the pages a browser opens, served over plain HTTP on 127.0.0.1 so that any browser opens them
 * without a certificate warning (loopback is a secure context). Returns false for anything else: tokens,
 * keys and Graph never cross plain HTTP.
 */
export async function handlePageRequest(request: IncomingMessage, response: ServerResponse, url: URL, context: IdentityContext): Promise<boolean> {
  const method = request.method ?? 'GET';
  const path = url.pathname;
  const staticFile = staticFiles[path];
  if (staticFile !== undefined && method === 'GET') {
    response.writeHead(200, { 'Content-Type': staticFile.contentType, 'Cache-Control': 'no-cache' });
    response.end(staticFile.body);
    return true;
  }
  if (path === DEVICE_LOGIN_PATH && (method === 'GET' || method === 'POST')) {
    await handleDeviceLogin(request, response, url, context);
    return true;
  }
  if (path === SIGN_IN_PATH && method === 'POST') {
    await handleSignIn(request, response, url, context);
    return true;
  }
  if (path === MFA_PATH && method === 'POST') {
    await handleMfa(request, response, url, context);
    return true;
  }
  const target = tenantEndpoint(path);
  if (target === null || !PAGE_ENDPOINTS.includes(target.endpoint)) return false;
  if (resolveTenantSegment(target.tenantPart) === null) {
    const errorCtx = errorContext(request, url.searchParams, context);
    const error = entraErrors.tenantNotFound(target.tenantPart);
    sendHtml(response, 400, errorPage(aadstsText(error), errorDescription(error, errorCtx)));
    return true;
  }
  switch (`${method} ${target.endpoint}`) {
    case 'GET /oauth2/v2.0/authorize':
      handleAuthorize(request, response, url, context);
      return true;
    case 'GET /oauth2/v2.0/logout':
      handleLogout(response, url);
      return true;
    default:
      sendHtml(response, 405, messagePage('Sign in', `${method} is not supported on ${target.endpoint}.`));
      return true;
  }
}
