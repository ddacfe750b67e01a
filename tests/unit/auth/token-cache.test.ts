import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTokenCacheStore } from '../../../electron/services/auth/token-cache';

describe('openTokenCacheStore', () => {
  let folder = '';
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('says why it keeps the cache in memory when no secure store works, and writes nothing', async () => {
    folder = await mkdtemp(join(tmpdir(), 'token-cache-'));
    const store = await openTokenCacheStore({ cachePath: join(folder, 'msal.cache'), serviceName: 'AadcWizardTest', accountName: 'MSALCache' });
    // Without a native keytar build (as on the CI machine) no secure store can work.
    if (!keytarLoads()) {
      expect(store.persistence).toBe('memory');
      expect(store.plugin).toBeUndefined();
      expect(store.reason).toMatch(/memory only/);
      const files = await readdir(folder);
      expect(files.filter((name) => name.startsWith('msal.cache'))).toEqual([]);
    } else {
      expect(store.persistence === 'encrypted').toBe(store.plugin !== undefined);
    }
  });
});

function keytarLoads(): boolean {
  try {
    createRequire(import.meta.url)('keytar');
    return true;
  } catch {
    return false;
  }
}
