import type { Browser, Page } from '@playwright/test';
import { startHarness } from '../harness/harness';
import { taskDescriptions, taskIds } from '../../renderer/flows/app/tasks';
import { median, launchChromium } from './measure';

/*
 * What an administrator waits for, in Chromium through the harness on a fresh lab (median of 5 runs, each on
 * its own harness, so every run starts PowerShell afresh as the app does):
 * - app.welcomeReadyMs: page load to an interactive Welcome (the Configure button on screen). Target 300.
 * - powershell.firstTaskCallMs: the first PowerShell read a task page makes, 2 s after Welcome is interactive
 *   (the host warms the session once the window shows, as Electron's main does). Target 300.
 * - tasks.syncStatusReadyMs / tasks.viewConfigurationReadyMs: from Next on Additional tasks to the page's
 *   content (the Scheduler section; the General settings section). Targets 500 and 1,000.
 *   tasks.syncStatusRunsReadyMs: the same Next until the run history shows too (Last cycles), which the page reads
 *   after the scheduler. No target: written so the page's whole wait stays visible.
 * - wizard.firstConfigureMs: Welcome → Additional tasks in a fresh page, Configure clicked as soon as the page has loaded
 *   and without being pointed at or focused first, so Fluent UI and the page load only after the click (the worst
 *   case: the app starts loading them when the pointer or focus reaches Configure). No target: written so the
 *   wait the lighter Welcome moved is seen.
 * - wizard.nextP95Ms: 95th percentile of Next/Previous/Configure between pages, over a walk of every task (Welcome →
 *   Tasks → the task's first page → Tasks → Welcome), until the new page shows with no page still loading. Target 100.
 * Times are taken inside the page (performance.now around the click, a MutationObserver for the content), so
 * Playwright's own polling is not in them.
 */

const runs = Number(process.env['BENCH_APP_RUNS'] ?? 5);

const round = (value: number): number => Math.round(value * 10) / 10;

/**
 * Installed before the page loads: `window.benchReady(selector, text)` resolves with performance.now() once an
 * element matching both shows. A string, not a function: tsx would wrap a function's inner functions in
 * helpers the page does not have.
 */
const readyProbe = `
  const matching = (selector, text) => [...document.querySelectorAll(selector)].some((element) => (element.textContent ?? '').trim() === text);
  window.benchReady = (selector, text) => new Promise((resolve) => {
    if (matching(selector, text)) { resolve(performance.now()); return; }
    const observer = new MutationObserver(() => {
      if (!matching(selector, text)) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
  window.benchPageChange = (button) => {
    const heading = () => document.querySelector('#page-title')?.textContent ?? '';
    const before = heading();
    const target = [...document.querySelectorAll('button')].find((element) => (element.textContent ?? '').trim() === button && !element.disabled);
    if (!target) return Promise.reject(new Error('No enabled button ' + button));
    const changed = () => heading() !== before && !(document.body.textContent ?? '').includes('Loading the page...');
    const started = performance.now();
    const done = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!changed()) return;
        observer.disconnect();
        resolve(performance.now() - started);
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    });
    target.click();
    return done;
  };
  // Watched from the document's start, so the time is when Welcome's Configure button appeared, however late
  // Playwright asks for it (page.goto returns only after the load event).
  window.benchWelcomeReady = window.benchReady('button', 'Configure');
`;

type ProbedWindow = {
  benchWelcomeReady: Promise<number>;
  benchReady: (selector: string, text: string) => Promise<number>;
  benchPageChange: (button: string) => Promise<number>;
};

/**
 * Clicks a wizard button and measures until the next page is on screen: its heading changed and no task
 * page is still loading (a lazily loaded page shows "Loading the page..." meanwhile).
 */
async function timePageChange(page: Page, button: string): Promise<number> {
  return page.evaluate((button) => (window as unknown as ProbedWindow).benchPageChange(button), button);
}

/** Every task of Additional tasks, by the label the lab's build shows. */
const taskLabels = taskIds.map((task) => taskDescriptions[task].label);

