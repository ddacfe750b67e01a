import type { Locator, Page } from '@playwright/test';
import { startHarness, type Harness } from '../harness/harness';
import { expect, expectNoSeriousAxeViolations, keepScreenshot, test } from './fixtures';

// A fresh lab has no synchronized users: each test runs one real lab sync cycle first.
test.setTimeout(240_000);

const ems = 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e';
const emsName = 'Enterprise Mobility + Security E3';
const screenshot = (page: Page, name: string): Promise<void> => keepScreenshot(page, `assign-licenses-${name}`, 1800);

/** Runs an initial cycle on the lab sync server; its export makes the users synchronized users of the lab tenant. */
async function synchronizeDirectory(harness: Harness): Promise<void> {
  const { syncServer } = harness.app.clients;
  await syncServer.startSyncCycle('Initial');
  await expect
    .poll(async () => (await syncServer.getServerState()).scheduler?.syncCycleInProgress ?? true, { timeout: 120_000, intervals: [1000] })
    .toBe(false);
}

/** Opens Assign licenses and signs in on its Connect page, through the lab sign-in page in a new tab. */
async function signIn(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: 'Configure' }).click();
  await page.getByRole('radio', { name: 'Assign licenses' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const signInPage = await popup;
  await signInPage.getByLabel('Username').fill(username);
  await signInPage.getByLabel('Password').fill('LabPassw0rd!');
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('region', { name: 'Signed in to Azure AD' })).toBeVisible({ timeout: 30_000 });
  await signInPage.close();
}

