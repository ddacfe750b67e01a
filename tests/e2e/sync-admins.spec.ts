import type { Page } from '@playwright/test';
import { expect, expectNoSeriousAxeViolations, keepScreenshot, test } from './fixtures';

const screenshot = (page: Page, name: string): Promise<void> => keepScreenshot(page, `sync-admins-${name}`, 1600);

async function openSyncAdmins(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Configure' }).click();
  await page.getByRole('radio', { name: 'Sync administrators' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sync administrators' })).toBeVisible();
  // The first page of a fresh lab starts PowerShell and seeds the lab: give it time.
  await expect(page.getByRole('heading', { level: 2, name: 'ADSyncAdmins' })).toBeVisible({ timeout: 60_000 });
}

const members = (page: Page, group: string) => page.getByRole('grid', { name: `Members of ${group}` });

async function chooseGroup(page: Page, group: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Group' }).click();
  await page.getByRole('option', { name: group, exact: true }).click();
}

async function addMember(page: Page, group: string, accountName: string): Promise<void> {
  await chooseGroup(page, group);
  await page.getByRole('textbox', { name: 'Account name' }).fill(accountName);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
}

async function removeMember(page: Page, group: string, accountName: string): Promise<void> {
  await page.getByRole('button', { name: `Remove ${accountName} from ${group}`, exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove member' });
  await expect(dialog).toContainText(`Remove ${accountName} from ${group}?`);
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

// Names that must reach PowerShell as data and come back exactly: quotes of every kind, a subexpression,
// and non-Latin scripts (Latin with diacritics, CJK, and right-to-left Hebrew and Arabic).
const trickyNames = [
  "CONTOSO\\O'Brien",
  'CONTOSO\\say "hi"',
  'CONTOSO\\‘single’ and “double”',
  'CONTOSO\\$(Get-Process)`$env:PATH',
  'CONTOSO\\Zoë',
  'CONTOSO\\Łukasz',
  'CONTOSO\\山田',
  'CONTOSO\\שלום',
  'CONTOSO\\محمد',
];

test('lists the four ADSync groups with their members and what each may do', async ({ wizard }) => {
  await openSyncAdmins(wizard);
  for (const group of ['ADSyncAdmins', 'ADSyncOperators', 'ADSyncBrowse', 'ADSyncPasswordSet']) {
    await expect(wizard.getByRole('heading', { level: 2, name: group, exact: true })).toBeVisible();
  }
  await expect(wizard.getByText(/Full access to the synchronization service/)).toBeVisible();
  await expect(wizard.getByText(/run the connectors \(management agents\), view the statistics of each run/)).toBeVisible();
  await expect(wizard.getByText(/Read a user's lineage/)).toBeVisible();
  await expect(wizard.getByText(/password management interface/)).toBeVisible();
  await expect(members(wizard, 'ADSyncAdmins').getByRole('gridcell', { name: 'CONTOSO\\Administrator', exact: true })).toBeVisible();
  await expect(members(wizard, 'ADSyncAdmins').getByText('The account running this wizard')).toBeVisible();
  await expect(wizard.getByText('No members.')).toHaveCount(3);
  await expect(wizard.getByRole('textbox', { name: 'Account name' })).toBeVisible();
  await expect(wizard.getByRole('button', { name: 'Exit' })).toBeVisible();
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'members');
});

test('adds and removes members whose names have quotes, $() and non-Latin characters, shown back exactly', async ({ wizard, harness }) => {
  await openSyncAdmins(wizard);
  for (const name of trickyNames) {
    await addMember(wizard, 'ADSyncAdmins', name);
    await expect(wizard.getByRole('status').filter({ hasText: `${name} was added to ADSyncAdmins.` })).toBeVisible();
    await expect(members(wizard, 'ADSyncAdmins').getByRole('gridcell', { name, exact: true })).toBeVisible();
    await expect(wizard.getByRole('textbox', { name: 'Account name' })).toHaveValue('');
  }
  // What the sync server holds is exactly what was typed, not only what the page shows.
  const stored = (await harness.app.clients.syncServer.getGroupMembers('ADSyncAdmins')).map((member) => member.name);
  expect(stored).toEqual(['CONTOSO\\Administrator', ...trickyNames]);
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'added');

  for (const name of trickyNames) {
    await removeMember(wizard, 'ADSyncAdmins', name);
    await expect(wizard.getByRole('status').filter({ hasText: `${name} was removed from ADSyncAdmins.` })).toBeVisible();
    await expect(members(wizard, 'ADSyncAdmins').getByRole('gridcell', { name, exact: true })).toHaveCount(0);
  }
  expect((await harness.app.clients.syncServer.getGroupMembers('ADSyncAdmins')).map((member) => member.name)).toEqual([
    'CONTOSO\\Administrator',
  ]);
});

test('adds to the other groups through the group picker, with a user@domain name', async ({ wizard }) => {
  await openSyncAdmins(wizard);
  await addMember(wizard, 'ADSyncOperators', 'CONTOSO\\ops-team');
  await expect(members(wizard, 'ADSyncOperators').getByRole('gridcell', { name: 'CONTOSO\\ops-team', exact: true })).toBeVisible();
  // A user@domain name resolves to the account's DOMAIN\\name.
  await addMember(wizard, 'ADSyncBrowse', 'MSOL_d1edb676ca03@contoso.com');
  await expect(members(wizard, 'ADSyncBrowse').getByRole('gridcell', { name: 'CONTOSO\\MSOL_d1edb676ca03', exact: true })).toBeVisible();
  await expect(members(wizard, 'ADSyncAdmins').getByRole('gridcell', { name: 'CONTOSO\\ops-team', exact: true })).toHaveCount(0);
  await removeMember(wizard, 'ADSyncOperators', 'CONTOSO\\ops-team');
  await expect(wizard.getByText('No members.')).toHaveCount(2);
  await screenshot(wizard, 'other-groups');
});

test('a duplicate, an unknown account and an empty or too long name each get a clear message', async ({ wizard }) => {
  await openSyncAdmins(wizard);
  await addMember(wizard, 'ADSyncAdmins', 'CONTOSO\\Administrator');
  await expect(wizard.getByText('CONTOSO\\Administrator is already a member of ADSyncAdmins. Nothing was changed.')).toBeVisible();
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'already-member');

  await addMember(wizard, 'ADSyncAdmins', 'FABRIKAM\\nobody');
  await expect(wizard.getByText(/^No account named FABRIKAM\\nobody was found\. Check the spelling and the domain/)).toBeVisible();
  await addMember(wizard, 'ADSyncAdmins', 'CONTOSO\\missing-user');
  await expect(wizard.getByText(/^No account named CONTOSO\\missing-user was found\./)).toBeVisible();
  await screenshot(wizard, 'not-found');

  await addMember(wizard, 'ADSyncAdmins', '   ');
  await expect(wizard.getByText(/^Enter an account name, for example CONTOSO\\jdoe/)).toBeVisible();
  await addMember(wizard, 'ADSyncAdmins', `CONTOSO\\${'a'.repeat(300)}`);
  await expect(wizard.getByText('An account name has at most 256 characters; this one has 308.')).toBeVisible();
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'invalid-name');
  await expect(members(wizard, 'ADSyncAdmins').getByRole('row')).toHaveCount(2);
});

test('removing a member removed elsewhere says so and refreshes the list', async ({ wizard, harness }) => {
  await openSyncAdmins(wizard);
  await addMember(wizard, 'ADSyncPasswordSet', 'CONTOSO\\helpdesk');
  await expect(members(wizard, 'ADSyncPasswordSet').getByRole('gridcell', { name: 'CONTOSO\\helpdesk', exact: true })).toBeVisible();
  await harness.app.clients.syncServer.removeGroupMember('ADSyncPasswordSet', 'CONTOSO\\helpdesk');

  await removeMember(wizard, 'ADSyncPasswordSet', 'CONTOSO\\helpdesk');
  await expect(wizard.getByText(/^CONTOSO\\helpdesk is not a member of ADSyncPasswordSet/)).toBeVisible();
  await expect(members(wizard, 'ADSyncPasswordSet')).toHaveCount(0);
});

test('removing the account running the wizard from ADSyncAdmins asks a second time', async ({ wizard, harness }) => {
  await openSyncAdmins(wizard);
  const self = 'CONTOSO\\Administrator';
  await wizard.getByRole('button', { name: `Remove ${self} from ADSyncAdmins`, exact: true }).click();
  await wizard.getByRole('alertdialog', { name: 'Remove member' }).getByRole('button', { name: 'Remove', exact: true }).click();
  const second = wizard.getByRole('alertdialog', { name: 'Remove your own account?' });
  await expect(second).toContainText('is the Windows account running this wizard');
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'remove-self');

  // Cancel keeps the membership.
  await second.getByRole('button', { name: 'Cancel' }).click();
  await expect(second).toHaveCount(0);
  expect((await harness.app.clients.syncServer.getGroupMembers('ADSyncAdmins')).map((member) => member.name)).toEqual([self]);

  await wizard.getByRole('button', { name: `Remove ${self} from ADSyncAdmins`, exact: true }).click();
  await wizard.getByRole('alertdialog', { name: 'Remove member' }).getByRole('button', { name: 'Remove', exact: true }).click();
  await wizard.getByRole('alertdialog', { name: 'Remove your own account?' }).getByRole('button', { name: 'Remove my account' }).click();
  await expect(wizard.getByText(`${self} was removed from ADSyncAdmins.`)).toBeVisible();
  expect(await harness.app.clients.syncServer.getGroupMembers('ADSyncAdmins')).toEqual([]);
});
