import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PowerShellSession } from '../../../electron/clients/powershell';
import { AdSyncClient } from '../../../electron/clients/sync-server';
import { findPwsh, freshLabTarget } from './lab-target';

const run$ = promisify(execFile);

/** A 50,000-OU forest is read page by page without one oversized answer. */
describe('OU listing of a 50,000-OU forest', () => {
  let session: PowerShellSession;
  let client: AdSyncClient;
  let labFolder: string;

  beforeAll(async () => {
    const lab = await freshLabTarget();
    labFolder = lab.labFolder;
    // Grow the lab forest with the lab's own command, outside the bridge (the app has no such operation).
    await run$(findPwsh(), ['-NoProfile', '-NonInteractive', '-Command', 'Import-Module $env:CW_LAB_MODULE; $null = New-ADSyncLabLargeForest -OuCount 50000'], {
      env: { ...process.env, ADSYNC_LAB_FOLDER: labFolder, CW_LAB_MODULE: lab.target.adSyncModule },
    });
    session = new PowerShellSession(lab.target);
    client = new AdSyncClient(session);
  }, 600_000);

  afterAll(async () => {
    await session?.dispose();
    await rm(labFolder, { recursive: true, force: true });
  });

  it('pages through every OU of every domain, each once', async () => {
    const forest = await client.getForest();
    expect(forest.domains.length).toBeGreaterThan(1);
    const seen = new Set<string>();
    let pages = 0;
    for (const domain of forest.domains) {
      const request = { searchBase: domain.distinguishedName ?? '', scope: 'Subtree' as const, take: 5_000, ...(domain.dnsRoot ? { server: domain.dnsRoot } : {}) };
      for await (const page of client.allOrganizationalUnits(request)) {
        pages += 1;
        expect(page.items.length).toBeLessThanOrEqual(5_000);
        for (const ou of page.items) seen.add(ou.distinguishedName);
      }
    }
    expect(seen.size).toBe(50_000);
    expect(pages).toBeGreaterThanOrEqual(10);
  }, 900_000);
});