async function openLicensePage(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assign licenses' })).toBeVisible();
  await expect(skuRow(page, emsName)).toBeVisible({ timeout: 30_000 });
  await expect(userGrid(page).getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
}

const skuGrid = (page: Page): Locator => page.getByRole('grid', { name: 'Subscriptions of the tenant' });
const skuRow = (page: Page, product: string): Locator => skuGrid(page).getByRole('row').filter({ hasText: product });
const userGrid = (page: Page): Locator => page.getByRole('grid', { name: 'Synchronized users' });
const userRow = (page: Page, upn: string): Locator => userGrid(page).getByRole('row').filter({ hasText: upn });
const outcomeRow = (page: Page, upn: string): Locator =>
  page.getByRole('grid', { name: 'Result for each user' }).getByRole('row').filter({ hasText: upn });

/** Available, assigned and total units as the subscription table shows them. */
async function units(page: Page, product: string): Promise<string[]> {
  const cells = await skuRow(page, product).getByRole('gridcell').allInnerTexts();
  return cells.map((cell) => cell.trim()).slice(-3);
}

async function selectUser(page: Page, upn: string): Promise<void> {
  await userRow(page, upn).getByRole('checkbox').click();
  await expect(userRow(page, upn)).toHaveAttribute('aria-selected', 'true');
}

test('EMS E3 is assigned to users with and without a usage location, each outcome is shown and the units follow', async ({
  wizard,
  harness,
}) => {
  const synchronized = synchronizeDirectory(harness);
  await signIn(wizard, 'globaladmin@contoso.onmicrosoft.com');
  await synchronized;

  // Two of the first three synchronized users get a usage location beforehand, the third has none.
  const { graph } = harness.app.clients;
  const [first, second, third] = (await graph.listSyncedUsers({ limit: 3 })).users;
  if (!first || !second || !third) throw new Error('The lab sync cycle exported fewer than three users.');
  expect(third.usageLocation).toBeNull();
  await graph.setUsageLocation(first.id, 'US');
  await graph.setUsageLocation(second.id, 'GB');

  await openLicensePage(wizard);
  // Azure AD Premium P1 and P2, then EMS E3 and E5, first.
  const products = await skuGrid(wizard).getByRole('row').allInnerTexts();
  expect(products.slice(1).map((row) => row.split('\n').find((text) => text.trim() !== '')?.trim())).toEqual([
    'Microsoft Entra ID P1',
    'Microsoft Entra ID P2',
    emsName,
    'Enterprise Mobility + Security E5',
  ]);
  expect(await units(wizard, emsName)).toEqual(['5', '0', '5']);
  await expect(wizard.getByText(/Showing 100 of 200\+? synchronized users/)).toBeVisible();
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'page');

  // "Load more" asks main for the page after an opaque token (Graph's link stays in main) and appends it.
  const nextPage = wizard.waitForRequest((request) => request.url().includes('/__ipc/licenses%3Alist-users'));
  await wizard.getByRole('button', { name: 'Load more' }).click();
  const asked = (await nextPage).postDataJSON() as Record<string, unknown>;
  expect(Object.keys(asked)).toEqual(['pageToken']);
  expect(String(asked.pageToken)).toMatch(/^[0-9a-f-]{36}$/);
  const answered = await (await (await nextPage).response())?.text();
  expect(answered).not.toMatch(/https?:|skiptoken/i);
  await expect(wizard.getByText(/Showing 200 of 200 synchronized users/)).toBeVisible();
  await expect(wizard.getByRole('button', { name: 'Load more' })).toHaveCount(0);

  await skuRow(wizard, emsName).getByRole('gridcell').nth(1).click();
  await expect(wizard.getByRole('radio', { name: `Assign ${emsName}` })).toBeChecked();
  for (const user of [first, second, third]) await selectUser(wizard, user.userPrincipalName);

  // The user without a usage location is listed before submitting, with a country picker.
  await expect(wizard.getByRole('heading', { level: 2, name: 'Usage location needed' })).toBeVisible();
  await expect(wizard.getByText('3 of 3 selected users will get Enterprise Mobility + Security E3.')).toBeVisible();
  const assign = wizard.getByRole('button', { name: 'Assign licenses' });
  await expect(assign).toBeDisabled();
  await expect(wizard.getByText('Choose a usage location for 1 user, or a default.')).toBeVisible();
  const picker = wizard.getByRole('combobox', { name: `Usage location for ${third.displayName} (${third.userPrincipalName})` });
  await picker.click();
  await picker.fill('Germany');
  await picker.press('Enter');
  await expect(picker).toHaveValue('Germany (DE)');
  await expect(assign).toBeEnabled();
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'review-usage-location');

  await assign.click();
  await expect(wizard.getByText(`${emsName} assigned to 3 of 3 users.`)).toBeVisible({ timeout: 60_000 });
  for (const user of [first, second]) await expect(outcomeRow(wizard, user.userPrincipalName)).toContainText('Done');
  await expect(outcomeRow(wizard, third.userPrincipalName)).toContainText('Done');
  await expect(outcomeRow(wizard, third.userPrincipalName)).toContainText('Germany (DE)');
  await expect.poll(() => units(wizard, emsName)).toEqual(['2', '3', '5']);
  await expect(userRow(wizard, third.userPrincipalName)).toContainText('Germany (DE)');
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'results');

  // The tenant agrees: the license and the location are there.
  const after = (await graph.listSyncedUsers({ limit: 3 })).users;
  expect(after.map((user) => user.assignedSkuIds.includes(ems))).toEqual([true, true, true]);
  expect(after.map((user) => user.usageLocation)).toEqual(['US', 'GB', 'DE']);
});

test('selecting more users than EMS E3 has free licenses is refused before submitting', async ({ wizard, harness }) => {
  const synchronized = synchronizeDirectory(harness);
  await signIn(wizard, 'globaladmin@contoso.onmicrosoft.com');
  await synchronized;
  await openLicensePage(wizard);
  await skuRow(wizard, emsName).getByRole('gridcell').nth(1).click();

  const upns = (await harness.app.clients.graph.listSyncedUsers({ limit: 6 })).users.map((user) => user.userPrincipalName);
  for (const upn of upns) await selectUser(wizard, upn);
  await wizard.getByRole('combobox', { name: 'Default usage location for these users' }).fill('France');
  await wizard.getByRole('combobox', { name: 'Default usage location for these users' }).press('Enter');

  const warning = wizard.getByRole('alert').filter({ hasText: 'Not enough licenses.' });
  await expect(warning).toContainText(
    '6 users need a license of Enterprise Mobility + Security E3 but only 5 are available. Select 1 fewer user, or add licenses to the subscription first.',
  );
  await expect(wizard.getByRole('button', { name: 'Assign licenses' })).toBeDisabled();
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'not-enough-licenses');

  // One user fewer fits: the warning goes and the button comes back.
  await userRow(wizard, upns[5] ?? '').getByRole('checkbox').click();
  await expect(warning).toHaveCount(0);
  await expect(wizard.getByRole('button', { name: 'Assign licenses' })).toBeEnabled();
  expect(await units(wizard, emsName)).toEqual(['5', '0', '5']);
});

