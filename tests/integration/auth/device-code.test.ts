import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceCodePrompt } from '../../../shared/auth/account';
import { startLabTenant, type LabTenant } from '../../../lab/index';
import { createLabServices, rejection } from './lab-services';
import { enterCredentials, SystemBrowser } from './system-browser';

let lab: LabTenant;
let labFolder = '';
let dataFolder = '';
const browser = new SystemBrowser();
let services: Awaited<ReturnType<typeof createLabServices>>;

beforeAll(async () => {
  labFolder = await mkdtemp(join(tmpdir(), 'lab-tenant-'));
  lab = await startLabTenant({ labFolder, port: 0, deviceCodePollIntervalSeconds: 1 });
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
  services = await createLabServices(lab, {
    openBrowser: () => Promise.reject(new Error('the device-code flow opens no browser')),
    dataFolder,
  });
});
afterEach(async () => {
  await services.close();
  await rm(dataFolder, { recursive: true, force: true });
});

/** Starts the device-code sign-in and waits for the prompt the page would show. */
async function startDeviceCode() {
  let resolvePrompt: (prompt: DeviceCodePrompt) => void = () => undefined;
  const prompted = new Promise<DeviceCodePrompt>((resolve) => (resolvePrompt = resolve));
  const signIn = services.auth.signInWithDeviceCode(resolvePrompt);
  signIn.catch(() => undefined);
  return { signIn, prompt: await prompted };
}

describe('device-code sign-in against the lab tenant', () => {
  it('shows the code and URL, and signs in once the administrator approves on the verification page', async () => {
    const { signIn, prompt } = await startDeviceCode();
    expect(prompt.userCode).toMatch(/^\S{6,}$/);
    expect(prompt.verificationUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/devicelogin$/);
    expect(prompt.message).toContain(prompt.userCode);
    expect(Date.parse(prompt.expiresAt)).toBeGreaterThan(Date.now());
    expect(services.auth.getStatus().state).toBe('signingIn');

    const page = await browser.visit(prompt.verificationUri);
    await page.getByLabel('Code').fill(prompt.userCode);
    await page.getByRole('button', { name: 'Next' }).click();
    await enterCredentials(page, 'hybridadmin@contoso.onmicrosoft.com', 'LabPassw0rd!');
    await page.getByRole('heading', { name: 'You have signed in' }).waitFor({ timeout: 10_000 });

    await expect(signIn).resolves.toMatchObject({ username: 'hybridadmin@contoso.onmicrosoft.com', tenantId: lab.tenantId });
    expect(services.auth.getStatus().state).toBe('signedIn');
  });

  it('reports SIGN_IN_CANCELLED when the administrator cancels on the verification page', async () => {
    const { signIn, prompt } = await startDeviceCode();
    const page = await browser.visit(prompt.verificationUri);
    await page.getByLabel('Code').fill(prompt.userCode);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect((await rejection(signIn)).code).toBe('SIGN_IN_CANCELLED');
  });

  it('stops polling when the sign-in is cancelled in the wizard', async () => {
    const { signIn } = await startDeviceCode();
    services.auth.cancelSignIn();
    expect((await rejection(signIn)).code).toBe('SIGN_IN_CANCELLED');
    expect(services.auth.getStatus().state).toBe('signedOut');
  });

  it("refuses an unregistered client id with Entra's AADSTS700016 as SIGN_IN_FAILED", async () => {
    const unknownClient = await createLabServices(lab, {
      openBrowser: () => Promise.reject(new Error('no browser')),
      dataFolder,
      clientId: '11111111-2222-3333-4444-555555555555',
    });
    try {
      const error = await rejection(unknownClient.auth.signInWithDeviceCode(() => undefined));
      expect(error.code).toBe('SIGN_IN_FAILED');
      expect(error.detail).toContain('AADSTS700016');
    } finally {
      await unknownClient.close();
    }
  });

  it('refuses a device-code sign-in of an account without an admin role', async () => {
    const { signIn, prompt } = await startDeviceCode();
    const page = await browser.visit(prompt.verificationUri);
    await page.getByLabel('Code').fill(prompt.userCode);
    await page.getByRole('button', { name: 'Next' }).click();
    await enterCredentials(page, 'user@contoso.onmicrosoft.com', 'LabPassw0rd!');
    expect((await rejection(signIn)).code).toBe('NO_ADMIN_ROLE');
  });
});
