import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { signInMessages } from '../../shared/auth/sign-in-messages';
import { expect, expectNoSeriousAxeViolations, keepScreenshot, test } from './fixtures';

const password = 'LabPassw0rd!';
const screenshot = (page: Page, name: string): Promise<void> => keepScreenshot(page, `connect-to-azure-ad-${name}`, 1800);

/** Welcome → Additional tasks → Assign licenses, whose first page is Connect to Azure AD. */
async function openConnectPage(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Configure' }).click();
  await page.getByRole('radio', { name: 'Assign licenses' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Connect to Azure AD' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
}

const nextButton = (page: Page) => page.getByRole('button', { name: 'Next' });

/** Clicks "Sign in" and returns the lab's sign-in page, which the app opens in a new tab. */
async function startBrowserSignIn(page: Page): Promise<Page> {
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const signInPage = await popup;
  await signInPage.getByLabel('Username').waitFor();
  return signInPage;
}

async function enterCredentials(signInPage: Page, username: string): Promise<void> {
  await signInPage.getByLabel('Username').fill(username);
  await signInPage.getByLabel('Password').fill(password);
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
}

/** The page's error message bar, with the native wizard's title and message for the outcome. */
async function expectOutcome(page: Page, code: keyof typeof signInMessages): Promise<void> {
  const alert = page.getByRole('alert').filter({ hasText: signInMessages[code].title });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText(signInMessages[code].message);
  await expect(nextButton(page)).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
}

test('a Hybrid Identity Administrator signs in in the browser: account, tenant and role shown, Next enabled, then signs out', async ({
  wizard,
  harness,
}) => {
  await openConnectPage(wizard);
  await expect(nextButton(wizard)).toBeDisabled();
  const memoryOnly = harness.app.services.auth.getStatus().cachePersistence === 'memory';
  await expect(wizard.getByText('you will have to sign in again the next time you open the wizard')).toHaveCount(memoryOnly ? 1 : 0);
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'signed-out');

  const signInPage = await startBrowserSignIn(wizard);
  await expect(wizard.getByText('Waiting for you to sign in in your browser…')).toBeVisible();
  await expect(wizard.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(nextButton(wizard)).toBeDisabled();
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'waiting-for-browser');

  await enterCredentials(signInPage, 'hybridadmin@contoso.onmicrosoft.com');
  await expect(wizard.getByText('Signed in as hybridadmin@contoso.onmicrosoft.com. Select Next to continue.')).toBeVisible({ timeout: 30_000 });
  await signInPage.close();
  const account = wizard.getByRole('region', { name: 'Signed in to Azure AD' });
  await expect(account).toContainText('Hybrid Admin (hybridadmin@contoso.onmicrosoft.com)');
  await expect(account).toContainText('Contoso');
  await expect(account).toContainText('6f3c1b9e-2d4a-4c8e-9b1f-7a5d3e2c4b10');
  await expect(account).toContainText('Hybrid Identity Administrator');
  await expect(nextButton(wizard)).toBeEnabled();
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'signed-in');

  // Back and forth: the page shows the sign-in it finds and allows Next at once.
  await wizard.getByRole('button', { name: 'Previous' }).click();
  await nextButton(wizard).click();
  await expect(account).toContainText('hybridadmin@contoso.onmicrosoft.com');
  await expect(nextButton(wizard)).toBeEnabled();

  await wizard.getByRole('button', { name: 'Sign out' }).click();
  await expect(wizard.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(account).toHaveCount(0);
  await expect(nextButton(wizard)).toBeDisabled();
  expect(harness.app.services.auth.getStatus().state).toBe('signedOut');

  // The walk is in main's log, and the log holds no password, token or cookie.
  const log = await readFile(harness.logFile, 'utf8');
  expect(log).toContain('[auth] signed in as hybridadmin@contoso.onmicrosoft.com');
  expect(log).not.toContain(password);
  expect(log).not.toMatch(/Bearer\s+(?!\[redacted\])\S/);
  expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\./);
  expect(log).not.toMatch(/"(access_token|refresh_token|id_token|cookie)"\s*:\s*"(?!\[redacted\])/i);
});

test('a Global Administrator signs in and may go on to Assign licenses', async ({ wizard }) => {
  await openConnectPage(wizard);
  await enterCredentials(await startBrowserSignIn(wizard), 'globaladmin@contoso.onmicrosoft.com');
  await expect(wizard.getByRole('region', { name: 'Signed in to Azure AD' })).toContainText('Global Administrator', { timeout: 30_000 });
  await nextButton(wizard).click();
  await expect(wizard.getByRole('heading', { level: 1, name: 'Assign licenses' })).toBeVisible();
});

test('an account without an admin role gets "Global Administrator role needed" and Next stays disabled', async ({ wizard }) => {
  await openConnectPage(wizard);
  await enterCredentials(await startBrowserSignIn(wizard), 'user@contoso.onmicrosoft.com');
  await expectOutcome(wizard, 'NO_ADMIN_ROLE');
  await expect(wizard.getByRole('alert')).toContainText('user@contoso.onmicrosoft.com');
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'no-admin-role');
});

test('an MFA administrator signs in with the code', async ({ wizard }) => {
  await openConnectPage(wizard);
  const signInPage = await startBrowserSignIn(wizard);
  await enterCredentials(signInPage, 'mfaadmin@contoso.onmicrosoft.com');
  await signInPage.getByLabel('Code').fill('123456');
  await signInPage.getByRole('button', { name: 'Verify' }).click();
  await expect(wizard.getByRole('region', { name: 'Signed in to Azure AD' })).toContainText('MFA Admin', { timeout: 30_000 });
  await expect(nextButton(wizard)).toBeEnabled();
});

