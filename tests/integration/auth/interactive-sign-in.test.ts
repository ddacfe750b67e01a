import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminRoleTemplateIds } from '../../../shared/auth/account';
import { signInMessages } from '../../../shared/auth/sign-in-messages';
import { startLabTenant, type LabTenant } from '../../../lab/index';
import { createLabServices, rejection } from './lab-services';
import { enterCredentials, SystemBrowser } from './system-browser';

const password = 'LabPassw0rd!';
let lab: LabTenant;
let labFolder = '';
let dataFolder = '';
const browser = new SystemBrowser();
let services: Awaited<ReturnType<typeof createLabServices>>;

beforeAll(async () => {
  labFolder = await mkdtemp(join(tmpdir(), 'lab-tenant-'));
  lab = await startLabTenant({ labFolder, port: 0 });
  await browser.start();
});
afterAll(async () => {
  await browser.close();
  await lab?.close();
  await rm(labFolder, { recursive: true, force: true });
});

beforeEach(async () => {
  dataFolder = await mkdtemp(join(tmpdir(), 'wizard-data-'));
  await browser.newSession();
  services = await createLabServices(lab, { openBrowser: browser.openBrowser, dataFolder });
});
afterEach(async () => {
  await services.close();
  await rm(dataFolder, { recursive: true, force: true });
});

/** Starts the app's interactive sign-in and returns it with the browser page MSAL opened. */
async function startSignIn() {
  const signIn = services.auth.signInInteractive();
  signIn.catch(() => undefined);
  const page = await browser.nextPage();
  return { signIn, page };
}

