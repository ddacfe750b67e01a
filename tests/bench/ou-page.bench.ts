import type { Browser, Page } from '@playwright/test';
import { startHarness } from '../harness/harness';
import { growLabForest } from '../harness/lab-sync-server-tools';
import { median, launchChromium } from './measure';

/*
 * ouPage.readyMs: from Next on Connect your directories to an interactive Domain and OU filtering tree (the
 * first domain's OUs on screen with their check marks, not disabled: a click on its first window applies as soon as
 * its whole index is in, as ouTree.firstRenderMs counts it), on a lab forest of 50,000 OUs over 4 domains,
 * the PowerShell read included. Each run has its own harness (a fresh PowerShell session, warmed as Electron's
 * main does when the window shows, and an empty OU cache) on the same grown lab folder. The app starts reading
 * the OUs when the task's first page opens; the bench signs in at machine speed, so little of the read is done
 * by the time it clicks Next (an administrator typing a password gives it the seconds it needs). Target 2,000.
 * The page reads the domains one after another and shows the first, which can be changed, while it reads the others.
 * ouPage.completeMs: the same Next until the whole tree can be edited (every domain read, Sync all and new OUs enabled;
 * no target, written so the whole wait stays visible). ouPage.cachedReadyMs: the same page opened again in the
 * session (Previous, Next), from main's copy of the OUs (no target; what Refresh avoids paying twice).
 */

const runs = Number(process.env['BENCH_OU_PAGE_RUNS'] ?? 5);

/**
 * Clicks Next inside the page and measures until the filtering tree shows rows with their check marks that are not
 * disabled, and until all of it can be edited (the "new OUs" check box enabled, which waits for every domain). A
 * string, not a function: tsx would wrap a function's inner functions in helpers the page lacks.
 */
const nextToTree = `(async () => {
  const next = [...document.querySelectorAll('button')].find((element) => (element.textContent ?? '').trim() === 'Next' && !element.disabled);
  if (!next) throw new Error('No enabled Next button');
  const shown = () => document.querySelector('[role=tree] [role=treeitem][aria-checked]:not([aria-disabled=true])') !== null;
  const editable = () => {
    const newOus = [...document.querySelectorAll('input[type=checkbox]')].find((element) => (element.closest('.ms-Checkbox')?.textContent ?? '').includes('Automatically synchronize new OUs'));
    return shown() && document.querySelector('[role=tree] [role=treeitem][aria-disabled=true]') === null && newOus !== undefined && !newOus.disabled;
  };
  const when = (condition) => new Promise((resolve) => {
    if (condition()) { resolve(performance.now()); return; }
    const observer = new MutationObserver(() => {
      if (!condition()) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
  });
  const started = performance.now();
  const ready = when(shown);
  const complete = ready.then(() => when(editable));
  next.click();
  return [(await ready) - started, (await complete) - started];
})()`;

async function timeNextToTree(page: Page): Promise<{ ready: number; complete: number }> {
  const [ready, complete] = (await page.evaluate(nextToTree)) as [number, number];
  return { ready, complete };
}

async function signIn(page: Page): Promise<void> {
  const tab = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const signInPage = await tab;
  await signInPage.getByLabel('Username').fill('hybridadmin@contoso.onmicrosoft.com');
  await signInPage.getByLabel('Password').fill('LabPassw0rd!');
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(/Signed in as/).waitFor({ timeout: 60_000 });
  await signInPage.close().catch(() => {});
}

async function oneRun(browser: Browser, labFolder: string | undefined): Promise<{ labFolder: string; ready: number; complete: number; cached: number }> {
  const harness = await startHarness(labFolder ? { labFolder } : {});
  const context = await browser.newContext();
  try {
    // The lab's own command, outside the app (the app has no such operation).
    if (!labFolder) await growLabForest(harness.labFolder, 50_000, 4);
    const page = await context.newPage();
    await page.goto(harness.url);
    // What Electron's main does once the window shows.
    harness.app.warmUp();
    await page.getByRole('button', { name: 'Configure' }).click();
    await page.getByRole('radio', { name: 'Customize synchronization options' }).check();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await signIn(page);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByRole('list', { name: 'Configured directories' }).getByText('contoso.com').first().waitFor({ timeout: 120_000 });
    const { ready, complete } = await timeNextToTree(page);
    // The rows are windowed: the first domain's set size tells how many domains the tree has.
    const domains = await page.locator('[role=tree] [role=treeitem][aria-level="1"]').first().getAttribute('aria-setsize');
    if (domains !== '4') throw new Error(`The tree shows ${domains} domains, not the grown forest's 4.`);
    await page.getByRole('button', { name: 'Previous', exact: true }).click();
    await page.getByRole('list', { name: 'Configured directories' }).waitFor();
    const cached = (await timeNextToTree(page)).ready;
    return { labFolder: harness.labFolder, ready, complete, cached };
  } finally {
    await context.close();
    await harness.close();
  }
}

export async function run(): Promise<Record<string, number>> {
  const browser = await launchChromium();
  try {
    const ready: number[] = [];
    const complete: number[] = [];
    const cached: number[] = [];
    let labFolder: string | undefined;
    for (let i = 0; i < runs; i += 1) {
      const result = await oneRun(browser, labFolder);
      labFolder = result.labFolder;
      ready.push(result.ready);
      complete.push(result.complete);
      cached.push(result.cached);
      process.stdout.write(`  ouPage run ${i + 1}: ${Math.round(result.ready)} ms, complete ${Math.round(result.complete)} ms, again ${Math.round(result.cached)} ms\n`);
    }
    return {
      'ouPage.readyMs': Math.round(median(ready)),
      'ouPage.completeMs': Math.round(median(complete)),
      'ouPage.cachedReadyMs': Math.round(median(cached)),
    };
  } finally {
    await browser.close();
  }
}
