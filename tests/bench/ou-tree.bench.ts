import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { median, launchChromium } from './measure';

/*
 * The OU tree at scale, measured in Chromium: first render of 50,000 OUs (the first window, domains and
 * their first level, built from the flat list included), the whole index built in slices behind it
 * (no target: the page stays responsive meanwhile), expanding an OU with 1,000 children once the index is
 * in, and filtering by name. Targets: 150, –, 50 and 100 ms.
 */

const pageFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ou-tree');

export async function run(): Promise<Record<string, number>> {
  const outFolder = await mkdtemp(path.join(tmpdir(), 'ou-tree-bench-'));
  const browser = await launchChromium();
  try {
    await build({
      entryPoints: [path.join(pageFolder, 'main.tsx')],
      outfile: path.join(outFolder, 'bundle.js'),
      bundle: true,
      format: 'iife',
      minify: true,
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning',
    });
    await copyFile(path.join(pageFolder, 'index.html'), path.join(outFolder, 'index.html'));
    const url = pathToFileURL(path.join(outFolder, 'index.html')).href;

    const firstRenders: number[] = [];
    const expands: number[] = [];
    const filters: number[] = [];
    const indexed: number[] = [];
    for (let load = 0; load < 5; load++) {
      const page = await browser.newPage();
      await page.goto(url);
      firstRenders.push(await page.evaluate(() => window.ouBench.firstRender()));
      const treeitems = await page.locator('[role=treeitem]').count();
      if (treeitems > 200) throw new Error(`The tree is not virtualized: ${treeitems} rows in the DOM.`);
      indexed.push(await page.evaluate(() => window.ouBench.indexed()));
      for (let round = 0; round < 3; round++) {
        expands.push(await page.evaluate(() => window.ouBench.expand()));
        await page.evaluate(() => window.ouBench.collapse());
        filters.push(await page.evaluate(() => window.ouBench.filter('site 12')));
        await page.evaluate(() => window.ouBench.filter(''));
      }
      await page.close();
    }
    return {
      'ouTree.firstRenderMs': median(firstRenders),
      'ouTree.expand1000Ms': median(expands),
      'ouTree.filterMs': median(filters),
      'ouTree.indexMs': median(indexed),
    };
  } finally {
    await browser.close();
    await rm(outFolder, { recursive: true, force: true });
  }
}
