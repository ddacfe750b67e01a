import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomizeEdit } from '../../../shared/changes/draft';
import { ChangeService } from '../../../electron/services/changes/change-service';
import { signedInAdministrator } from './signed-in';
import { markerPath } from '../../../electron/services/changes/running-marker';
import { PowerShellSession } from '../../../electron/clients/powershell';
import { AdSyncClient } from '../../../electron/clients/sync-server/ad-sync-client';
import { freshLabTarget, labTargetIn } from '../powershell/lab-target';

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
  changes = new ChangeService({ signIn: signedInAdministrator, client, dataFolder: labFolder, cloudDirectory: 'Azure AD', lab: true });
});

afterAll(async () => {
  await session.dispose();
});

/** A command in a pwsh session of its own with the lab's ADSync imported (another program on the server). */
async function labPowerShell(command: string): Promise<void> {
  const { target } = labTargetIn(labFolder);
  await promisify(execFile)(target.executable, ['-NoProfile', '-NonInteractive', '-Command', `Import-Module '${target.adSyncModule}'; ${command}`], {
    env: { ...process.env, ...target.env },
  });
}

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
  };
}

describe('ChangeService on the lab sync server', () => {
  it('reads the Contoso baseline, each feature from what governs it', async () => {
    const baseline = await changes.getBaseline();
    expect(baseline.staging).toBe(false);
    expect(baseline.directories).toEqual([
      expect.objectContaining({ connectorName: 'contoso.com', partitions: [expect.objectContaining({ dn: 'DC=contoso,DC=com', containerInclusions: ['OU=CORP,DC=contoso,DC=com'] })] }),
    ]);
    expect(baseline.features).toMatchObject({ exchangeHybrid: true, passwordHashSync: false, passwordWriteback: false });
    expect(baseline).toMatchObject({ signInMethod: null, serverVersion: '1.1.130.0', recordSettings: ['passwordHashSync', 'passwordWriteback'], unreadable: [] });
  });

  it('tells Additional tasks the staging mode and the build from the two quick reads, as the baseline has them', async () => {
    const baseline = await changes.getBaseline();
    expect(await changes.getServerMode()).toEqual({ enabled: baseline.staging, serverVersion: baseline.serverVersion });
    expect(baseline.serverVersion).toBe('1.1.130.0');
  });

  it('enables password writeback and password hash sync and excludes an OU, reads each back, starts a full cycle, and applies the plan only once', async () => {
    const edit = editFrom(await changes.getBaseline());
    edit.directories[0]!.partitions[0]!.containerExclusions = ['DC=contoso,DC=com', 'OU=Service Accounts,OU=CORP,DC=contoso,DC=com'];
    edit.features.passwordHashSync = true;
    edit.features.passwordWriteback = true;
    const plan = await changes.prepare({ kind: 'customize', edit, startSync: true });
    expect(plan.warnings).toContainEqual(expect.stringContaining('CONTOSO\\MSOL_d1edb676ca03 lacks rights password writeback needs: Change password, Unexpire Password on DC=contoso,DC=com'));
    const progress: string[] = [];
    const outcome = await changes.apply(plan.planId, (stepId, status) => progress.push(`${stepId}:${status}`));
    expect(outcome.steps.map((step) => `${step.title}:${step.status}`)).toEqual([
      'Turn off scheduled synchronization cycles:succeeded',
      'Turn on password writeback:succeeded',
      'Change the domain and OU filtering of contoso.com:succeeded',
      'Turn on password hash synchronization:succeeded',
      'Restore scheduled synchronization cycles:succeeded',
      'Start a full (initial) synchronization cycle:succeeded',
    ]);
    expect(progress).toContain('step-6:succeeded');
    await expect(changes.apply(plan.planId, () => {})).rejects.toMatchObject({ code: 'PLAN_ALREADY_APPLIED' });

    const after = await changes.getBaseline();
    expect(after.directories[0]!.partitions[0]!.containerExclusions).toContain('OU=Service Accounts,OU=CORP,DC=contoso,DC=com');
    expect(after.features).toMatchObject({ passwordHashSync: true, passwordWriteback: true });
    expect(after.passwordHashSync).toEqual({ connectors: [{ connector: 'contoso.com', enabled: true }], tenant: true });
    expect((await client.getPasswordResetConfiguration('contoso.onmicrosoft.com - AAD')).enabled).toBe(true);
    const settings = await client.getGlobalSettings();
    expect(settings.parameters.filter((parameter) => /PasswordHashSync|PasswordWriteback/.test(parameter.name)).map((parameter) => parameter.value)).toEqual(['True', 'True']);
    expect(after).toMatchObject({ schedulerSuspended: false, syncCycleEnabled: true });
    expect(existsSync(markerPath(labFolder))).toBe(false);
    expect((await client.getScheduler()).syncCycleInProgress).toBe(true);
  });

  it('refuses to apply while a cycle runs without consuming the plan, then applies it once the cycle ended', async () => {
    expect((await client.getScheduler()).syncCycleInProgress).toBe(true);
    const edit = editFrom(await changes.getBaseline());
    edit.features.passwordWriteback = false;
    const plan = await changes.prepare({ kind: 'customize', edit, startSync: false });
    await expect(changes.apply(plan.planId, () => {})).rejects.toMatchObject({ code: 'SYNC_ALREADY_RUNNING', message: expect.stringContaining('Nothing was changed') });
    expect((await client.getPasswordResetConfiguration('contoso.onmicrosoft.com - AAD')).enabled).toBe(true);
    await waitForIdle();
    const outcome = await changes.apply(plan.planId, () => {});
    expect(outcome.succeeded).toBe(true);
    expect((await client.getPasswordResetConfiguration('contoso.onmicrosoft.com - AAD')).enabled).toBe(false);
  });

  it("refuses to change anything while Azure AD Connect's own wizard has suspended the scheduler", async () => {
    const edit = editFrom(await changes.getBaseline());
    edit.features.passwordWriteback = true;
    const plan = await changes.prepare({ kind: 'customize', edit, startSync: false });
    // Azure AD Connect's wizard, open in another session, suspends the scheduler; only it may.
    await labPowerShell('Set-ADSyncScheduler -SchedulerSuspended $true');
    await expect(changes.apply(plan.planId, () => {})).rejects.toMatchObject({
      code: 'SCHEDULER_SUSPENDED',
      message: expect.stringContaining("Azure AD Connect's own wizard is open on this server, perhaps in another session, or an upgrade is running"),
    });
    expect((await client.getPasswordResetConfiguration('contoso.onmicrosoft.com - AAD')).enabled).toBe(false);
    expect(await client.getScheduler()).toMatchObject({ schedulerSuspended: true, syncCycleEnabled: true });
    await labPowerShell('Set-ADSyncScheduler -SchedulerSuspended $false');
    expect((await changes.apply(plan.planId, () => {})).succeeded).toBe(true);
    expect(await client.getScheduler()).toMatchObject({ schedulerSuspended: false, syncCycleEnabled: true });
  });

  it('keeps a plan whose scheduler restore failed as interrupted, blocks new plans until it is restored, then restores the previous value', async () => {
    const edit = editFrom(await changes.getBaseline());
    edit.features.passwordWriteback = false;
    const plan = await changes.prepare({ kind: 'customize', edit, startSync: false });
    // The pause is call 1 of Set-ADSyncScheduler, the restore call 2.
    await labPowerShell("Set-ADSyncLabFault -Cmdlet 'Set-ADSyncScheduler' -Call 2");
    const outcome = await changes.apply(plan.planId, () => {});
    expect(outcome.steps.map((step) => step.status)).toEqual(['succeeded', 'succeeded', 'failed']);
    expect(outcome.steps[2]?.message).toContain('Restore the scheduler from the Welcome page');
    expect((await client.getScheduler()).syncCycleEnabled).toBe(false);
    expect(await changes.getInterruptedPlan()).toMatchObject({ planId: plan.planId, syncCycleWasEnabled: true, problem: null });

    const next = editFrom(await changes.getBaseline());
    next.features.passwordWriteback = true;
    const blocked = await changes.prepare({ kind: 'customize', edit: next, startSync: false });
    await labPowerShell("Set-ADSyncLabFault -Cmdlet 'Set-ADSyncScheduler' -Call 1 -Message 'Access is denied.'");
    await expect(changes.apply(blocked.planId, () => {})).rejects.toMatchObject({ code: 'SCHEDULER_NOT_RESTORED', message: expect.stringContaining('Nothing was changed') });
    expect((await client.getPasswordResetConfiguration('contoso.onmicrosoft.com - AAD')).enabled).toBe(false);
    expect(await changes.getInterruptedPlan()).toMatchObject({ planId: plan.planId, problem: expect.stringContaining('PowerShell reported an error') });

    expect(await changes.restoreScheduler()).toBeNull();
    expect((await client.getScheduler()).syncCycleEnabled).toBe(true);
    expect(existsSync(markerPath(labFolder))).toBe(false);
    // The refused plan was given back and applies now.
    expect((await changes.apply(blocked.planId, () => {})).succeeded).toBe(true);
  });

  it('refuses a plan made before the configuration changed', async () => {
    const edit = editFrom(await changes.getBaseline());
    edit.features.passwordHashSync = false;
    const stale = await changes.prepare({ kind: 'customize', edit, startSync: false });
    expect(stale.changeCount).toBe(1);
    await client.setCompanyFeatures({ passwordHashSync: false });
    await expect(changes.apply(stale.planId, () => {})).rejects.toMatchObject({ code: 'PLAN_STALE' });
  });

  it('refuses a staging switch and a handed-off feature with CHANGE_HANDED_OFF', async () => {
    await expect(changes.prepare({ kind: 'staging', enabled: true, startSync: true })).rejects.toMatchObject({ code: 'CHANGE_HANDED_OFF', message: expect.stringContaining('Azure AD Connect') });
    const edit = editFrom(await changes.getBaseline());
    edit.features.groupWriteback = true;
    await expect(changes.prepare({ kind: 'customize', edit, startSync: true })).rejects.toMatchObject({ code: 'CHANGE_HANDED_OFF', message: expect.stringContaining('Group writeback') });
  });

  it('reads every OU of the domain and the containers beside them', async () => {
    const ous = await changes.getOrganizationalUnits('contoso.com', 'DC=contoso,DC=com');
    expect(ous.ous.filter((ou) => ou.kind === 'organizationalUnit')).toHaveLength(13);
    expect(ous.ous).toContainEqual({ name: 'Service Accounts', dn: 'OU=Service Accounts,OU=CORP,DC=contoso,DC=com', kind: 'organizationalUnit' });
    expect(ous.ous).toContainEqual({ name: 'Users', dn: 'CN=Users,DC=contoso,DC=com', kind: 'container' });
  });

  it('gives the csexport route for pending exports on the 2016 build', async () => {
    const pending = await changes.getPendingExports();
    expect(pending).toMatchObject({ source: 'csexport', deletionThreshold: { enabled: true, threshold: 500 } });
    expect(pending.connectors.map((connector) => [connector.name, connector.cloud, connector.adds])).toEqual([
      ['contoso.com', false, null],
      ['contoso.onmicrosoft.com - AAD', true, null],
    ]);
    expect(pending.csexportCommands[0]).toContain('csexport.exe" "contoso.com"');
  });
});

