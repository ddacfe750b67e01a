import type { Page } from '@playwright/test';
import type { ServerState } from '../../shared/sync-server';
import { finishStagingInNativeWizard, recordedNativeWizardLaunches } from '../harness/native-wizard-stand-in';
import { expect, expectNoSeriousAxeViolations, keepScreenshot, openTask as openTaskPage, signInAsAdmin, test } from './fixtures';

test.setTimeout(240_000);

async function keep(page: Page, name: string): Promise<void> {
  await keepScreenshot(page, `staging-mode-${name}`, 1800);
  await expectNoSeriousAxeViolations(page);
}

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

/** Signs in, and sets the Staging mode checkbox (which shows the server's state first). */
async function chooseStaging(page: Page, enable: boolean): Promise<void> {
  await openTask(page);
  await signInAsAdmin(page);
  await next(page).click();
  await expect(heading(page, 'Staging mode')).toBeVisible();
  const checkbox = page.getByRole('checkbox', { name: 'Enable staging mode' });
  await expect(checkbox).toBeVisible({ timeout: 60_000 });
  await expect(checkbox).toBeChecked({ checked: !enable });
  if (enable) await checkbox.check({ force: true });
  else await checkbox.uncheck({ force: true });
}

/** On the hand-off page: opens Azure AD Connect, plays the administrator finishing there, and reads the server back. */
async function handOff(page: Page, labFolder: string, enable: boolean): Promise<void> {
  await expect(heading(page, 'Configure staging mode in Azure AD Connect')).toBeVisible();
  await page.getByRole('button', { name: 'Open Azure AD Connect' }).click();
  await expect(page.getByText(/^Opened Azure AD Connect/)).toHaveText(/^Opened Azure AD Connect \(lab: recorded at .+\)$/);
  expect((await recordedNativeWizardLaunches(labFolder)).map((launch) => launch.openedFor)).toContain('staging-mode');
  await page.getByRole('button', { name: 'Check the server again' }).click();
  await expect(page.getByTestId('staging-read-back')).toContainText(`Not yet: staging mode is still ${enable ? 'disabled' : 'enabled'}`);
  await finishStagingInNativeWizard(labFolder, enable);
  await page.getByRole('button', { name: 'Check the server again' }).click();
  await expect(page.getByTestId('staging-read-back')).toContainText(`Done: staging mode is ${enable ? 'enabled' : 'disabled'} on this server (Get-ADSyncScheduler: StagingModeEnabled is ${String(enable)})`);
}

