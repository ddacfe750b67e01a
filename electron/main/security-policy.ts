import type { AzureCloud } from '../services/auth/cloud';

/**
 * The window's security rules as plain data and pure functions, so unit tests can assert them
 * without an Electron binary. `harden.ts`, `index.ts` and the composition root apply them.
 */

/** Scripts only from the app itself; Fluent UI injects styles at run time, so inline styles are allowed. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The scheme and host the renderer is served from inside Electron (see app-protocol.ts). */
export const appScheme = 'app';
export const appHost = 'wizard';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Hosts whose https links the app may open in the system browser. */
export const externalLinkAllowlist: readonly string[] = [
  'learn.microsoft.com',
  'go.microsoft.com',
  'aka.ms',
  'portal.azure.com',
  'entra.microsoft.com',
  'admin.microsoft.com',
];

export function isAllowedExternalUrl(rawUrl: string, allowlist: readonly string[] = externalLinkAllowlist): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && allowlist.includes(url.hostname);
}

/** True only for the app's own pages; anything else must never be navigated to. */
export function isAppUrl(rawUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    return url.protocol === `${appScheme}:` && url.host === appHost;
  } catch {
    return false;
  }
}

/**
 * Hosts of the sign-in pages per cloud: the authority (the interactive sign-in) and the device-code
 * verification pages Entra names (microsoft.com/devicelogin, www.microsoft.com/link, login.microsoft.com/device,
 * and the national clouds' own deviceloginus / deviceloginchina paths on microsoft.com).
 */
export const signInHostsByCloud: Readonly<Record<AzureCloud, readonly string[]>> = {
  AzurePublic: ['login.microsoftonline.com', 'login.microsoft.com', 'microsoft.com', 'www.microsoft.com'],
  AzureUSGovernment: ['login.microsoftonline.us', 'login.microsoft.us', 'microsoft.com', 'www.microsoft.com'],
  AzureChina: ['login.chinacloudapi.cn', 'login.partner.microsoftonline.cn', 'microsoft.com', 'www.microsoft.com'],
};

/**
 * Which sign-in pages the app may open: https pages of a cloud's hosts, or (on the lab) only the lab tenant's
 * own loopback origins (its API and its sign-in pages, which the lab serves over http on 127.0.0.1).
 */
export type SignInAllowance = { readonly hosts: readonly string[] } | { readonly loopbackOrigins: readonly string[] };

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A URL on the allowance, without credentials in it; a lab origin is compared whole, scheme and port included. */
export function isAllowedSignInUrl(rawUrl: string, allowance: SignInAllowance): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if ('loopbackOrigins' in allowance) {
    return loopbackHosts.has(url.hostname) && allowance.loopbackOrigins.some((origin) => new URL(origin).origin === url.origin);
  }
  return url.protocol === 'https:' && url.port === '' && allowance.hosts.includes(url.hostname);
}
