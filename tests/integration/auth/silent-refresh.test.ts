import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabTenant, type LabTenant } from '../../../lab/index';
import { createLabServices } from './lab-services';
import { enterCredentials, SystemBrowser } from './system-browser';

/**
 * MSAL renews an access token 5 minutes before it expires; a lab lifetime of 5 minutes + 4 s
 * makes the token "expired" for MSAL 4 s after it was issued.
 */
const accessTokenLifetimeSeconds = 300 + 4;

let lab: LabTenant;
let labFolder = '';
let dataFolder = '';
const browser = new SystemBrowser();
let services: Awaited<ReturnType<typeof createLabServices>>;

beforeAll(async () => {
  labFolder = await mkdtemp(join(tmpdir(), 'lab-tenant-'));
  dataFolder = await mkdtemp(join(tmpdir(), 'wizard-data-'));
  lab = await startLabTenant({ labFolder, port: 0, accessTokenLifetimeSeconds });
  await browser.start();
  services = await createLabServices(lab, { openBrowser: browser.openBrowser, dataFolder });
});
afterAll(async () => {
  await services?.close();
  await browser.close();
  await lab?.close();
  await rm(labFolder, { recursive: true, force: true });
  await rm(dataFolder, { recursive: true, force: true });
});

describe('silent token refresh', () => {
  it('reuses a valid token, then renews it with the refresh token after expiry, without the browser', async () => {
    const signIn = services.auth.signInInteractive();
    await enterCredentials(await browser.nextPage(), 'hybridadmin@contoso.onmicrosoft.com', 'LabPassw0rd!');
    await signIn;

    const first = await services.auth.getAccessToken();
    expect(await services.auth.getAccessToken()).toBe(first);

    // No page opens from here on: the renewal is silent.
    let renewed = first;
    await expect
      .poll(
        async () => {
          renewed = await services.auth.getAccessToken();
          return renewed !== first;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    expect(Number(decodeJwt(renewed).exp)).toBeGreaterThan(Number(decodeJwt(first).exp));
    await expect(services.graph.me()).resolves.toMatchObject({ userPrincipalName: 'hybridadmin@contoso.onmicrosoft.com' });
    expect(services.auth.getStatus().state).toBe('signedIn');
  });
});
