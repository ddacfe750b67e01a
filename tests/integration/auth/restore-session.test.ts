import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ICachePlugin } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabTenant, type LabTenant } from '../../../lab/index';
import type { TokenCacheStore } from '../../../electron/services/auth/token-cache';
import { createLabServices } from './lab-services';
import { enterCredentials, SystemBrowser } from './system-browser';

/**
 * This machine has no secure store, so a store that keeps the serialized cache in a variable
 * plays the DPAPI/keychain file: what matters is that the auth service reads it back at start-up.
 */
function secureStoreStandIn(): TokenCacheStore & { saved: () => string } {
  let saved = '';
  const plugin: ICachePlugin = {
    beforeCacheAccess: async (context) => {
      if (saved) context.tokenCache.deserialize(saved);
    },
    afterCacheAccess: async (context) => {
      if (context.cacheHasChanged) saved = context.tokenCache.serialize();
    },
  };
  return { plugin, persistence: 'encrypted', saved: () => saved };
}

let lab: LabTenant;
let labFolder = '';
let dataFolder = '';
const browser = new SystemBrowser();

beforeAll(async () => {
  labFolder = await mkdtemp(join(tmpdir(), 'lab-tenant-'));
  dataFolder = await mkdtemp(join(tmpdir(), 'wizard-data-'));
  lab = await startLabTenant({ labFolder, port: 0 });
  await browser.start();
});
afterAll(async () => {
  await browser.close();
  await lab?.close();
  await rm(labFolder, { recursive: true, force: true });
  await rm(dataFolder, { recursive: true, force: true });
});

describe('restoring the sign-in at start-up from a persisted cache', () => {
  it('is signed in again after a restart without the browser, and signed out after sign-out', async () => {
    const store = secureStoreStandIn();
    const first = await createLabServices(lab, { openBrowser: browser.openBrowser, dataFolder, tokenCache: store });
    const signIn = first.auth.signInInteractive();
    await enterCredentials(await browser.nextPage(), 'hybridadmin@contoso.onmicrosoft.com', 'LabPassw0rd!');
    await signIn;
    await first.close();
    expect(store.saved()).not.toBe('');

    const noBrowser = () => Promise.reject(new Error('a restored sign-in opens no browser'));
    const restarted = await createLabServices(lab, { openBrowser: noBrowser, dataFolder, tokenCache: store });
    try {
      const status = await restarted.auth.restoreSession();
      expect(status).toMatchObject({ state: 'signedIn', cachePersistence: 'encrypted', account: { username: 'hybridadmin@contoso.onmicrosoft.com' } });
      await restarted.auth.signOut();
    } finally {
      await restarted.close();
    }

    const afterSignOut = await createLabServices(lab, { openBrowser: noBrowser, dataFolder, tokenCache: store });
    try {
      expect((await afterSignOut.auth.restoreSession()).state).toBe('signedOut');
    } finally {
      await afterSignOut.close();
    }
  });
});