test.describe('contoso', () => {
  test('contoso: enabling staging is handed off to Azure AD Connect and read back; clearing it asks to review the pending exports with csexport first', async ({ wizard, harness }) => {
    await chooseStaging(wizard, true);
    await expect(wizard.getByText('only one server may export at a time')).toHaveCount(0);
    await keep(wizard, 'staging-page-enable');
    await next(wizard).click();
    // Enabling goes straight to the hand-off: nothing is exported meanwhile, so there is nothing to review.
    await handOff(wizard, harness.labFolder, true);
    await expect(wizard.getByTestId('staging-read-back')).toContainText('Password hash synchronization: not configured (AD connectors off, tenant off).');
    await keep(wizard, 'hand-off-done');
    expect((await harness.app.clients.syncServer.getScheduler()).schedulerSuspended).toBe(false);
    await wizard.getByRole('button', { name: 'Exit' }).click();

    // The 2016 build has no Get-ADSyncConnectorStatistics: the page gives the csexport route, and asks for the review.
    await wizard.goto(harness.url);
    await chooseStaging(wizard, false);
    await expect(wizard.getByText('only one server may export at a time')).toBeVisible();
    await next(wizard).click();
    await expect(heading(wizard, 'Pending exports')).toBeVisible();
    await expect(wizard.getByLabel('csexport commands')).toContainText('csexport.exe" "contoso.onmicrosoft.com - AAD" %temp%\\export-2.xml /f:x', { timeout: 60_000 });
    await expect(wizard.getByText('Export deletion threshold (prevent accidental deletes): 500 objects.')).toBeVisible();
    await expect(next(wizard)).toBeDisabled();
    await wizard.getByRole('checkbox', { name: 'I have reviewed the pending exports' }).check({ force: true });
    await keep(wizard, 'pending-exports-csexport');
    await next(wizard).click();
    await expect(heading(wizard, 'Configure staging mode in Azure AD Connect')).toBeVisible();
  });

  test('contoso: going back from every page to Additional tasks leaves the server unchanged', async ({ wizard, harness }) => {
    const before = configurationOf(await harness.app.clients.syncServer.getServerState());
    await chooseStaging(wizard, true);
    await next(wizard).click();
    for (const title of ['Staging mode', 'Connect to Azure AD', 'Additional tasks']) {
      await wizard.getByRole('button', { name: 'Previous' }).click();
      await expect(heading(wizard, title)).toBeVisible();
    }
    expect(configurationOf(await harness.app.clients.syncServer.getServerState())).toEqual(before);
  });

  test('contoso: a task started while a cycle runs says so, and waits for it to finish', async ({ wizard, harness }) => {
    await openTask(wizard);
    await signInAsAdmin(wizard);
    // A lab cycle lasts a few seconds: start it just before the first page after sign-in.
    await harness.app.clients.syncServer.startSyncCycle('Delta');
    await next(wizard).click();
    await expect(wizard.getByText('A synchronization cycle is running on this server.')).toBeVisible({ timeout: 60_000 });
    await expect(next(wizard)).toBeDisabled();
    await keep(wizard, 'sync-running');
    await wizard.getByRole('button', { name: 'Wait for it to finish' }).click();
    await expect(wizard.getByText('Waiting for the synchronization cycle to finish…')).toBeVisible();
    await expect(wizard.getByText('A synchronization cycle is running on this server.')).toHaveCount(0, { timeout: 60_000 });
    await expect(next(wizard)).toBeEnabled();
  });
});

test.describe('contoso-current', () => {
  test.use({ labProfile: 'contoso-current' });

  test('contoso-current: clearing staging shows the pending exports per connector, needs the review, and is handed off and read back', async ({ wizard, harness }) => {
    await chooseStaging(wizard, false);
    await expect(wizard.getByRole('list', { name: 'Features that follow staging mode' })).toContainText('Password hash synchronization: configured');
    await next(wizard).click();
    await expect(heading(wizard, 'Pending exports')).toBeVisible();
    const table = wizard.getByRole('table', { name: 'Pending exports per connector' });
    await expect(table.getByRole('columnheader')).toHaveText(['Connector', 'Adds', 'Updates', 'Deletes'], { timeout: 60_000 });
    await expect(table.getByRole('row', { name: /contoso\.onmicrosoft\.com - AAD/ }).getByRole('cell')).toHaveText(['40', '6', '4']);
    await expect(table.getByRole('row', { name: /^contoso\.com/ }).getByRole('cell')).toHaveText(['0', '0', '0']);
    await expect(wizard.getByText('Export deletion threshold (prevent accidental deletes): 3000 objects.')).toBeVisible();
    await expect(wizard.getByText(/would delete .* more than the threshold/)).toHaveCount(0);
    await expect(next(wizard)).toBeDisabled();
    await keep(wizard, 'pending-exports');
    // Compare configurations opens in place, for checking this server against the active one.
    await wizard.getByText('Compare configurations', { exact: true }).click();
    await expect(wizard.getByRole('heading', { name: 'Compare configurations' })).toBeVisible();
    await wizard.getByRole('button', { name: 'Back to the configuration' }).click();
    await wizard.getByRole('checkbox', { name: 'I have reviewed the pending exports' }).check({ force: true });
    await next(wizard).click();
    await handOff(wizard, harness.labFolder, false);
    await expect(wizard.getByTestId('staging-read-back')).toContainText('Password hash synchronization: configured (AD connectors on, tenant on); it runs.');
    await keep(wizard, 'current-hand-off-done');
    expect((await harness.app.clients.syncServer.getScheduler()).stagingModeEnabled).toBe(false);
  });
});
