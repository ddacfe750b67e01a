import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousAxeViolations, keepScreenshot, test } from './fixtures';

const screenshot = (page: Page, name: string): Promise<void> => keepScreenshot(page, `configuration-${name}`, 2000);

async function openViewConfiguration(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Configure' }).click();
  await page.getByRole('radio', { name: /^View (or export )?current configuration$/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'View current configuration' })).toBeVisible();
  // The first read starts the PowerShell session and seeds the lab: allow for it.
  await expect(page.getByRole('heading', { level: 2, name: 'General settings' })).toBeVisible({ timeout: 180_000 });
  // What only the server's configuration export tells (the connector accounts) fills in after the rest.
  await expect(page.getByText(/Reading the connector accounts/)).toHaveCount(0, { timeout: 180_000 });
}

/** The value cell of a labelled row in one of the page's tables. */
const valueOf = (page: Page, table: string, label: string) =>
  page.getByRole('table', { name: table }).getByRole('row', { name: new RegExp(`^${label}`) }).getByRole('cell').first();

let temp: string;
test.beforeEach(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'view-config-e2e-'));
});
test.afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

test('shows the lab server configuration, read only, with Previous and Exit', async ({ wizard: page, harness }) => {
  test.setTimeout(240_000);
  await openViewConfiguration(page);
  await expect(page.getByRole('button', { name: 'Previous' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Exit' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export settings' })).toBeVisible();

  await expect(valueOf(page, 'General settings', 'Azure AD directory')).toHaveText('contoso.onmicrosoft.com');
  await expect(valueOf(page, 'General settings', 'Azure AD connector account')).toContainText('Sync_CONTOSO-SYNC01_e3c03195e061@contoso.onmicrosoft.com');
  await expect(valueOf(page, 'General settings', 'Staging mode')).toHaveText('Disabled');
  await expect(valueOf(page, 'General settings', 'Database')).toHaveText('(localdb)\\ADSync2019, database ADSync (SQL Server Express LocalDB)');
  await expect(valueOf(page, 'General settings', 'User sign-in method')).toContainText('does not record the sign-in method');

  const directories = page.getByRole('table', { name: 'Synchronized directories' });
  await expect(directories.getByRole('row', { name: /contoso\.com/ })).toContainText('contoso.com\\MSOL_d1edb676ca03');
  await expect(directories).toContainText('OU=CORP,DC=contoso,DC=com');

  await expect(valueOf(page, 'Sync settings', 'Source anchor')).toHaveText('objectGUID');
  await expect(valueOf(page, 'Sync settings', 'User principal name')).toHaveText('userPrincipalName');
  await expect(valueOf(page, 'Sync settings', 'OU filtering')).toContainText('Enabled');
  await expect(valueOf(page, 'Sync settings', 'Group filtering')).toHaveText('Disabled');
  await expect(valueOf(page, 'Sync settings', 'Password hash synchronization')).toHaveText('Disabled');
  await expect(valueOf(page, 'Sync settings', 'Exchange hybrid deployment')).toHaveText('Enabled');

  await expect(valueOf(page, 'Scheduler', 'Sync interval')).toHaveText('30 minutes');
  await expect(valueOf(page, 'Scheduler', 'Next sync cycle \\(UTC\\)')).toContainText('UTC');
  await expect(valueOf(page, 'Scheduler', 'Next sync cycle \\(local time\\)')).not.toHaveText('Not available');
  await expect(valueOf(page, 'Scheduler', 'Last run result')).toContainText('success');

  // Viewing never suspends the scheduler.
  expect((await harness.app.clients.syncServer.getScheduler()).schedulerSuspended).toBe(false);
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'view');

  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Additional tasks' })).toBeVisible();
});