describe('the OUs of a domain, read once per session', () => {
  it('reads them through PowerShell once, again on Refresh, projected to name, DN and kind', async () => {
    let pages = 0;
    const counting = new (class extends AdSyncClient {
      override getOrganizationalUnits(...request: Parameters<AdSyncClient['getOrganizationalUnits']>): ReturnType<AdSyncClient['getOrganizationalUnits']> {
        pages += 1;
        return super.getOrganizationalUnits(...request);
      }
    })(session);
    const service = new ChangeService({ signIn: signedInAdministrator, client: counting, dataFolder: labFolder, cloudDirectory: 'Azure AD', lab: true });
    const first = await service.getOrganizationalUnits('contoso.com', 'DC=contoso,DC=com');
    const read = pages;
    expect(read).toBeGreaterThan(0);
    expect(await service.getOrganizationalUnits('contoso.com', 'dc=contoso,dc=com')).toEqual(first);
    expect(pages).toBe(read);
    expect(await service.getOrganizationalUnits('contoso.com', 'DC=contoso,DC=com', true)).toEqual(first);
    expect(pages).toBe(2 * read);
    expect(first.ous.every((ou) => Object.keys(ou).sort().join() === 'dn,kind,name')).toBe(true);
  });

  it('are read in the background once Customize has its baseline, so Domain and OU filtering does not read them again', async () => {
    const read: string[] = [];
    const counting = new (class extends AdSyncClient {
      override getOrganizationalUnits(...request: Parameters<AdSyncClient['getOrganizationalUnits']>): ReturnType<AdSyncClient['getOrganizationalUnits']> {
        read.push(request[0].searchBase);
        return super.getOrganizationalUnits(...request);
      }
    })(session);
    const service = new ChangeService({ signIn: signedInAdministrator, client: counting, dataFolder: labFolder, cloudDirectory: 'Azure AD', lab: true });
    const baseline = await service.getBaselineForCustomize();
    const domains = baseline.directories.flatMap((directory) => directory.partitions.map((partition) => partition.dn));
    await expect.poll(() => new Set(read).size, { timeout: 30_000 }).toBe(domains.length);
    const before = read.length;
    const ous = await service.getOrganizationalUnits('contoso.com', 'DC=contoso,DC=com');
    expect(ous.ous).toContainEqual({ name: 'Service Accounts', dn: 'OU=Service Accounts,OU=CORP,DC=contoso,DC=com', kind: 'organizationalUnit' });
    expect(read.length).toBe(before);
  });
});
