import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../../harness/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The OU tree on 50,000 OUs in Chromium (the benchmark's page): the first window is painted before the whole
 * index exists, and an expand, a filter or a check made meanwhile shows "Loading…" (announced) and then
 * takes effect, never showing partial results.
 */

const pageFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'ou-tree');
const bulk = 'OU=Bulk,DC=contoso,DC=com';
let browser: Browser;
let outFolder: string;
let url: string;

beforeAll(async () => {
  outFolder = await mkdtemp(path.join(tmpdir(), 'ou-tree-first-window-'));
  await build({
    entryPoints: [path.join(pageFolder, 'main.tsx')],
    outfile: path.join(outFolder, 'bundle.js'),
    bundle: true,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  await copyFile(path.join(pageFolder, 'index.html'), path.join(outFolder, 'index.html'));
  url = pathToFileURL(path.join(outFolder, 'index.html')).href;
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  if (outFolder) await rm(outFolder, { recursive: true, force: true });
});

describe('the OU tree while its index is built', () => {
  it('paints the first window at once; an expand and a check made then wait for the whole index', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const meanwhile = await page.evaluate(async (dn) => {
      await window.ouBench.firstRender();
      const row = (): HTMLElement => document.querySelector(`[data-dn="${dn}"]`) as HTMLElement;
      const firstWindow = document.querySelector('[data-complete=false]') !== null;
      const rows = document.querySelectorAll('[role=treeitem]').length;
      (row().querySelector('[data-expander]') as HTMLElement).click();
      row().focus();
      row().dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return {
        firstWindow,
        rows,
        text: document.body.innerText,
        expanded: row().getAttribute('aria-expanded'),
        checked: row().getAttribute('aria-checked'),
        announced: (document.querySelector('[aria-live=polite]') as HTMLElement).textContent,
      };
    }, bulk);
    expect(meanwhile.firstWindow).toBe(true);
    expect(meanwhile.rows).toBeGreaterThan(4);
    expect(meanwhile.text).toContain('Loading…');
    expect(meanwhile.announced).toBe('Loading the OUs…');
    expect([meanwhile.expanded, meanwhile.checked]).toEqual(['false', 'true']);

    await page.locator('[data-complete=true]').waitFor();
    const row = page.locator(`[role=treeitem][data-dn="${bulk}"]`);
    await expect.poll(() => row.getAttribute('aria-expanded')).toBe('true');
    expect(await row.getAttribute('aria-checked')).toBe('false');
    expect(await page.locator('[role=treeitem][data-dn="OU=Item 0000,OU=Bulk,DC=contoso,DC=com"]').getAttribute('aria-checked')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-dn'))).toBe(bulk);
    expect(await page.getByText('Loading…').count()).toBe(0);
    await page.close();
  });

  it('keeps what was opened and the focused row when the other domains arrive, through their first window', async () => {
    const site = 'OU=Site 1,OU=Region 0,DC=contoso,DC=com';
    const page = await browser.newPage();
    await page.goto(`${url}#in-two-steps`);
    await page.evaluate(() => window.ouBench.firstRender());
    await page.locator('[data-complete=true]').waitFor();
    expect(await page.locator('[role=treeitem][aria-level="1"]').first().getAttribute('aria-setsize')).toBe('1');
    await page.locator('[role=treeitem][data-dn="OU=Region 0,DC=contoso,DC=com"] [data-expander]').click();
    await page.locator(`[role=treeitem][data-dn="${site}"] [data-expander]`).click();
    await page.locator(`[role=treeitem][data-dn="${site}"]`).click();
    await expect.poll(() => page.locator(`[role=treeitem][data-dn="OU=Team 1,${site}"]`).count()).toBe(1);

    const meanwhile = await page.evaluate(async (dn) => {
      window.ouBench.readTheRest();
      while (document.querySelector('[data-complete=false]') === null) await new Promise((resolve) => requestAnimationFrame(resolve));
      // React runs its effects (the focus follows there) once the frame is painted: a few tasks later.
      for (let task = 0; task < 10 && document.activeElement === document.body; task++) await new Promise((resolve) => setTimeout(resolve, 0));
      return {
        text: document.body.innerText,
        siteShown: document.querySelector(`[data-dn="${dn}"]`) !== null,
        regionExpanded: document.querySelector('[data-dn="OU=Region 0,DC=contoso,DC=com"]')?.getAttribute('aria-expanded'),
        focused: document.activeElement?.getAttribute('data-dn'),
      };
    }, site);
    // The new first window holds the first level only: the region's children and the site wait (the region is not shown
    // open with no rows under it), and the focus goes to the region meanwhile.
    expect(meanwhile).toEqual({ text: expect.stringContaining('Loading…'), siteShown: false, regionExpanded: 'false', focused: 'OU=Region 0,DC=contoso,DC=com' });

    await page.locator('[data-complete=true]').waitFor();
    expect(await page.locator('[role=treeitem][aria-level="1"]').first().getAttribute('aria-setsize')).toBe('4');
    const siteRow = page.locator(`[role=treeitem][data-dn="${site}"]`);
    await expect.poll(() => siteRow.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator(`[role=treeitem][data-dn="OU=Team 1,${site}"]`).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-dn'))).toBe(site);
    expect(await page.getByText('Loading…').count()).toBe(0);
    await page.close();
  });

  it('shows "Loading…" for a filter typed before the index is in, then only whole results', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const meanwhile = await page.evaluate(async () => {
      await window.ouBench.firstRender();
      const input = document.querySelector('input') as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, 'team 4');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return { rows: document.querySelectorAll('[role=treeitem]').length, text: document.body.innerText };
    });
    expect(meanwhile.rows).toBe(0);
    expect(meanwhile.text).toContain('Loading…');
    expect(meanwhile.text).not.toContain('No domain or OU matches');

    await page.locator('[data-complete=true]').waitFor();
    await expect.poll(() => page.locator('[aria-live=polite]').textContent()).toMatch(/^\d{4,} domains and OUs shown$/);
    expect(await page.locator('[role=treeitem]').filter({ hasText: 'Team 4' }).count()).toBeGreaterThan(0);
    await page.close();
  });
});