test('a password hash sync change on the server shows after Refresh, and says nothing about the sign-in method', async ({ wizard: page, harness }) => {
  test.setTimeout(240_000);
  await openViewConfiguration(page);
  await harness.app.clients.syncServer.setCompanyFeatures({ passwordHashSync: true });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(valueOf(page, 'Sync settings', 'Password hash synchronization')).toHaveText('Enabled');
  await expect(valueOf(page, 'General settings', 'User sign-in method')).toContainText('does not record the sign-in method');
});

test('Export settings writes the JSON and the HTML report where the administrator chose, without secrets', async ({ wizard: page, harness }) => {
  test.setTimeout(240_000);
  await openViewConfiguration(page);
  const jsonFile = path.join(temp, 'Exported-SynchronizationPolicy-test.json');
  harness.dialogs.answerNext(jsonFile);
  await page.getByRole('button', { name: 'Export settings' }).click();
  const saved = page.getByText('The settings were exported.');
  await expect(saved).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(jsonFile)).toBeVisible();
  const htmlFile = path.join(temp, 'Exported-SynchronizationPolicy-test.html');
  await expect(page.getByText(htmlFile)).toBeVisible();

  const asked = harness.dialogs.asked.at(-1);
  expect(asked?.kind).toBe('save');
  expect(path.basename(asked?.defaultPath ?? '')).toMatch(/^ConnectWizard-Configuration-\d{8}-\d{6}\.json$/);

  const text = await readFile(jsonFile, 'utf8');
  const json = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(json)).toEqual(expect.arrayContaining(['policyMetadata', 'deploymentMetadata', 'onpremisesDirectoryPolicy', 'azureDirectoryPolicy']));
  const policy = json.onpremisesDirectoryPolicy as { friendlyName: string; partitionFilters: { containerInclusions: string[] }[] }[];
  expect(policy.map((p) => p.friendlyName)).toEqual(['contoso.com']);
  expect(policy[0]?.partitionFilters[0]?.containerInclusions).toEqual(['OU=CORP,DC=contoso,DC=com']);
  // No partition cookie, no password parameter: neither as a key nor as the Contoso cookie's value.
  expect(text).not.toMatch(/"cookie"/i);
  expect(text).not.toMatch(/"password"\s*:/i);
  expect(text).not.toContain('TVNEUwMAAAB');
  const html = await readFile(htmlFile, 'utf8');
  expect(html).toMatch(/^<!DOCTYPE html>/i);
  expect(html).not.toContain('TVNEUwMAAAB');

  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'exported');
});

test('cancelling the export dialog writes nothing and shows no error', async ({ wizard: page, harness }) => {
  test.setTimeout(240_000);
  await openViewConfiguration(page);
  harness.dialogs.answerNext(undefined);
  await page.getByRole('button', { name: 'Export settings' }).click();
  await expect.poll(() => harness.dialogs.asked.length).toBe(1);
  await expect(page.getByRole('button', { name: 'Export settings' })).toBeEnabled();
  await expect(page.getByText('The settings were exported.')).toHaveCount(0);
  await expect(page.getByText('could not be exported')).toHaveCount(0);
  expect(await readdir(temp)).toEqual([]);
  const dataFiles = await readdir(harness.labFolder);
  expect(dataFiles.filter((name) => name.startsWith('ConnectWizard-Configuration'))).toEqual([]);
});

test.describe('contoso-current', () => {
  test.use({ labProfile: 'contoso-current' });

  test('contoso-current: shows the sign-in method the server records, and staging', async ({ wizard: page }) => {
    test.setTimeout(240_000);
    await openViewConfiguration(page);
    await expect(valueOf(page, 'General settings', 'User sign-in method')).toContainText('Password Hash Synchronization');
    await expect(valueOf(page, 'General settings', 'User sign-in method')).toContainText('Microsoft.UserSignIn.SignOnMethod = PasswordHashSync');
    await expect(valueOf(page, 'General settings', 'Staging mode')).toHaveText('Enabled');
    await screenshot(page, 'contoso-current');
  });
});