test('a cancelled MFA challenge says "Authentication canceled"', async ({ wizard }) => {
  await openConnectPage(wizard);
  const signInPage = await startBrowserSignIn(wizard);
  await enterCredentials(signInPage, 'mfaadmin@contoso.onmicrosoft.com');
  await signInPage.getByLabel('Code').waitFor();
  await signInPage.getByRole('button', { name: 'Cancel' }).click();
  await expectOutcome(wizard, 'SIGN_IN_CANCELLED');
  await screenshot(wizard, 'mfa-cancelled');
});

test('Cancel in the wizard stops a sign-in left open in the browser', async ({ wizard, harness }) => {
  await openConnectPage(wizard);
  await startBrowserSignIn(wizard);
  await wizard.getByRole('button', { name: 'Cancel' }).click();
  await expectOutcome(wizard, 'SIGN_IN_CANCELLED');
  expect(harness.app.services.auth.getStatus().state).toBe('signedOut');
});

test('an expired password says "User password expired"', async ({ wizard }) => {
  await openConnectPage(wizard);
  const signInPage = await startBrowserSignIn(wizard);
  await enterCredentials(signInPage, 'expired@contoso.onmicrosoft.com');
  await signInPage.getByRole('button', { name: 'Continue' }).click();
  await expectOutcome(wizard, 'PASSWORD_EXPIRED');
  await expect(wizard.getByRole('alert')).toContainText('AADSTS50055');
  await screenshot(wizard, 'password-expired');
});

test("another tenant's account is refused as the wrong tenant", async ({ wizard }) => {
  await openConnectPage(wizard);
  await enterCredentials(await startBrowserSignIn(wizard), 'admin@fabrikam.onmicrosoft.com');
  await expectOutcome(wizard, 'WRONG_TENANT');
  await screenshot(wizard, 'wrong-tenant');
});

test('a personal Microsoft account is refused', async ({ wizard }) => {
  await openConnectPage(wizard);
  await enterCredentials(await startBrowserSignIn(wizard), 'someone@outlook.com');
  await expectOutcome(wizard, 'PERSONAL_ACCOUNT');
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'personal-account');
});

test('the device-code sign-in shows the code and the link, and completes on the verification page', async ({ wizard }) => {
  await openConnectPage(wizard);
  await wizard.getByRole('button', { name: 'Use a device code instead' }).click();
  const code = wizard.getByRole('textbox', { name: 'Code' });
  await expect(code).toHaveValue(/^\S{6,}$/);
  const userCode = await code.inputValue();
  const link = wizard.getByRole('button', { name: /^http:\/\/127\.0\.0\.1:\d+\// }).or(wizard.getByRole('link', { name: /^http:\/\/127\.0\.0\.1:\d+\// }));
  await expect(link).toBeVisible();
  await expect(wizard.getByText(/The code expires at/)).toBeVisible();
  await expect(nextButton(wizard)).toBeDisabled();
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'device-code');

  const popup = wizard.waitForEvent('popup');
  await link.click();
  const verification = await popup;
  await verification.getByLabel('Code').fill(userCode);
  await verification.getByRole('button', { name: 'Next' }).click();
  await enterCredentials(verification, 'hybridadmin@contoso.onmicrosoft.com');
  await expect(verification.getByRole('heading', { name: 'You have signed in' })).toBeVisible();
  await verification.close();

  await expect(wizard.getByRole('region', { name: 'Signed in to Azure AD' })).toContainText('hybridadmin@contoso.onmicrosoft.com', { timeout: 30_000 });
  await expect(code).toHaveCount(0);
  await expect(nextButton(wizard)).toBeEnabled();
});

test('an unreachable Azure AD says "User realm discovery failed", Next stays disabled and the page stays usable', async ({ wizard, harness }) => {
  await openConnectPage(wizard);
  const lab = harness.app.labTenant;
  if (!lab) throw new Error('The harness runs without the lab tenant.');
  // The network goes away: nothing answers on the tenant's address any more.
  await lab.close();
  let tabsOpened = 0;
  wizard.on('popup', () => (tabsOpened += 1));

  await wizard.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectOutcome(wizard, 'NETWORK_UNREACHABLE');
  await expect(wizard.getByRole('alert')).toContainText(lab.host);
  await expect(wizard.getByText('Waiting for you to sign in in your browser…')).toHaveCount(0);
  await expectNoSeriousAxeViolations(wizard);
  await screenshot(wizard, 'network-unreachable');

  // Still usable: the other way of signing in is offered and says the same, and no browser tab was left on an error page.
  await wizard.getByRole('button', { name: 'Use a device code instead' }).click();
  await expectOutcome(wizard, 'NETWORK_UNREACHABLE');
  await wizard.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expectOutcome(wizard, 'NETWORK_UNREACHABLE');
  expect(tabsOpened).toBe(0);
  expect(harness.app.services.auth.getStatus()).toMatchObject({ state: 'signedOut', lastError: { code: 'NETWORK_UNREACHABLE' } });
  await wizard.getByRole('button', { name: 'Previous' }).click();
  await expect(wizard.getByRole('radio', { name: 'Assign licenses' })).toBeChecked();
});
