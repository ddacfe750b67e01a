import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PowerShellSession } from '../../../electron/clients/powershell';
import { AdSyncClient } from '../../../electron/clients/sync-server/ad-sync-client';
import { ChangeService } from '../../../electron/services/changes/change-service';
import { freshLabTarget } from '../powershell/lab-target';
import { signedInAdministrator } from './signed-in';

let session: PowerShellSession | undefined;
afterAll(async () => session?.dispose());

describe('Undo the applied steps', () => {
  it('after a lab fault in step 3, puts the server back to the baseline and restores the scheduler', async () => {
    const lab = await freshLabTarget();
    session = new PowerShellSession(lab.target);
    const client = new AdSyncClient(session);
    const changes = new ChangeService({ client, signIn: signedInAdministrator, dataFolder: lab.labFolder, cloudDirectory: 'Azure AD', lab: true });
    const relevant = async () => {
      const baseline = await changes.getBaseline();
      const settings = (await client.getGlobalSettings()).parameters.filter((parameter) => /PasswordHashSync|PasswordWriteback/.test(parameter.name));
      return { directories: baseline.directories, features: baseline.features, passwordHashSync: baseline.passwordHashSync, settings, syncCycleEnabled: baseline.syncCycleEnabled };
    };
    const before = await relevant();
    const baseline = await changes.getBaseline();
    const partition = baseline.directories[0]!.partitions[0]!;
    const plan = await changes.prepare({
      kind: 'customize',
      startSync: false,
      edit: {
        directories: [{ connectorName: 'contoso.com', partitions: [{ ...partition, containerExclusions: [...partition.containerExclusions, 'OU=Groups,OU=CORP,DC=contoso,DC=com'] }] }],
        features: { ...baseline.features, passwordWriteback: true, passwordHashSync: true },
      },
    });
    expect(plan.steps.map((step) => step.kind)).toEqual(['pauseSyncCycles', 'setPasswordWriteback', 'setPartitionFilters', 'setPasswordHashSync', 'restoreSyncCycles']);
    await promisify(execFile)(lab.target.executable, ['-NoProfile', '-NonInteractive', '-Command', `Import-Module '${lab.target.adSyncModule}'; Set-ADSyncLabFault -Cmdlet 'Add-ADSyncConnector' -Call 1`], {
      env: { ...process.env, ...lab.target.env },
    });
    const failed = await changes.apply(plan.planId, () => {});
    expect(failed.steps.map((step) => step.status)).toEqual(['succeeded', 'succeeded', 'failed', 'skipped', 'succeeded']);
    expect((await relevant()).features.passwordWriteback).toBe(true);

    const undone = await changes.undo(plan.planId, () => {});
    expect(undone.steps.map((step) => `${step.title}:${step.status}`)).toEqual([
      'Turn off scheduled synchronization cycles:succeeded',
      'Put the domain and OU filtering of contoso.com back:succeeded',
      'Put password writeback back off:succeeded',
      'Restore scheduled synchronization cycles:succeeded',
    ]);
    expect(await relevant()).toEqual(before);
    await expect(changes.undo(plan.planId, () => {})).rejects.toMatchObject({ code: 'PLAN_STALE' });
  });
});
