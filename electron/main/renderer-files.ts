import path from 'node:path';
import { appHost, appScheme } from './security-policy';

/**
 * Maps an app:// URL to a file under the renderer folder, or undefined (the handler answers 404) when the
 * URL is not the app's own host, its path cannot be decoded, holds a NUL, or would leave the folder.
 * Pure, and it never throws, so the rule is tested without Electron.
 */
export function rendererFileFor(requestUrl: string, rendererFolder: string): string | undefined {
  let url: URL;
  let relative: string;
  try {
    url = new URL(requestUrl);
    relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  } catch {
    return undefined;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost || relative.includes('\0')) return undefined;
  const resolved = path.resolve(rendererFolder, relative);
  const root = path.resolve(rendererFolder) + path.sep;
  return resolved.startsWith(root) ? resolved : undefined;
}
