import type { Page } from '@playwright/test';
import type { Harness } from '../harness/harness';
import { expect, expectNoSeriousAxeViolations, keepScreenshot, test } from './fixtures';
import { finishStagingInNativeWizard } from '../harness/native-wizard-stand-in';
import { failNextRunHistoryRead, setLabCycleDuration } from '../harness/lab-sync-server-tools';

const screenshot = (page: Page, name: string): Promise<void> => keepScreenshot(page, `sync-status-${name}`, 2000);

async function openSyncStatus(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Configure' }).click();
  await page.getByRole('radio', { name: 'Synchronization status' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Synchronization status' })).toBeVisible();
  // The first page of a fresh lab starts PowerShell and seeds the lab: give it time.
  await expect(page.getByRole('heading', { level: 2, name: 'Scheduler' })).toBeVisible({ timeout: 60_000 });
}

const cycleHeadings = (page: Page, name: RegExp) => page.getByRole('heading', { level: 3, name });
/** The runs of the newest cycle (listed first). */
const newestRuns = (page: Page) => page.getByRole('table', { name: /^Runs of the / }).first();

const chart = (page: Page) => page.getByRole('img', { name: /synchronization cycle/ });
const progress = (page: Page) => page.getByRole('progressbar');

/** Signs the lab's hybrid administrator in through the app's auth service, in a tab the app opens. */
async function signInThroughServices(page: Page, harness: Harness): Promise<void> {
  const tab = page.context().waitForEvent('page');
  const signedIn = harness.app.services.auth.signIn();
  const signInPage = await tab;
  await signInPage.getByLabel('Username').fill('hybridadmin@contoso.onmicrosoft.com');
  await signInPage.getByLabel('Password').fill('LabPassw0rd!');
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  await signedIn;
  await signInPage.close();
}

test('shows the scheduler, staging, the run history and a chart of cycles without sign-in', async ({ wizard }) => {
  await openSyncStatus(wizard);
  const scheduler = wizard.getByRole('definition');
  await expect(wizard.getByText('Scheduled synchronization', { exact: true })).toBeVisible();
  await expect(scheduler.filter({ hasText: /^30 minutes$/ }).first()).toBeVisible();
  await expect(wizard.getByText('Not set (the default is used)')).toBeVisible();
  await expect(scheduler.filter({ hasText: /\(local\), .* UTC/ })).toBeVisible();
  await expect(scheduler.filter({ hasText: /^Delta$/ })).toBeVisible();

  // The lab seeds three delta cycles, 30 minutes apart; each Azure AD export is refused the seeded duplicate proxy address (lab/README.md, Objects).
  await expect(chart(wizard)).toHaveAttribute('aria-label', /Durations of 3 synchronization cycles .*3 completed with errors/);
  await expect(wizard.getByRole('table').filter({ hasText: 'Synchronization cycles shown in the chart' })).toHaveCount(1);
  await expect(cycleHeadings(wizard, /^Delta cycle started .* Completed with errors, took 6 s$/)).toHaveCount(3);
  for (const profile of ['Delta Import', 'Delta Synchronization', 'Export']) {
    await expect(newestRuns(wizard).getByRole('cell', { name: profile, exact: true })).toHaveCount(2);
  }
  await expect(wizard.getByText(/sign in on the “Connect to Azure AD” page/)).toBeVisible();
  await expect(wizard.getByRole('button', { name: 'Exit' })).toBeVisible();
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'signed-out');
});

test('the scheduler is shown first; a run history that cannot be read is said so, and Refresh reads it', async ({ wizard, harness }) => {
  await failNextRunHistoryRead(harness.labFolder);
  await openSyncStatus(wizard);
  await expect(wizard.getByText('Scheduled synchronization', { exact: true })).toBeVisible();
  await expect(wizard.getByText(/^The run history could not be read: PowerShell reported an error in "GetRunHistory"\. Select Refresh to try again\.$/)).toBeVisible();
  await expect(wizard.getByRole('heading', { level: 2, name: 'Last cycles' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'run-history-unreadable');

  // After the failure the page stays usable: starting a cycle does not wait for the history.
  await expect(wizard.getByRole('button', { name: 'Start delta sync' })).toBeEnabled();
  await wizard.getByRole('button', { name: 'Refresh' }).click();
  await expect(cycleHeadings(wizard, /^Delta cycle started /)).toHaveCount(3);
  await expect(wizard.getByText(/could not be read/)).toHaveCount(0);
});

test('a delta sync started from the page is seen running, then finished in the run history', async ({ wizard }) => {
  await openSyncStatus(wizard);
  await expect(chart(wizard)).toHaveAttribute('aria-label', /Durations of 3 synchronization cycles/);

  await wizard.getByRole('button', { name: 'Start delta sync' }).click();
  await expect(progress(wizard)).toBeVisible();
  await expect(wizard.getByText('Synchronization cycle in progress')).toBeVisible();
  await expect(wizard.getByRole('button', { name: 'Start delta sync' })).toBeDisabled();
  await expect(wizard.getByRole('button', { name: 'Start full sync' })).toBeDisabled();
  await expect(wizard.getByRole('definition').filter({ hasText: /^Yes$/ }).first()).toBeVisible();
  await screenshot(wizard, 'running');
  await expectNoSeriousAxeViolations(wizard);

  await expect(wizard.getByText(/The synchronization cycle finished at .*: Completed with errors\./)).toBeVisible({ timeout: 60_000 });
  await expect(progress(wizard)).toHaveCount(0);
  await expect(wizard.getByRole('button', { name: 'Start delta sync' })).toBeEnabled();
  await expect(chart(wizard)).toHaveAttribute('aria-label', /Durations of 4 synchronization cycles .*4 completed with errors/);
  await expect(cycleHeadings(wizard, /^Delta cycle started .* Completed with errors/)).toHaveCount(4);
  // The newest cycle's six runs: import, sync and export on both connectors; the Azure AD export reports the duplicate.
  await expect(newestRuns(wizard).getByRole('cell', { name: 'success' })).toHaveCount(5);
  await expect(newestRuns(wizard).getByRole('cell', { name: 'completed-export-errors' })).toHaveCount(1);
  // Each run reports its counts of adds, updates, deletes and errors.
  await expect(newestRuns(wizard).getByRole('cell', { name: '—' })).toHaveCount(0);
  await screenshot(wizard, 'finished');
});

test('a full sync runs full imports and synchronizations', async ({ wizard }) => {
  await openSyncStatus(wizard);
  await wizard.getByRole('button', { name: 'Start full sync' }).click();
  await expect(progress(wizard)).toBeVisible();
  await expect(wizard.getByText(/The synchronization cycle finished at .*: Completed with errors\./)).toBeVisible({ timeout: 60_000 });
  await expect(cycleHeadings(wizard, /^Full cycle started .* Completed with errors/)).toHaveCount(1);
  await expect(newestRuns(wizard).getByRole('cell', { name: 'Full Import' })).toHaveCount(2);
  await expect(newestRuns(wizard).getByRole('cell', { name: 'Full Synchronization' })).toHaveCount(2);
});

test('"Sync is already running" is said plainly when a cycle was started elsewhere, and the page follows it', async ({ wizard, harness }) => {
  // The cycle started elsewhere must still run when the page's button is clicked, however loaded the machine
  // (set while the page opens: it takes its own pwsh).
  const slowCycles = setLabCycleDuration(harness.labFolder, 15);
  await openSyncStatus(wizard);
  await slowCycles;
  await expect(wizard.getByRole('button', { name: 'Start delta sync' })).toBeEnabled();
  // Another administrator starts a cycle while this page is open.
  await harness.app.clients.syncServer.startSyncCycle('Delta');

  await wizard.getByRole('button', { name: 'Start delta sync' }).click();
  await expect(wizard.getByText(/^Sync is already running\./)).toBeVisible();
  await expect(progress(wizard)).toBeVisible();
  await expect(wizard.getByRole('button', { name: 'Start delta sync' })).toBeDisabled();
  await screenshot(wizard, 'already-running');
  await expectNoSeriousAxeViolations(wizard);
  await expect(wizard.getByText(/The synchronization cycle finished at .*: Completed with errors\./)).toBeVisible({ timeout: 60_000 });
});

test('in staging mode the page says exports are not performed', async ({ wizard, harness }) => {
  await finishStagingInNativeWizard(harness.labFolder, true);
  await openSyncStatus(wizard);
  await expect(wizard.getByText(/This server is in staging mode: cycles import and synchronize, but exports are not performed/)).toBeVisible();
  await expect(wizard.getByRole('definition').filter({ hasText: /^Enabled$/ })).toHaveCount(2);
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'staging');
});

test('signed in: the tenant’s last sync time is shown, and moves forward after a sync started from the page', async ({ wizard, harness }) => {
  await openSyncStatus(wizard);
  await expect(wizard.getByText(/sign in on the “Connect to Azure AD” page/)).toBeVisible();
  await signInThroughServices(wizard, harness);
  const before = (await harness.app.clients.graph.organization())?.onPremisesLastSyncDateTime;
  expect(before).toBeTruthy();

  await wizard.getByRole('button', { name: 'Refresh' }).click();
  const lastSync = wizard.getByTestId('cloud-last-sync').locator('time');
  await expect(lastSync).toHaveAttribute('datetime', new Date(before as string).toISOString());
  await expect(wizard.getByRole('definition').filter({ hasText: /^Enabled$/ }).first()).toBeVisible();
  await expect(wizard.getByText(/more than two sync intervals/)).toHaveCount(0);
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'signed-in');

  const startedAt = Date.now();
  await wizard.getByRole('button', { name: 'Start delta sync' }).click();
  await expect(progress(wizard)).toBeVisible();
  await expect(wizard.getByText(/The synchronization cycle finished at .*: Completed with errors\./)).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(async () => Date.parse((await lastSync.getAttribute('datetime')) ?? ''), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(startedAt - 2_000);
  const after = (await harness.app.clients.graph.organization())?.onPremisesLastSyncDateTime;
  await expect(lastSync).toHaveAttribute('datetime', new Date(after as string).toISOString());
});
