import type { Page } from '@playwright/test';
import type { Harness } from '../harness/harness';
import type { Run, ServerState } from '../../shared/sync-server';
import { expect, expectNoSeriousAxeViolations, keepScreenshot, openTask as openTaskPage, signInAsAdmin, test } from './fixtures';

test.setTimeout(240_000);

const keep = (page: Page, name: string): Promise<void> => keepScreenshot(page, `staging-mode-${name}`, 1800);

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const next = (page: Page) => page.getByRole('button', { name: 'Next', exact: true });

async function openTask(page: Page): Promise<void> {
  await openTaskPage(page, 'Configure staging mode');
  await expect(heading(page, 'Connect to Azure AD')).toBeVisible();
}


/** What a change could touch; compared before and after a cancelled task. */
function configurationOf(state: ServerState): unknown {
  return {
    staging: state.staging,
    suspended: state.scheduler?.schedulerSuspended,
    connectors: state.connectors,
    settings: state.globalSettings?.parameters.filter((parameter) => parameter.name !== 'Microsoft.Synchronize.NextStartTime'),
    features: state.features,
  };
}

async function waitForIdle(harness: Harness): Promise<void> {
  await expect
    .poll(async () => (await harness.app.clients.syncServer.getScheduler()).syncCycleInProgress, { timeout: 60_000, intervals: [500] })
    .toBe(false);
}

/** The profiles of the runs that started at or after a time. */
async function runsSince(harness: Harness, since: string): Promise<Run[]> {
  const runs = await harness.app.clients.syncServer.getRunHistory({ count: 50 });
  return runs.filter((run) => run.startDate !== null && run.startDate >= since);
}

async function configureStaging(page: Page, harness: Harness, enable: boolean, shots: boolean): Promise<string> {
  await openTask(page);
  if (shots) {
    await keep(page, 'connect');
    await expectNoSeriousAxeViolations(page);
  }
  await signInAsAdmin(page);
  await next(page).click();
  await expect(heading(page, 'Staging mode')).toBeVisible();
  const checkbox = page.getByRole('checkbox', { name: 'Enable staging mode' });
  await expect(checkbox).toBeVisible({ timeout: 60_000 });
  await expect(checkbox).toBeChecked({ checked: !enable });
  if (enable) await checkbox.check({ force: true });
  else await checkbox.uncheck({ force: true });
  const warning = page.getByText('only one server may export at a time');
  if (enable) await expect(warning).toHaveCount(0);
  else await expect(warning).toBeVisible();
  if (shots) {
    await keep(page, enable ? 'staging-page-enable' : 'staging-page-disable-warning');
    await expectNoSeriousAxeViolations(page);
  }
  await next(page).click();
  await expect(heading(page, 'Ready to configure')).toBeVisible();
  const steps = page.getByTestId('plan-steps');
  await expect(steps).toContainText(enable ? 'Enable staging mode' : 'Disable staging mode');
  await expect(steps.getByRole('listitem').filter({ hasText: /synchronization cycle$/ })).toHaveText(/Start a delta synchronization cycle/);
  await expect(page.getByRole('checkbox', { name: 'Start the synchronization process when configuration completes.' })).toBeChecked();
  if (shots) {
    await keep(page, 'ready-to-configure');
    await expectNoSeriousAxeViolations(page);
  }
  const before = new Date().toISOString();
  // A double click must not apply the plan twice: main refuses the second apply, the page shows one outcome.
  await page.getByRole('button', { name: 'Configure', exact: true }).dblclick();
  await expect(heading(page, 'Configuring')).toBeVisible();
  await expect(next(page)).toBeEnabled({ timeout: 60_000 });
  if (shots) {
    await keep(page, 'configuring');
    await expectNoSeriousAxeViolations(page);
  }
  await next(page).click();
  await expect(heading(page, 'Configuration complete')).toBeVisible();
  await expect(page.getByText(enable ? 'Staging mode is enabled' : 'Staging mode is disabled')).toBeVisible();
  const outcomes = page.getByTestId('step-outcomes').getByRole('listitem');
  await expect(outcomes).toHaveCount(4);
  await expect(outcomes.filter({ hasText: 'Done' })).toHaveCount(4);
  if (shots) {
    await keep(page, 'complete');
    await expectNoSeriousAxeViolations(page);
  }
  await page.getByRole('button', { name: 'Exit' }).click();
  return before;
}

test('enables staging mode (cycles then run without export), then disables it (exports resume)', async ({ wizard, harness }) => {
  const started = await configureStaging(wizard, harness, true, true);
  const syncServer = harness.app.clients.syncServer;
  expect((await syncServer.getStagingMode()).enabled).toBe(true);
  expect((await syncServer.getScheduler()).schedulerSuspended).toBe(false);

  // The cycle the wizard started, and the next one, import and synchronize but export nothing.
  await waitForIdle(harness);
  await syncServer.startSyncCycle('Delta');
  await waitForIdle(harness);
  const stagedRuns = await runsSince(harness, started);
  expect(stagedRuns.map((run) => run.runProfileName)).toContain('Delta Import');
  expect(stagedRuns.filter((run) => run.runProfileName === 'Delta Synchronization').length).toBeGreaterThanOrEqual(4);
  expect(stagedRuns.filter((run) => run.runProfileName === 'Export')).toEqual([]);

  await wizard.goto(harness.url);
  const disabled = await configureStaging(wizard, harness, false, true);
  expect((await syncServer.getStagingMode()).enabled).toBe(false);
  await waitForIdle(harness);
  const exports = (await runsSince(harness, disabled)).filter((run) => run.runProfileName === 'Export');
  expect(exports.length).toBeGreaterThanOrEqual(1);
  expect(exports.every((run) => run.result === 'success')).toBe(true);
});

test('going back from every page to Additional tasks leaves the server unchanged', async ({ wizard, harness }) => {
  const before = configurationOf(await harness.app.clients.syncServer.getServerState());
  await openTask(wizard);
  await signInAsAdmin(wizard);
  await next(wizard).click();
  await wizard.getByRole('checkbox', { name: 'Enable staging mode' }).check({ force: true });
  await next(wizard).click();
  await expect(wizard.getByTestId('plan-steps')).toContainText('Enable staging mode');
  for (const title of ['Staging mode', 'Connect to Azure AD', 'Additional tasks']) {
    await wizard.getByRole('button', { name: 'Previous' }).click();
    await expect(heading(wizard, title)).toBeVisible();
  }
  expect(configurationOf(await harness.app.clients.syncServer.getServerState())).toEqual(before);
});

test('a task started while a cycle runs says so, and waits for it to finish', async ({ wizard, harness }) => {
  await openTask(wizard);
  await signInAsAdmin(wizard);
  // A lab cycle lasts a few seconds: start it just before the first page after sign-in.
  await harness.app.clients.syncServer.startSyncCycle('Delta');
  await next(wizard).click();
  await expect(wizard.getByText('A synchronization cycle is running on this server.')).toBeVisible({ timeout: 60_000 });
  await expect(next(wizard)).toBeDisabled();
  await keep(wizard, 'sync-running');
  await expectNoSeriousAxeViolations(wizard);
  await wizard.getByRole('button', { name: 'Wait for it to finish' }).click();
  await expect(wizard.getByText('Waiting for the synchronization cycle to finish…')).toBeVisible();
  await expect(wizard.getByText('A synchronization cycle is running on this server.')).toHaveCount(0, { timeout: 60_000 });
  await expect(next(wizard)).toBeEnabled();
});
