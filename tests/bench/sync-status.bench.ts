import { startHarness } from '../harness/harness';
import { addLabRunHistory, setLabCycleDuration } from '../harness/lab-sync-server-tools';
import { median, launchChromium } from './measure';

/*
 * The Synchronization status page on a lab run history of 7 days at 30-minute cycles (~2,000 runs), in
 * Chromium through the harness:
 * - syncStatus.refreshMs: the page's read of the status (what it calls on open and on Refresh), median of 5.
 *   Target 150.
 * - syncStatus.pollCallsPerMinute: the sync server client's calls while the page follows a running cycle,
 *   counted for 30 s. Target 40.
 */

type CountedClient = { call: (...args: unknown[]) => Promise<unknown> };
type PageWindow = { connect: Record<string, (request: unknown) => Promise<unknown>> };

export async function run(): Promise<Record<string, number>> {
  const harness = await startHarness();
  const browser = await launchChromium();
  try {
    const runCount = await addLabRunHistory(harness.labFolder, 7);
    if (runCount < 1500) throw new Error(`The lab run history has ${runCount} runs, not ~2,000.`);
    await setLabCycleDuration(harness.labFolder, 45);
    const page = await browser.newPage();
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Configure' }).click();
    await page.getByRole('radio', { name: 'Synchronization status' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { level: 2, name: 'Scheduler' }).waitFor({ timeout: 120_000 });
    // The page reads the run history after the scheduler: the reads measured come after it, not queued behind it.
    await page.getByRole('heading', { level: 2, name: 'Last cycles' }).waitFor({ timeout: 120_000 });

    const refreshes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      refreshes.push(
        await page.evaluate(async () => {
          const started = performance.now();
          await (window as unknown as PageWindow).connect['sync-status:get']?.({});
          return performance.now() - started;
        }),
      );
    }

    // Every PowerShell call of the app goes through the client's one private call method: count them.
    const client = harness.app.clients.syncServer as unknown as CountedClient;
    const original = client.call.bind(client);
    let calls = 0;
    client.call = (...args: unknown[]) => {
      calls += 1;
      return original(...args);
    };
    await page.getByRole('button', { name: 'Start delta sync' }).click();
    await page.getByText('Synchronization cycle in progress').waitFor({ timeout: 30_000 });
    const countedFrom = calls;
    const windowMs = 30_000;
    await page.waitForTimeout(windowMs);
    const pollCallsPerMinute = ((calls - countedFrom) * 60_000) / windowMs;
    client.call = original;
    await page.close();
    return { 'syncStatus.refreshMs': Math.round(median(refreshes) * 10) / 10, 'syncStatus.pollCallsPerMinute': pollCallsPerMinute };
  } finally {
    await browser.close();
    await harness.close();
  }
}