test('a Hybrid Identity Administrator is told which roles may assign licenses when Graph refuses', async ({ wizard, harness }) => {
  const synchronized = synchronizeDirectory(harness);
  await signIn(wizard, 'hybridadmin@contoso.onmicrosoft.com');
  await synchronized;
  await openLicensePage(wizard);
  await expect(wizard.getByText(/You are signed in as hybridadmin@contoso\.onmicrosoft\.com \(Hybrid Identity Administrator\)/)).toBeVisible();

  // The search box narrows the list (Graph $search), and the filter hides users who already have the license.
  const [target] = (await harness.app.clients.graph.listSyncedUsers({ limit: 1 })).users;
  if (!target) throw new Error('The lab sync cycle exported no user.');
  await wizard.getByRole('searchbox', { name: 'Search synchronized users by name or user principal name' }).fill(target.displayName);
  await expect(wizard.getByText(new RegExp(`synchronized users matching "${target.displayName}"`))).toBeVisible();
  await expect(userRow(wizard, target.userPrincipalName)).toBeVisible();
  // Fluent draws the box over the input: click the label, as a person would.
  await wizard.getByText('Only users without Microsoft Entra ID P1').click();
  await expect(wizard.getByRole('checkbox', { name: 'Only users without Microsoft Entra ID P1' })).toBeChecked();
  await expect(userRow(wizard, target.userPrincipalName)).toBeVisible();

  await selectUser(wizard, target.userPrincipalName);
  const picker = wizard.getByRole('combobox', { name: 'Default usage location for these users' });
  await picker.fill('Canada');
  await picker.press('Enter');
  await wizard.getByRole('button', { name: 'Assign licenses' }).click();

  const results = wizard.getByRole('region', { name: 'Results' });
  await expect(results).toContainText('Microsoft Entra ID P1 assigned to 0 of 1 user. Stopped:', { timeout: 60_000 });
  await expect(results).toContainText('Global Administrator, License Administrator or User Administrator');
  await expect(outcomeRow(wizard, target.userPrincipalName)).toContainText('Failed');
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'role-refused');
  const [after] = (await harness.app.clients.graph.listSyncedUsers({ limit: 1 })).users;
  expect(after?.assignedSkuIds).toEqual([]);
});

/** Selects the first synchronized users and gives those without a usage location France as the default. */
async function selectUsersWithDefaultLocation(page: Page, harness: Harness, count: number): Promise<string[]> {
  const upns = (await harness.app.clients.graph.listSyncedUsers({ limit: count })).users.map((user) => user.userPrincipalName);
  for (const upn of upns) await selectUser(page, upn);
  const picker = page.getByRole('combobox', { name: 'Default usage location for these users' });
  await picker.fill('France');
  await picker.press('Enter');
  return upns;
}

function labTenantOf(harness: Harness) {
  const lab = harness.app.labTenant;
  if (!lab) throw new Error('The harness runs without the lab tenant.');
  return lab;
}

const p1Name = 'Microsoft Entra ID P1';
const assignLicense = /\/assignLicense$/;