describe('interactive sign-in in the system browser against the lab tenant', () => {
  it('signs in a Hybrid Identity Administrator and shows the account, tenant and role', async () => {
    const states: string[] = [];
    services.auth.onStatusChanged((status) => states.push(status.state));
    const { signIn, page } = await startSignIn();
    await enterCredentials(page, 'hybridadmin@contoso.onmicrosoft.com', password);
    const account = await signIn;

    expect(account).toMatchObject({ username: 'hybridadmin@contoso.onmicrosoft.com', displayName: 'Hybrid Admin', tenantId: lab.tenantId });
    expect(account.roles.map((role) => role.roleTemplateId)).toContain(adminRoleTemplateIds.hybridIdentityAdministrator);
    expect(services.auth.getStatus()).toMatchObject({ state: 'signedIn', account: { username: 'hybridadmin@contoso.onmicrosoft.com' } });
    // MSAL's loopback answered the form_post with the app's page.
    await page.getByRole('heading', { name: 'Signed in', exact: true }).waitFor({ timeout: 10_000 });
    // The token works for Graph inside main, and the status the renderer sees carries none.
    await expect(services.graph.me()).resolves.toMatchObject({ userPrincipalName: 'hybridadmin@contoso.onmicrosoft.com' });
    const token = await services.auth.getAccessToken();
    expect(JSON.stringify(services.auth.getStatus())).not.toContain(token.slice(0, 40));
    expect(states[0]).toBe('signingIn');
    expect(states.at(-1)).toBe('signedIn');
  });

  it('opens the sign-in page on http://127.0.0.1, which an ordinary Chromium loads with no certificate warning', async () => {
    const { signIn, page } = await startSignIn();
    const opened = browser.navigations.at(-1);
    const url = new URL(opened?.url ?? '');
    expect(`${url.protocol}//${url.host}`).toBe(`http://127.0.0.1:${lab.pagesPort}`);
    expect(url.pathname).toBe(`/${lab.tenantId}/oauth2/v2.0/authorize`);
    expect(url.searchParams.get('response_mode')).toBe('form_post');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(opened?.status).toBe(200);
    // Loopback HTTP is a secure context: the browser flags nothing on a page with a password field.
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await enterCredentials(page, 'hybridadmin@contoso.onmicrosoft.com', password);
    await expect(signIn).resolves.toMatchObject({ username: 'hybridadmin@contoso.onmicrosoft.com' });

    // The same browser stops on the lab's HTTPS: it trusts no lab CA, so the sign-in pages needed none.
    await expect(browser.visit(`${lab.authority}/v2.0/.well-known/openid-configuration`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
    // Tokens never cross plain HTTP: the pages origin has no token endpoint, and the HTTPS port speaks only TLS.
    const form = { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `client_id=${lab.clientId}&grant_type=refresh_token&refresh_token=x` };
    const onPagesOrigin = await fetch(`${lab.pagesBaseUrl}/${lab.tenantId}/oauth2/v2.0/token`, form);
    expect(onPagesOrigin.status).toBe(403);
    expect(await onPagesOrigin.text()).not.toContain('access_token');
    await expect(fetch(`http://127.0.0.1:${lab.port}/${lab.tenantId}/oauth2/v2.0/token`, form)).rejects.toThrow();
  });

  it('signs in a Global Administrator', async () => {
    const { signIn, page } = await startSignIn();
    await enterCredentials(page, 'globaladmin@contoso.onmicrosoft.com', password);
    const account = await signIn;
    expect(account.roles.map((role) => role.roleTemplateId)).toContain(adminRoleTemplateIds.globalAdministrator);
  });

  it('refuses an account without an admin role with "Global Administrator role needed" and keeps no token', async () => {
    const { signIn, page } = await startSignIn();
    await enterCredentials(page, 'user@contoso.onmicrosoft.com', password);
    const error = await rejection(signIn);

    expect(error.code).toBe('NO_ADMIN_ROLE');
    expect(error.message).toContain(signInMessages.NO_ADMIN_ROLE.title);
    expect(error.detail).toContain('user@contoso.onmicrosoft.com');
    expect(services.auth.getStatus()).toMatchObject({ state: 'signedOut', lastError: { code: 'NO_ADMIN_ROLE' } });
    expect((await rejection(services.auth.getAccessToken())).code).toBe('NOT_SIGNED_IN');
  });

  it('completes the MFA challenge with the code', async () => {
    const { signIn, page } = await startSignIn();
    await enterCredentials(page, 'mfaadmin@contoso.onmicrosoft.com', password);
    await page.getByLabel('Code').fill('123456');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(signIn).resolves.toMatchObject({ username: 'mfaadmin@contoso.onmicrosoft.com' });
  });

  it('reports "Authentication canceled" when the MFA challenge is cancelled', async () => {
    const { signIn, page } = await startSignIn();
    await enterCredentials(page, 'mfaadmin@contoso.onmicrosoft.com', password);
    await page.getByLabel('Code').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    const error = await rejection(signIn);
    expect(error.code).toBe('SIGN_IN_CANCELLED');
    expect(error.message).toContain('Authentication canceled');
  });

  it('reports "User password expired"', async () => {
    const { signIn, page } = await startSignIn();
    await enterCredentials(page, 'expired@contoso.onmicrosoft.com', password);
    // Entra shows the expired password first; the administrator continues back to the app.
    await page.getByRole('button', { name: 'Continue' }).click();
    const error = await rejection(signIn);
    expect(error.code).toBe('PASSWORD_EXPIRED');
    expect(error.detail).toContain('AADSTS50055');
    expect(services.auth.getStatus().lastError?.code).toBe('PASSWORD_EXPIRED');
  });

  it("refuses another tenant's account as WRONG_TENANT", async () => {
    const { signIn, page } = await startSignIn();
    await enterCredentials(page, 'admin@fabrikam.onmicrosoft.com', password);
    const error = await rejection(signIn);
    expect(error.code).toBe('WRONG_TENANT');
    expect(error.detail).toContain('AADSTS90072');
  });

  it('refuses a personal Microsoft account as PERSONAL_ACCOUNT', async () => {
    const { signIn, page } = await startSignIn();
    await enterCredentials(page, 'someone@outlook.com', password);
    const error = await rejection(signIn);
    expect(error.code).toBe('PERSONAL_ACCOUNT');
    expect(error.detail).toContain('AADSTS50020');
  });

  it('stops a pending sign-in cancelled from the wizard and releases the loopback port', async () => {
    const { signIn, page } = await startSignIn();
    const redirectUri = new URL(page.url()).searchParams.get('redirect_uri');
    expect(redirectUri).toMatch(/^http:\/\/localhost:\d+/);
    expect(services.auth.getStatus().state).toBe('signingIn');

    services.auth.cancelSignIn();
    const error = await rejection(signIn);
    expect(error.code).toBe('SIGN_IN_CANCELLED');
    expect(services.auth.getStatus().state).toBe('signedOut');
    const port = Number(new URL(redirectUri ?? '').port);
    await expect.poll(() => isListening(port), { timeout: 10_000 }).toBe(false);
  });

  it('writes no token to the data folder when no secure store is available', async () => {
    const { signIn, page } = await startSignIn();
    await enterCredentials(page, 'hybridadmin@contoso.onmicrosoft.com', password);
    await signIn;
    const status = services.auth.getStatus();
    expect(status.cachePersistence).toBe('memory');
    expect(status.cachePersistenceReason).toMatch(/memory only/);
    const files = await readdir(dataFolder, { recursive: true });
    for (const file of files) {
      const content = await readFile(join(dataFolder, file), 'utf8').catch(() => '');
      expect(content).not.toMatch(/eyJ[\w-]+\.eyJ|refresh_token|RefreshToken|AccessToken/);
    }
  });

  it('signs out: the account and its tokens are gone', async () => {
    const { signIn, page } = await startSignIn();
    await enterCredentials(page, 'globaladmin@contoso.onmicrosoft.com', password);
    await signIn;
    await services.auth.signOut();
    expect(services.auth.getStatus().state).toBe('signedOut');
    expect((await rejection(services.auth.getAccessToken())).code).toBe('NOT_SIGNED_IN');
  });
});

describe('sign-in when the tenant cannot be reached', () => {
  it('fails fast with NETWORK_UNREACHABLE and opens no browser', async () => {
    const port = await closedPort();
    const opened: string[] = [];
    const unreachable = await createLabServices(lab, {
      openBrowser: async (url) => {
        opened.push(url);
      },
      dataFolder,
      authority: `https://127.0.0.1:${port}/${lab.tenantId}`,
    });
    try {
      const error = await rejection(unreachable.auth.signInInteractive());
      expect(error.code).toBe('NETWORK_UNREACHABLE');
      expect(error.message).toContain(signInMessages.NETWORK_UNREACHABLE.title);
      expect(error.detail).toContain('ECONNREFUSED');
      expect(opened).toEqual([]);
    } finally {
      await unreachable.close();
    }
  });
});

describe('sign-in with a tenant setting Entra does not know', () => {
  it("fails before opening the browser with Entra's AADSTS90002 text", async () => {
    const opened: string[] = [];
    const wrongTenant = await createLabServices(lab, {
      openBrowser: async (url) => {
        opened.push(url);
      },
      dataFolder,
      authority: `${new URL(lab.authority).origin}/nosuchtenant.onmicrosoft.com`,
    });
    try {
      const error = await rejection(wrongTenant.auth.signInInteractive());
      expect(error.code).toBe('SIGN_IN_FAILED');
      expect(error.detail).toContain('AADSTS90002');
      expect(opened).toEqual([]);
    } finally {
      await wrongTenant.close();
    }
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function isListening(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );
}