/** Welcome → Tasks → each task's first page → Tasks → Welcome, for every task: the page changes that need no PowerShell. */
async function walkEveryTask(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (const label of taskLabels) {
    times.push(await timePageChange(page, 'Configure'));
    await page.getByRole('radio', { name: label }).check();
    times.push(await timePageChange(page, 'Next'));
    times.push(await timePageChange(page, 'Previous'));
    times.push(await timePageChange(page, 'Previous'));
  }
  return times;
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

/** Clicks a button (by its text) inside the page and measures until each element (selector, text) shows. */
async function timeClickUntil(page: Page, button: string, ...targets: [string, string][]): Promise<number[]> {
  return page.evaluate(
    async ({ button, targets }) => {
      const target = [...document.querySelectorAll('button')].find((element) => (element.textContent ?? '').trim() === button && !element.disabled);
      if (!target) throw new Error(`No enabled button ${button}`);
      const ready = targets.map(([selector, text]) => (window as unknown as ProbedWindow).benchReady(selector, text));
      const started = performance.now();
      target.click();
      return (await Promise.all(ready)).map((at) => at - started);
    },
    { button, targets },
  );
}

async function chooseTask(page: Page, label: string): Promise<void> {
  await page.getByRole('radio', { name: label }).check();
}

/** In a page of its own: Welcome, then Configure clicked at once (a DOM click: no pointer or focus goes first). */
async function timeFirstConfigure(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.addInitScript({ content: readyProbe });
    await page.goto(url);
    await page.evaluate(() => (window as unknown as ProbedWindow).benchWelcomeReady);
    return await timePageChange(page, 'Configure');
  } finally {
    await page.close();
  }
}

async function oneRun(browser: Browser): Promise<Record<string, number>> {
  const harness = await startHarness();
  const page = await browser.newPage();
  try {
    await page.addInitScript({ content: readyProbe });
    await page.goto(harness.url);
    const welcomeReady = await page.evaluate(() => (window as unknown as ProbedWindow).benchWelcomeReady);
    // What Electron's main does once the window shows.
    harness.app.warmUp();
    await page.waitForTimeout(2000);
    const firstCallStarted = performance.now();
    await harness.app.clients.syncServer.getScheduler();
    const firstTaskCall = performance.now() - firstCallStarted;

    await page.getByRole('button', { name: 'Configure' }).click();
    await chooseTask(page, 'Synchronization status');
    const [syncStatusReady = Number.NaN, syncStatusRunsReady = Number.NaN] = await timeClickUntil(page, 'Next', ['h2', 'Scheduler'], ['h2', 'Last cycles']);
    await page.getByRole('button', { name: 'Previous' }).click();
    await chooseTask(page, 'View current configuration');
    const [viewConfigurationReady = Number.NaN] = await timeClickUntil(page, 'Next', ['h2', 'General settings']);
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    const pageChanges = await walkEveryTask(page);
    const firstConfigure = await timeFirstConfigure(browser, harness.url);
    return {
      'wizard.firstConfigureMs': firstConfigure,
      'wizard.nextP95Ms': percentile(pageChanges, 0.95),
      'app.welcomeReadyMs': welcomeReady,
      'powershell.firstTaskCallMs': firstTaskCall,
      'tasks.syncStatusReadyMs': syncStatusReady,
      'tasks.syncStatusRunsReadyMs': syncStatusRunsReady,
      'tasks.viewConfigurationReadyMs': viewConfigurationReady,
    };
  } finally {
    await page.close();
    await harness.close();
  }
}

export async function run(): Promise<Record<string, number>> {
  const browser = await launchChromium();
  try {
    const results: Record<string, number>[] = [];
    for (let i = 0; i < runs; i += 1) results.push(await oneRun(browser));
    const names = Object.keys(results[0] ?? {});
    return Object.fromEntries(names.map((name) => [name, round(median(results.map((result) => result[name] ?? Number.NaN)))]));
  } finally {
    await browser.close();
  }
}