test('a throttled Graph is waited for: "Microsoft Graph is busy, retrying…" is shown, then each user is done', async ({ wizard, harness }) => {
  const synchronized = synchronizeDirectory(harness);
  await signIn(wizard, 'globaladmin@contoso.onmicrosoft.com');
  await synchronized;
  await openLicensePage(wizard);
  const upns = await selectUsersWithDefaultLocation(wizard, harness, 3);

  // Fewer 429s than one call's retry budget (three attempts by the client, three rounds by the batch).
  labTenantOf(harness).failNext(assignLicense, 429, 3, 4);
  await wizard.getByRole('button', { name: 'Assign licenses' }).click();
  const busy = wizard.getByText('Microsoft Graph is busy, retrying…');
  await expect(busy).toBeVisible();
  // The bar has no width at 0 %, so the test reads what a screen reader announces.
  await expect(wizard.getByRole('progressbar')).toHaveAttribute('aria-valuetext', /^\d of 3 users done$/);
  await screenshot(wizard, 'throttled');

  const results = wizard.getByRole('region', { name: 'Results' });
  await expect(results).toContainText(`${p1Name} assigned to 3 of 3 users.`, { timeout: 60_000 });
  await expect(busy).toHaveCount(0);
  for (const upn of upns) await expect(outcomeRow(wizard, upn)).toContainText('Done');
  await expectNoSeriousAxeViolations(wizard);
  const after = (await harness.app.clients.graph.listSyncedUsers({ limit: 3 })).users;
  expect(after.map((user) => user.assignedSkuIds)).toEqual(upns.map(() => ['078d2b04-f1bd-4111-bbd4-b4b1b354cef4']));
});

/** A fresh harness on the large lab tenant (5,000 synchronized users, no sync cycle needed) for one walk. */
async function withLargeTenant(page: Page, walk: (harness: Harness) => Promise<void>): Promise<void> {
  const harness = await startHarness({ largeTenantUsers: 5000 });
  try {
    await page.goto(harness.url);
    await walk(harness);
  } finally {
    await harness.close();
  }
}

