/**
 * The window's security rules as plain data and pure functions, so unit tests can assert them
 * without an Electron binary. `window.ts` and `session-security.ts` apply them.
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
