import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomizeEdit } from '../../../shared/changes/draft';
import { ChangeService } from '../../../electron/services/changes/change-service';
import { markerPath } from '../../../electron/services/changes/running-marker';
import { PowerShellSession } from '../../../electron/clients/powershell';
import { AdSyncClient } from '../../../electron/clients/sync-server/ad-sync-client';
import { freshLabTarget } from '../powershell/lab-target';

let session: PowerShellSession;
let client: AdSyncClient;
let changes: ChangeService;
let labFolder: string;

beforeAll(async () => {
  const lab = await freshLabTarget();
  labFolder = lab.labFolder;
  // Cycles long enough that a test can see one running.
  session = new PowerShellSession({ ...lab.target, env: { ...lab.target.env, ADSYNC_LAB_CYCLE_SECONDS: '12' } });
  client = new AdSyncClient(session);
  changes = new ChangeService({ client, dataFolder: labFolder, cloudDirectory: 'Azure AD', lab: true });
});

afterAll(async () => {
  await session.dispose();
});

async function waitForIdle(): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (!(await client.getScheduler()).syncCycleInProgress) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The lab cycle did not finish.');
}

function editFrom(baseline: Awaited<ReturnType<ChangeService['getBaseline']>>): CustomizeEdit {
  return {
    directories: baseline.directories.map((directory) => ({ connectorName: directory.connectorName, partitions: directory.partitions.map((p) => ({ ...p })) })),
    features: { ...baseline.features },
    aadApps: baseline.aadApps,
    excludedAttributes: baseline.excludedAttributes,
    extensionAttributes: baseline.extensionAttributes,
  };
}

describe('ChangeService on the lab sync server', () => {
  it('reads the Contoso baseline', async () => {
    const baseline = await changes.getBaseline();
    expect(baseline.staging).toBe(false);
    expect(baseline.directories).toEqual([
      expect.objectContaining({ connectorName: 'contoso.com', partitions: [expect.objectContaining({ dn: 'DC=contoso,DC=com', containerInclusions: ['OU=CORP,DC=contoso,DC=com'] })] }),
    ]);
    expect(baseline.features.exchangeHybrid).toBe(true);
  });

  it('excludes an OU and enables password hash sync, verifies them, starts a full cycle, and applies the plan only once', async () => {
    const edit = editFrom(await changes.getBaseline());
    edit.directories[0]!.partitions[0]!.containerExclusions = ['DC=contoso,DC=com', 'OU=Service Accounts,OU=CORP,DC=contoso,DC=com'];
    edit.features.passwordHashSync = true;
    const plan = await changes.prepare({ kind: 'customize', edit, startSync: true });
    const progress: string[] = [];
    const outcome = await changes.apply(plan.planId, (stepId, status) => progress.push(`${stepId}:${status}`));
    expect(outcome.steps.map((step) => `${step.title}:${step.status}`)).toEqual([
      'Suspend the synchronization scheduler:succeeded',
      'Change the domain and OU filtering of contoso.com:succeeded',
      'Change the optional features:succeeded',
      'Update the Azure AD tenant features:succeeded',
      'Turn on password hash synchronization for contoso.com:succeeded',
      'Resume the synchronization scheduler:succeeded',
      'Start a full (initial) synchronization cycle:succeeded',
    ]);
    expect(progress).toContain('step-7:succeeded');
    await expect(changes.apply(plan.planId, () => {})).rejects.toMatchObject({ code: 'PLAN_ALREADY_APPLIED' });

    const after = await changes.getBaseline();
    expect(after.directories[0]!.partitions[0]!.containerExclusions).toContain('OU=Service Accounts,OU=CORP,DC=contoso,DC=com');
    expect(after.features.passwordHashSync).toBe(true);
    expect(await client.getPasswordSyncConfiguration('contoso.com')).toMatchObject({ targetConnector: 'contoso.onmicrosoft.com - AAD', enabled: true });
    expect(after.schedulerSuspended).toBe(false);
    expect(existsSync(markerPath(labFolder))).toBe(false);
    expect((await client.getScheduler()).syncCycleInProgress).toBe(true);
  });

  it('refuses to apply while a cycle runs without consuming the plan, then applies it once the cycle ended', async () => {
    expect((await client.getScheduler()).syncCycleInProgress).toBe(true);
    const plan = await changes.prepare({ kind: 'staging', enabled: true, startSync: false });
    await expect(changes.apply(plan.planId, () => {})).rejects.toMatchObject({ code: 'SYNC_ALREADY_RUNNING', message: expect.stringContaining('Nothing was changed') });
    expect((await client.getStagingMode()).enabled).toBe(false);
    await waitForIdle();
    const outcome = await changes.apply(plan.planId, () => {});
    expect(outcome.succeeded).toBe(true);
    expect((await client.getStagingMode()).enabled).toBe(true);
  });

  it('refuses a plan made before the configuration changed', async () => {
    expect((await client.getStagingMode()).enabled).toBe(true);
    const stale = await changes.prepare({ kind: 'staging', enabled: false, startSync: false });
    expect(stale.changeCount).toBe(1);
    await client.setStagingMode(false);
    await expect(changes.apply(stale.planId, () => {})).rejects.toMatchObject({ code: 'PLAN_STALE' });
  });

  it('reads every OU of the domain', async () => {
    const ous = await changes.getOrganizationalUnits('contoso.com', 'DC=contoso,DC=com');
    expect(ous.ous).toHaveLength(13);
    expect(ous.ous).toContainEqual({ name: 'Service Accounts', dn: 'OU=Service Accounts,OU=CORP,DC=contoso,DC=com' });
  });
});
