import type { Page } from '@playwright/test';
import type { ServerState } from '../../shared/sync-server';
import { expect, expectNoSeriousAxeViolations, keepScreenshot, openTask as openTaskPage, signInAsAdmin, test } from './fixtures';

test.setTimeout(240_000);

/** Screenshot kept as an artifact, then an axe scan of the page. */
async function keep(page: Page, name: string): Promise<void> {
  await keepScreenshot(page, `customize-sync-${name}`, 1800);
  await expectNoSeriousAxeViolations(page);
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const next = (page: Page) => page.getByRole('button', { name: 'Next', exact: true });
const treeItem = (page: Page, dn: string) => page.locator(`[role=treeitem][data-dn="${dn}"]`);
const serviceAccounts = 'OU=Service Accounts,OU=CORP,DC=contoso,DC=com';

async function openTask(page: Page): Promise<void> {
  await openTaskPage(page, 'Customize synchronization options');
  await expect(heading(page, 'Connect to Azure AD')).toBeVisible();
}


async function toFiltering(page: Page): Promise<void> {
  await openTask(page);
  await signInAsAdmin(page);
  await next(page).click();
  await expect(heading(page, 'Connect your directories')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Configured directories' })).toContainText('contoso.com', { timeout: 60_000 });
  await next(page).click();
  await expect(heading(page, 'Domain and OU filtering')).toBeVisible();
  await expect(page.getByRole('tree', { name: 'Domains and OUs of contoso.com' })).toBeVisible({ timeout: 60_000 });
}

function configurationOf(state: ServerState): unknown {
  return {
    staging: state.staging,
    suspended: state.scheduler?.schedulerSuspended,
    connectors: state.connectors,
    settings: state.globalSettings?.parameters.filter((parameter) => parameter.name !== 'Microsoft.Synchronize.NextStartTime'),
    features: state.features,
  };
}

test('excludes an OU and enables password hash sync, then finds the OU excluded when the page opens again', async ({ wizard, harness }) => {
  await openTask(wizard);
  await keep(wizard, 'connect');
  await signInAsAdmin(wizard);
  await next(wizard).click();
  await expect(wizard.getByRole('list', { name: 'Configured directories' })).toContainText('contoso.com', { timeout: 60_000 });
  await keep(wizard, 'connect-directories');

  // Add Directory: the AD forest account dialog and its native messages.
  await wizard.getByLabel('FOREST').fill('contoso.com');
  await wizard.getByRole('button', { name: 'Add Directory' }).click();
  await expect(wizard.getByText('The directory contoso.com is already configured.')).toBeVisible();
  await wizard.getByLabel('FOREST').fill('fabrikam.com');
  await wizard.getByRole('button', { name: 'Add Directory' }).click();
  const dialog = wizard.getByRole('alertdialog', { name: 'AD forest account' });
  await dialog.getByRole('radio', { name: 'Use existing AD account' }).check({ force: true });
  await dialog.getByLabel('USERNAME').fill('CONTOSO\\administrator');
  await dialog.getByLabel('PASSWORD').fill('LabPassw0rd!');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog.getByText('Using an Enterprise or Domain administrator account for your AD forest account is not allowed.', { exact: false })).toBeVisible();
  await keep(wizard, 'ad-forest-account');
  await dialog.getByLabel('USERNAME').fill('FABRIKAM\\syncuser');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog.getByText('The lab has one forest, contoso.com.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await next(wizard).click();
  await expect(heading(wizard, 'Domain and OU filtering')).toBeVisible();
  const tree = wizard.getByRole('tree', { name: 'Domains and OUs of contoso.com' });
  await expect(tree).toBeVisible({ timeout: 60_000 });
  await expect(wizard.getByRole('radio', { name: 'Sync selected domains and OUs' })).toBeChecked();
  await expect(treeItem(wizard, 'DC=contoso,DC=com')).toHaveAttribute('aria-checked', 'mixed');
  await expect(treeItem(wizard, 'OU=CORP,DC=contoso,DC=com')).toHaveAttribute('aria-checked', 'true');
  await expect(treeItem(wizard, 'OU=Staging,DC=contoso,DC=com')).toHaveAttribute('aria-checked', 'false');
  // Keyboard: expand CORP and uncheck Service Accounts with Space.
  await treeItem(wizard, 'DC=contoso,DC=com').click();
  await wizard.keyboard.press('ArrowDown');
  await wizard.keyboard.press('ArrowDown');
  await expect(treeItem(wizard, 'OU=CORP,DC=contoso,DC=com')).toBeFocused();
  await wizard.keyboard.press('ArrowRight');
  await expect(treeItem(wizard, 'OU=CORP,DC=contoso,DC=com')).toHaveAttribute('aria-expanded', 'true');
  await wizard.getByLabel('Filter by name').fill('service');
  await expect(tree.getByRole('treeitem')).toHaveCount(3);
  await treeItem(wizard, serviceAccounts).click();
  await wizard.keyboard.press(' ');
  await expect(treeItem(wizard, serviceAccounts)).toHaveAttribute('aria-checked', 'false');
  await expect(treeItem(wizard, 'OU=CORP,DC=contoso,DC=com')).toHaveAttribute('aria-checked', 'mixed');
  await expect(wizard.getByText('Changing the filtering can delete objects in Azure AD')).toContainText('500');
  await keep(wizard, 'domain-ou-filtering');

  await next(wizard).click();
  await expect(heading(wizard, 'Optional features')).toBeVisible();
  const features = ['Exchange hybrid deployment', 'Exchange Mail Public Folders', 'Azure AD app and attribute filtering', 'Password hash synchronization', 'Password writeback', 'Group writeback', 'Device writeback', 'Directory extension attribute sync'];
  await expect(wizard.getByRole('checkbox')).toHaveCount(8);
  for (const [index, name] of features.entries()) await expect(wizard.getByRole('checkbox').nth(index)).toHaveAccessibleName(name);
  await expect(wizard.getByRole('checkbox', { name: 'Exchange Mail Public Folders' })).toBeDisabled();
  await expect(wizard.getByRole('checkbox', { name: 'Device writeback' })).toBeDisabled();
  await expect(wizard.getByText('Device writeback is configured with the Configure device options task.')).toBeVisible();
  await wizard.getByRole('checkbox', { name: 'Password hash synchronization' }).check({ force: true });
  await keep(wizard, 'optional-features');

  await next(wizard).click();
  await expect(heading(wizard, 'Ready to configure')).toBeVisible();
  const steps = wizard.getByTestId('plan-steps');
  await expect(steps).toContainText('Change the domain and OU filtering of contoso.com');
  await expect(steps).toContainText(`Exclude ${serviceAccounts}`);
  await expect(steps).toContainText('Enable Password hash synchronization');
  await expect(steps).toContainText('Start a full (initial) synchronization cycle');
  await keep(wizard, 'ready-to-configure');
  await wizard.getByRole('button', { name: 'Configure', exact: true }).click();
  await expect(heading(wizard, 'Configuring')).toBeVisible();
  await expect(next(wizard)).toBeEnabled({ timeout: 60_000 });
  await keep(wizard, 'configuring');
  await next(wizard).click();
  await expect(heading(wizard, 'Configuration complete')).toBeVisible();
  await expect(wizard.getByTestId('step-outcomes').getByRole('listitem').filter({ hasText: 'Done' })).toHaveCount(7);
  await keep(wizard, 'complete');
  await wizard.getByRole('button', { name: 'Exit' }).click();

  const state = await harness.app.clients.syncServer.getServerState();
  expect(state.connectors?.[0]?.partitions[0]?.containerExclusions).toContain(serviceAccounts);
  expect(state.features?.passwordHashSync).toBe(true);
  expect((await harness.app.clients.syncServer.getPasswordSyncConfiguration('contoso.com')).enabled).toBe(true);
  expect(state.scheduler?.schedulerSuspended).toBe(false);

  // The full cycle the wizard started must end before a change task can run again.
  await expect
    .poll(async () => (await harness.app.clients.syncServer.getScheduler()).syncCycleInProgress, { timeout: 60_000, intervals: [500] })
    .toBe(false);
  await wizard.goto(harness.url);
  await toFiltering(wizard);
  await wizard.getByLabel('Filter by name').fill('service');
  await expect(treeItem(wizard, serviceAccounts)).toHaveAttribute('aria-checked', 'false');
  await expect(treeItem(wizard, 'OU=CORP,DC=contoso,DC=com')).toHaveAttribute('aria-checked', 'mixed');
});

test('the conditional pages appear with their features, and going back from every page leaves the server unchanged', async ({ wizard, harness }) => {
  const before = configurationOf(await harness.app.clients.syncServer.getServerState());
  await toFiltering(wizard);
  await wizard.getByRole('radio', { name: 'Sync all domains and OUs' }).check({ force: true });
  await expect(treeItem(wizard, 'DC=contoso,DC=com')).toHaveAttribute('aria-checked', 'true');
  await next(wizard).click();
  await wizard.getByRole('checkbox', { name: 'Azure AD app and attribute filtering' }).check({ force: true });
  await wizard.getByRole('checkbox', { name: 'Directory extension attribute sync' }).check({ force: true });
  await next(wizard).click();
  await expect(heading(wizard, 'Azure AD apps')).toBeVisible();
  await expect(next(wizard)).toBeDisabled();
  await wizard.getByRole('checkbox', { name: 'Exchange Online' }).check({ force: true });
  await keep(wizard, 'azure-ad-apps');
  await next(wizard).click();
  await expect(heading(wizard, 'Azure AD attributes')).toBeVisible();
  await wizard.getByRole('checkbox', { name: 'mailNickname' }).uncheck({ force: true });
  await expect(wizard.getByText('Removing attributes can affect the functionality')).toBeVisible();
  await keep(wizard, 'azure-ad-attributes');
  await next(wizard).click();
  await expect(heading(wizard, 'Directory extensions')).toBeVisible();
  await wizard.getByRole('checkbox', { name: 'employeeNumber' }).check({ force: true });
  await keep(wizard, 'directory-extensions');
  await next(wizard).click();
  await expect(heading(wizard, 'Ready to configure')).toBeVisible();
  await expect(wizard.getByTestId('plan-steps')).toContainText('Do not synchronize the attributes: mailNickname');
  for (const title of ['Directory extensions', 'Azure AD attributes', 'Azure AD apps', 'Optional features', 'Domain and OU filtering', 'Connect your directories', 'Connect to Azure AD', 'Additional tasks']) {
    await wizard.getByRole('button', { name: 'Previous' }).click();
    await expect(heading(wizard, title)).toBeVisible();
  }
  expect(configurationOf(await harness.app.clients.syncServer.getServerState())).toEqual(before);
});
