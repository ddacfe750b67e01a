import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/*
 * What the window loads before the first screen, from the development build in out/ (`npm run bench` builds
 * it if needed): the renderer's first-load JavaScript (the entry script and the chunks index.html preloads;
 * each task's pages load later) and the preload, both gzip-compressed. Targets: 150 KB and 10 KB.
 */

const outFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'out');

const gzipKb = (content: Buffer): number => Math.round((gzipSync(content).length / 1024) * 10) / 10;

/** The scripts a built index.html loads before anything else: its entry script and the chunks it preloads. */
export function firstLoadScripts(html: string): string[] {
  return [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/([^"]+\.js)"/g)].map((match) => match[1] ?? '');
}

export async function run(): Promise<Record<string, number>> {
  const rendererFolder = path.join(outFolder, 'renderer');
  const html = await readFile(path.join(rendererFolder, 'index.html'), 'utf8');
  const scripts = firstLoadScripts(html);
  if (scripts.length === 0) throw new Error('index.html names no script: is out/renderer a build?');
  const firstLoad = Buffer.concat(await Promise.all(scripts.map((file) => readFile(path.join(rendererFolder, file)))));
  const preload = await readFile(path.join(outFolder, 'preload', 'index.cjs'));
  return { 'bundle.firstLoadKb': gzipKb(firstLoad), 'bundle.preloadKb': gzipKb(preload) };
}
