import path from 'node:path';

/**
 * Maps an app:// URL to a file under the renderer folder, or undefined when the path would leave it.
 * Pure so the traversal rule can be tested without Electron.
 */
export function rendererFileFor(requestUrl: string, rendererFolder: string): string | undefined {
  const url = new URL(requestUrl);
  const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  const resolved = path.resolve(rendererFolder, relative);
  const root = path.resolve(rendererFolder) + path.sep;
  return resolved.startsWith(root) ? resolved : undefined;
}
