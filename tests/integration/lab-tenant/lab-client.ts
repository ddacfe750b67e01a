import { createHash, randomBytes } from 'node:crypto';
import { Agent, fetch, type Response } from 'undici';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { LabTenant } from '../../../lab/index';

export const LAB_PASSWORD = 'LabPassw0rd!';
export const REDIRECT_URI = 'http://localhost:53123';

/** A client that trusts only the lab CA (no process-wide trust change); it also reaches the plain-HTTP pages. */
export function labAgent(lab: LabTenant): Agent {
  return new Agent({ connect: { ca: lab.caCertificatePem } });
}

export interface HttpResult {
  status: number;
  headers: Headers | Response['headers'];
  text: string;
  json: () => unknown;
}

export async function request(
  agent: Agent,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResult> {
  const response = await fetch(url, { ...init, dispatcher: agent, redirect: 'manual' });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

export function postForm(agent: Agent, url: string, fields: Record<string, string>): Promise<HttpResult> {
  return request(agent, url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

function unescapeHtml(value: string): string {
  return value.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
}

export interface ParsedForm {
  action: string;
  fields: Record<string, string>;
  autoSubmit: boolean;
}

/** The first form of a page: its action and hidden fields (what a browser would post). */
export function parseForm(html: string): ParsedForm {
  const form = /<form method="post" action="([^"]*)"( data-auto-submit="true")?>([\s\S]*?)<\/form>/.exec(html);
  if (form === null) throw new Error(`No form in page:\n${html}`);
  const fields: Record<string, string> = {};
  for (const input of (form[3] ?? '').matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[unescapeHtml(input[1] ?? '')] = unescapeHtml(input[2] ?? '');
  }
  return { action: unescapeHtml(form[1] ?? ''), fields, autoSubmit: form[2] !== undefined };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The authorize page, on the lab's plain-HTTP pages origin as its metadata publishes it. */
export function authorizeUrl(lab: LabTenant, parameters: Record<string, string>): string {
  const url = new URL(`${lab.pagesBaseUrl}/${lab.tenantId}/oauth2/v2.0/authorize`);
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  return url.toString();
}

/** Opens the sign-in page and submits a username and password; returns the page that follows. */
export async function submitCredentials(agent: Agent, lab: LabTenant, signInPageHtml: string, username: string, password: string): Promise<HttpResult> {
  const form = parseForm(signInPageHtml);
  return postForm(agent, new URL(form.action, lab.pagesBaseUrl).toString(), { ...form.fields, username, password, action: 'signin' });
}

export interface CodeFlowResult {
  /** The fields form_post sends to the redirect URI. */
  fields: Record<string, string>;
  verifier: string;
}

/** Runs /authorize through the sign-in pages (and MFA if asked) and returns the form_post fields. */
export async function runAuthorize(
  agent: Agent,
  lab: LabTenant,
  username: string,
  scope: string,
  options: { password?: string; mfaCode?: string; nonce?: string } = {},
): Promise<CodeFlowResult> {
  const { verifier, challenge } = pkcePair();
  const page = await request(
    agent,
    authorizeUrl(lab, {
      client_id: lab.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      response_mode: 'form_post',
      scope,
      state: 'state-123',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      client_info: '1',
      ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
    }),
  );
  let next = await submitCredentials(agent, lab, page.text, username, options.password ?? LAB_PASSWORD);
  if (options.mfaCode !== undefined) {
    const form = parseForm(next.text);
    next = await postForm(agent, new URL(form.action, lab.pagesBaseUrl).toString(), { ...form.fields, code: options.mfaCode, action: 'verify' });
  }
  const result = parseForm(next.text);
  if (result.action !== REDIRECT_URI) throw new Error(`Expected a form_post to the redirect URI:\n${next.text}`);
  return { fields: result.fields, verifier };
}

export async function redeemCode(agent: Agent, lab: LabTenant, code: string, verifier: string, scope: string): Promise<HttpResult> {
  return postForm(agent, `${lab.authority}/oauth2/v2.0/token`, {
    client_id: lab.clientId,
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT_URI,
    scope,
  });
}

export const APP_SCOPES = [
  'https://graph.microsoft.com/User.Read',
  'https://graph.microsoft.com/User.Read.All',
  'https://graph.microsoft.com/Organization.Read.All',
  'https://graph.microsoft.com/LicenseAssignment.ReadWrite.All',
  'https://graph.microsoft.com/User.ReadWrite.All',
  'openid',
  'profile',
  'offline_access',
].join(' ');

export interface TokenSet {
  access_token: string;
  refresh_token: string;
  id_token: string;
  scope: string;
  expires_in: number;
  client_info: string;
}

/** Signs a lab account in through the pages and returns its tokens. */
export async function signIn(agent: Agent, lab: LabTenant, username: string, scope = APP_SCOPES): Promise<TokenSet> {
  const mfaCode = username.startsWith('mfaadmin@') ? '123456' : undefined;
  const { fields, verifier } = await runAuthorize(agent, lab, username, scope, mfaCode === undefined ? {} : { mfaCode });
  const response = await redeemCode(agent, lab, fields.code ?? '', verifier, scope);
  if (response.status !== 200) throw new Error(`Token request failed: ${response.text}`);
  return response.json() as TokenSet;
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function graphGet(agent: Agent, lab: LabTenant, path: string, token: string, headers: Record<string, string> = {}): Promise<HttpResult> {
  return request(agent, path.startsWith('https://') ? path : `${lab.graphBaseUrl}${path}`, { headers: { Authorization: `Bearer ${token}`, ...headers } });
}

export function graphSend(agent: Agent, lab: LabTenant, method: string, path: string, token: string, body: unknown): Promise<HttpResult> {
  return request(agent, `${lab.graphBaseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/**
 * MSAL Node's network client over undici with the lab CA: what the app's auth service plugs into
 * `system.networkClient` so that only MSAL trusts the lab certificate.
 */
export function msalNetworkClient(agent: Agent): INetworkModule {
  const send = async <T>(url: string, method: 'GET' | 'POST', options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const response = await fetch(url, {
      method,
      headers: options?.headers ?? {},
      ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
      dispatcher: agent,
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { headers, body: (await response.json()) as T, status: response.status };
  };
  return {
    sendGetRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(url, 'GET', options),
    sendPostRequestAsync: <T>(url: string, options?: NetworkRequestOptions) => send<T>(url, 'POST', options),
  };
}