test('a Graph that stays busy stops the batch with a clear message; the users not tried are shown "Not changed"', async ({ page }) => {
  await withLargeTenant(page, async (harness) => {
    await signIn(page, 'globaladmin@contoso.onmicrosoft.com');
    await openLicensePage(page);
    // More users than one $batch carries (20): those of the next batch are not tried once Graph gave up.
    const upns = await selectUsersWithDefaultLocation(page, harness, 22);

    labTenantOf(harness).failNext(assignLicense, 429, 1, 1000);
    await page.getByRole('button', { name: 'Assign licenses' }).click();
    await expect(page.getByText('Microsoft Graph is busy, retrying…')).toBeVisible();

    const results = page.getByRole('region', { name: 'Results' });
    await expect(results).toContainText(
      `${p1Name} assigned to 0 of 22 users. Stopped: Microsoft Graph is still busy after several retries. Try again in a few minutes.`,
      { timeout: 90_000 },
    );
    const rows = page.getByRole('grid', { name: 'Result for each user' }).getByRole('row');
    await expect(rows.filter({ hasText: 'Failed' })).toHaveCount(20);
    await expect(rows.filter({ hasText: 'Not changed' })).toHaveCount(2);
    for (const upn of upns.slice(0, 3)) await expect(outcomeRow(page, upn)).toContainText(/Failed|Not changed/);
    await expect(page.getByText('Microsoft Graph is busy, retrying…')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Assign licenses' })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'throttled-gave-up');
    const after = (await harness.app.clients.graph.listSyncedUsers({ limit: 22 })).users;
    expect(after.every((user) => !user.assignedSkuIds.includes('078d2b04-f1bd-4111-bbd4-b4b1b354cef4'))).toBe(true);
  });
});

const emsPilot = 'EMS pilot';

test('a group licensed with EMS E3 and Intune off: its members inherit it, the member Graph could not license is listed with the reason', async ({ page }) => {
  await withLargeTenant(page, async (harness) => {
    await signIn(page, 'globaladmin@contoso.onmicrosoft.com');
    await openLicensePage(page);
    await skuRow(page, emsName).getByRole('gridcell').nth(1).click();

    // The Groups tab, by keyboard: the tabs are a tab list, the views tab panels.
    const usersTab = page.getByRole('tab', { name: 'Users' });
    const groupsTab = page.getByRole('tab', { name: 'Groups' });
    await expect(usersTab).toHaveAttribute('aria-selected', 'true');
    await usersTab.focus();
    await page.keyboard.press('ArrowRight');
    await expect(groupsTab).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(groupsTab).toHaveAttribute('aria-selected', 'true');
    const groupsPanel = page.getByRole('tabpanel', { name: 'Groups' });
    await expect(page.getByRole('tabpanel', { name: 'Users' })).toBeHidden();

    const groupGrid = groupsPanel.getByRole('grid', { name: 'Groups that can hold licenses' });
    await expect(groupGrid.getByRole('row').filter({ hasText: 'Dept - Engineering' })).toContainText('Synchronized');
    await expect(groupGrid).not.toContainText('All Company');
    await groupsPanel.getByRole('searchbox', { name: 'Search groups by name' }).fill('pilot');
    await expect(groupsPanel.getByText('Showing 1 of 1 groups matching "pilot".')).toBeVisible();
    const pilotRow = groupGrid.getByRole('row').filter({ hasText: emsPilot });
    await expect(pilotRow).toContainText('Cloud');
    await pilotRow.getByRole('gridcell').nth(1).click();
    await expect(groupsPanel.getByRole('heading', { name: `Licenses of ${emsPilot}` })).toBeVisible();
    await expect(groupsPanel.getByText('This group has no licenses.')).toBeVisible();

    // One plan off, by its friendly name; the others stay on.
    const plans = groupsPanel.getByRole('group', { name: /Service plans of Enterprise Mobility \+ Security E3/ });
    await expect(plans).toContainText('(7 of 7 on)');
    await plans.getByText('Microsoft Intune').click();
    await expect(plans).toContainText('(6 of 7 on)');
    await expect(plans.getByRole('checkbox', { name: 'Microsoft Intune' })).not.toBeChecked();
    await groupsPanel.getByRole('button', { name: 'Assign to group' }).click();

    // Graph accepts at once and processes the members in the background: the state is shown until it settles.
    await expect(groupsPanel.getByText(new RegExp(`License processing of ${emsPilot}: (Queued for processing|Processing)\\.`))).toBeVisible();
    await screenshot(page, 'group-processing');
    await expect(groupsPanel.getByText(`License processing of ${emsPilot} is complete.`, { exact: false })).toBeVisible({ timeout: 60_000 });
    await expect(pilotRow).toContainText(`${emsName} (Microsoft Intune off)`);
    await expect(pilotRow).toContainText('Complete');

    // The member whose address the "Front Desk" mailbox still holds is listed with the reason in plain words.
    const [pilot] = (await harness.app.clients.graph.firstGroupsPage({ search: 'pilot' })).groups;
    const inError = (await harness.app.clients.graph.membersWithLicenseErrors(pilot?.id ?? '')).members;
    expect(inError).toHaveLength(1);
    const errorRow = groupsPanel.getByRole('grid', { name: `Members of ${emsPilot} with license errors` }).getByRole('row').filter({ hasText: inError[0]?.userPrincipalName ?? '' });
    await expect(errorRow).toContainText('Duplicate proxy address');
    await expect(errorRow).toContainText(emsName);
    // The tabs and the Groups view (the whole page, with the hidden users list, takes axe many seconds more).
    await expectNoSeriousAxeViolations(page, '[role="tablist"], [role="tabpanel"][aria-label="Groups"]');
    await screenshot(page, 'group-licensed');

    // Users: a member shows the license as inherited, with the plan off; removing it on the user is refused, naming the group.
    const members = (await harness.app.clients.graph.runRequests([{ id: 'm', method: 'GET', url: `/groups/${pilot?.id ?? ''}/members?$select=id,displayName,userPrincipalName` }]))[0];
    const member = (members?.status === 'done' ? (members.body as { value: { displayName: string; userPrincipalName: string }[] }).value : []).find(
      (candidate) => candidate.userPrincipalName !== inError[0]?.userPrincipalName,
    );
    if (!member) throw new Error('EMS pilot has no healthy member.');
    await usersTab.click();
    const usersPanel = page.getByRole('tabpanel', { name: 'Users' });
    await usersPanel.getByRole('searchbox', { name: 'Search synchronized users by name or user principal name' }).fill(member.displayName);
    const memberRow = userGrid(page).getByRole('row').filter({ hasText: member.userPrincipalName });
    await expect(memberRow).toContainText(`Inherited from ${emsPilot}`);
    await expect(memberRow).toContainText('Microsoft Intune');
    await selectUser(page, member.userPrincipalName);
    await usersPanel.getByText(`Remove ${emsName}`).click();
    await expect(usersPanel.getByRole('alert').filter({ hasText: 'left out' })).toContainText(`The license is inherited from ${emsPilot} and cannot be removed from the user`);
    await expect(usersPanel.getByRole('button', { name: 'Remove licenses' })).toBeDisabled();

    // Users with license errors, across the tenant.
    await usersPanel.getByText('Users with license errors').click();
    const tenantErrors = usersPanel.getByRole('grid', { name: 'Users with license errors' }).getByRole('row').filter({ hasText: inError[0]?.userPrincipalName ?? '' });
    await expect(tenantErrors).toContainText('Duplicate proxy address');
    await expect(tenantErrors).toContainText(emsPilot);
    await expectNoSeriousAxeViolations(page, '[role="tabpanel"][aria-label="Users"]');
    await screenshot(page, 'users-with-errors');
  });
});

test('1,000 users get Entra ID P1 through JSON batching while Graph throttles; progress and every outcome are shown', async ({ page }) => {
  await withLargeTenant(page, async (harness) => {
    const { graph } = harness.app.clients;
    await signIn(page, 'globaladmin@contoso.onmicrosoft.com');
    await openLicensePage(page);
    // 5,000 generated users, and those the lab sync server exported.
    await expect(page.getByText(/Showing 100 of 5\d{3} synchronized users/)).toBeVisible();
    for (let pages = 2; pages <= 10; pages += 1) {
      await page.getByRole('button', { name: 'Load more' }).click();
      await expect(page.getByText(new RegExp(`Showing ${pages * 100} of 5\\d{3} synchronized users`))).toBeVisible();
    }
    await userGrid(page).getByRole('checkbox', { name: 'Select all users shown' }).click();
    await expect(page.getByText(`1000 of 1000 selected users will get ${p1Name}.`)).toBeVisible();
    const picker = page.getByRole('combobox', { name: 'Default usage location for these users' });
    await picker.fill('France');
    await picker.press('Enter');
    const before = (await graph.subscribedSkus()).find((sku) => sku.skuPartNumber === 'AAD_PREMIUM')?.consumedUnits ?? 0;

    // Entra Connect and other apps have used the tenant's shared write quota (18,000 per 5 minutes): from now on
    // Graph lets 60 writes a second through, and throttles the rest.
    await labTenantOf(harness).simulateOtherAppWrites(18_000);
    await page.getByRole('button', { name: 'Assign licenses' }).click();
    await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuetext', /^\d+ of 1000 users done$/);
    await expect(page.getByText(/\d+ of 1000 users done/)).toBeVisible();
    await expect(page.getByText('Microsoft Graph is busy, retrying…', { exact: false })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/Graph (has )?throttled \d+ requests?.*Nothing is applied twice\./)).toBeVisible();
    await screenshot(page, 'batch-throttled');

    const results = page.getByRole('region', { name: 'Results' });
    await expect(results).toContainText(`${p1Name} assigned to 1000 of 1000 users.`, { timeout: 180_000 });
    // Every outcome is in the table (it draws the rows scrolled to).
    await expect(results.getByRole('grid', { name: 'Result for each user' })).toHaveAttribute('aria-rowcount', '1001');
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    const after = (await graph.subscribedSkus()).find((sku) => sku.skuPartNumber === 'AAD_PREMIUM')?.consumedUnits ?? 0;
    expect(after - before).toBe(1000);
    // The results with a thousand rows (the whole page with two thousand-row lists takes axe half a minute).
    await expectNoSeriousAxeViolations(page, 'section[aria-labelledby="results-heading"]');
    await screenshot(page, 'batch-results');
  });
});
