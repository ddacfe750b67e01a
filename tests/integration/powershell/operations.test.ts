import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PowerShellSession } from '../../../electron/clients/powershell';
import { AdSyncClient } from '../../../electron/clients/sync-server';
import type { AppError } from '../../../shared/core/errors';
import { freshLabTarget } from './lab-target';

const failureOf = (promise: Promise<unknown>): Promise<AppError> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as AppError,
  );

/** Every operation of the bridge against the lab sync server on a real pwsh, through one session. */
describe('AdSyncClient against the lab sync server', () => {
  let session: PowerShellSession;
  let client: AdSyncClient;
  const folders: string[] = [];

  beforeAll(async () => {
    const { target, labFolder } = await freshLabTarget();
    folders.push(labFolder);
    session = new PowerShellSession(target);
    client = new AdSyncClient(session);
  });

  afterAll(async () => {
    await session.dispose();
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  });


  it('reads the whole server state in one call', async () => {
    const state = await client.getServerState();
    expect(state.sectionErrors).toEqual([]);
    expect(state.scheduler?.allowedSyncCycleIntervalSeconds).toBe(1800);
    expect(state.staging).toEqual({ enabled: false });
    expect(state.connectors?.map((connector) => connector.name)).toEqual(expect.arrayContaining(['contoso.com', 'contoso.onmicrosoft.com - AAD']));
    expect(state.globalSettings?.parameters.length).toBeGreaterThan(10);
    expect(state.features?.passwordHashSync).toEqual(expect.any(Boolean));
    expect(state.autoUpgrade?.state).toMatch(/Enabled|Disabled|Suspended/);
    expect(state.exportDeletionThreshold).toEqual({ enabled: true, threshold: 500 });
    expect(state.lastRuns?.length).toBeGreaterThan(0);
    expect(state.lastRuns?.[0]?.startDate).toMatch(/Z$/);
  });

  it('changes the scheduler and reads it back', async () => {
    const changed = await client.setScheduler({ customizedSyncCycleIntervalSeconds: 3600, syncCycleEnabled: false, nextSyncCyclePolicyType: 'Initial' });
    expect(changed).toMatchObject({ customizedSyncCycleIntervalSeconds: 3600, currentlyEffectiveSyncCycleIntervalSeconds: 3600, syncCycleEnabled: false, nextSyncCyclePolicyType: 'Initial' });
    const cleared = await client.setScheduler({ customizedSyncCycleIntervalSeconds: null, syncCycleEnabled: true, nextSyncCyclePolicyType: 'Delta' });
    expect(cleared).toMatchObject({ customizedSyncCycleIntervalSeconds: null, currentlyEffectiveSyncCycleIntervalSeconds: 1800, syncCycleEnabled: true });
    expect(await client.getScheduler()).toEqual(cleared);
  });

  it('reads staging mode; no operation writes it (the native wizard is its writer)', async () => {
    expect(await client.getStagingMode()).toEqual({ enabled: false });
    const failure = await failureOf(session.run('SetStagingMode', { enabled: true }));
    expect(`${failure.message} ${failure.detail ?? ''}`).toContain('Unknown operation: SetStagingMode');
  });

  it('starts a sync cycle, refuses a second one with SYNC_ALREADY_RUNNING, and stops it', async () => {
    expect(await client.startSyncCycle('Delta')).toEqual({ result: 'Success' });
    expect((await client.getScheduler()).syncCycleInProgress).toBe(true);
    const second = await failureOf(client.startSyncCycle('Delta'));
    expect(second.code).toBe('SYNC_ALREADY_RUNNING');
    expect(second.detail).toContain('Sync is already running');
    await client.stopSyncCycle();
    await expect.poll(async () => (await client.getScheduler()).syncCycleInProgress, { timeout: 30_000, interval: 250 }).toBe(false);
  });

  it('polls a running cycle in one call: the scheduler, the busy connector and only the runs since a time', async () => {
    const before = await client.getRunHistory({ count: 50 });
    const newest = before[0]?.startDate ?? null;
    expect(newest).not.toBeNull();
    await client.startSyncCycle('Delta');
    const progress = await client.getSyncProgress(new Date(newest as string).toISOString());
    expect(progress.scheduler.syncCycleInProgress).toBe(true);
    expect(progress.busyConnectors.length).toBeGreaterThan(0);
    // The newest old run and the new cycle's runs, not the whole history.
    expect(progress.runs.length).toBeGreaterThan(0);
    expect(progress.runs.length).toBeLessThan(before.length);
    expect(progress.runs.every((run) => !run.isRunComplete || Date.parse(run.startDate ?? '') >= Date.parse(newest as string))).toBe(true);
    expect(progress.runs.some((run) => !run.isRunComplete)).toBe(true);
    await client.stopSyncCycle();
    await expect.poll(async () => (await client.getScheduler()).syncCycleInProgress, { timeout: 30_000, interval: 250 }).toBe(false);
  });

  it('reads connectors with partitions and changes OU filters', async () => {
    const connectors = await client.getConnectors();
    const ad = connectors.find((connector) => connector.type === 'AD');
    const partition = ad?.partitions.find((candidate) => candidate.dn === 'DC=contoso,DC=com');
    expect(partition?.selected).toBe(true);
    const inclusions = ['DC=contoso,DC=com'];
    const exclusions = ['OU=Disabled Accounts,DC=contoso,DC=com', "OU=O'Brien \u201cquoted\u201d,DC=contoso,DC=com"];
    const saved = await client.setPartitionFilters(ad?.name ?? '', [{ dn: 'DC=contoso,DC=com', selected: true, containerInclusions: inclusions, containerExclusions: exclusions }]);
    const savedPartition = saved.partitions.find((candidate) => candidate.dn === 'DC=contoso,DC=com');
    expect(savedPartition?.containerInclusions).toEqual(inclusions);
    expect(savedPartition?.containerExclusions).toEqual(exclusions);
    const reread = (await client.getConnectors()).find((connector) => connector.name === ad?.name);
    expect(reread?.partitions.find((candidate) => candidate.dn === 'DC=contoso,DC=com')?.containerExclusions).toEqual(exclusions);
  });

  it('reports an unknown partition as a PowerShell error naming it', async () => {
    const failure = await failureOf(client.setPartitionFilters('contoso.com', [{ dn: 'DC=nowhere,DC=test', selected: true, containerInclusions: [], containerExclusions: [] }]));
    expect(failure.code).toBe('POWERSHELL_ERROR');
    // The page gets the product message; PowerShell's own words, naming the partition, go to the log.
    expect(failure.message).not.toContain('DC=nowhere');
    expect(failure.detail).toContain('DC=nowhere,DC=test');
  });

  it('reads and changes global settings', async () => {
    const before = await client.getGlobalSettings();
    expect(before.parameters.find((parameter) => parameter.name === 'Microsoft.Synchronize.StagingMode')?.value).toBe('False');
    const after = await client.setGlobalSettings([{ name: 'Microsoft.SynchronizationOption.UPNAttribute', value: 'mail' }]);
    expect(after.parameters.find((parameter) => parameter.name === 'Microsoft.SynchronizationOption.UPNAttribute')?.value).toBe('mail');
  });

  it('reads and changes company features', async () => {
    const features = await client.setCompanyFeatures({ passwordHashSync: true, userWriteback: false });
    expect(features).toMatchObject({ passwordHashSync: true, userWriteback: false });
    expect((await client.getCompanyFeatures()).passwordHashSync).toBe(true);
  });

  it('turns password hash sync of the AD connector on and off, reads it back, and refuses an unknown connector', async () => {
    const before = await client.getPasswordSyncConfiguration('contoso.com');
    expect(before).toMatchObject({ sourceConnector: 'contoso.com', targetConnector: 'contoso.onmicrosoft.com - AAD' });
    const on = await client.setPasswordSyncConfiguration('contoso.com', 'contoso.onmicrosoft.com - AAD', true);
    expect(on).toEqual({ sourceConnector: 'contoso.com', targetConnector: 'contoso.onmicrosoft.com - AAD', enabled: true });
    expect((await client.getPasswordSyncConfiguration('contoso.com')).enabled).toBe(true);
    const off = await client.setPasswordSyncConfiguration('contoso.com', 'contoso.onmicrosoft.com - AAD', false);
    expect(off.enabled).toBe(false);
    expect((await client.getPasswordSyncConfiguration('contoso.com')).enabled).toBe(false);
    const unknown = await failureOf(client.setPasswordSyncConfiguration("fabrikam'; Remove-Item -Recurse .", 'contoso.onmicrosoft.com - AAD', true));
    expect(unknown.code).toBe('POWERSHELL_ERROR');
    expect(`${unknown.message} ${unknown.detail ?? ''}`).toContain("fabrikam'; Remove-Item -Recurse .");
  });

  it('reads run history newest first, limited to the count asked', async () => {
    const runs = await client.getRunHistory({ count: 3 });
    expect(runs).toHaveLength(3);
    const starts = runs.map((run) => run.startDate ?? '');
    expect([...starts].sort().reverse()).toEqual(starts);
    for (const run of runs) {
      expect(Object.keys(run.counters ?? {})).toEqual(expect.arrayContaining(['StageAdd', 'StageUpdate', 'StageDelete', 'ExportAdd', 'ExportFailure']));
    }
  });

  it('reads no step counters again for the complete runs the caller already has', async () => {
    const first = await client.getRunHistory({ count: 12 });
    const known = first.slice(2).flatMap((run) => (run.isRunComplete && run.counters && run.runHistoryId ? [run.runHistoryId] : []));
    expect(known.length).toBeGreaterThan(5);
    const again = await client.getRunHistory({ count: 12, countersKnownFor: known });
    expect(again.map((run) => run.runHistoryId)).toEqual(first.map((run) => run.runHistoryId));
    for (const run of again) {
      if (known.includes(run.runHistoryId ?? '')) expect(run.counters).toBeNull();
      else expect(run.counters).toEqual(first.find((candidate) => candidate.runHistoryId === run.runHistoryId)?.counters);
    }
  });

  it('reads and changes the export deletion threshold', async () => {
    expect(await client.setExportDeletionThreshold({ enabled: true, threshold: 750 })).toEqual({ enabled: true, threshold: 750 });
    expect((await client.setExportDeletionThreshold({ enabled: false })).enabled).toBe(false);
    expect((await client.getExportDeletionThreshold()).enabled).toBe(false);
  });

  it('reads the sync rules', async () => {
    const rules = await client.getSyncRules();
    expect(rules.length).toBeGreaterThan(10);
    expect(rules.some((rule) => rule.name === 'In from AD - User Join')).toBe(true);
    expect(rules.every((rule) => rule.direction === 'Inbound' || rule.direction === 'Outbound')).toBe(true);
  });

  it('reads and changes auto upgrade', async () => {
    expect((await client.setAutoUpgrade('Disabled')).state).toBe('Disabled');
    expect((await client.setAutoUpgrade('Enabled')).state).toBe('Enabled');
    expect((await client.getAutoUpgrade()).state).toBe('Enabled');
  });

  it('reads where the sync database lives', async () => {
    const database = await client.getDatabaseConfiguration();
    expect(database.installedLocalDb).toBe(true);
    expect(database.sqlServerDbName).toBe('ADSync');
  });

  it('lists, adds and removes ADSyncAdmins members with typed errors', async () => {
    const before = await client.getGroupMembers('ADSyncAdmins');
    const added = await client.addGroupMember('ADSyncAdmins', 'CONTOSO\\jdoe-integration');
    expect(added.map((member) => member.name)).toContain('CONTOSO\\jdoe-integration');
    expect(added).toHaveLength(before.length + 1);
    expect((await failureOf(client.addGroupMember('ADSyncAdmins', 'CONTOSO\\jdoe-integration'))).code).toBe('MEMBER_EXISTS');
    expect((await failureOf(client.addGroupMember('ADSyncAdmins', 'CONTOSO\\missing-person'))).code).toBe('PRINCIPAL_NOT_FOUND');
    const removed = await client.removeGroupMember('ADSyncAdmins', 'CONTOSO\\jdoe-integration');
    expect(removed.map((member) => member.name)).not.toContain('CONTOSO\\jdoe-integration');
    expect((await failureOf(client.removeGroupMember('ADSyncAdmins', 'CONTOSO\\jdoe-integration'))).code).toBe('MEMBER_NOT_FOUND');
  });

  it('reads the forest, its domains and its OUs page by page', async () => {
    const forest = await client.getForest();
    expect(forest.domains.map((domain) => domain.dnsRoot)).toContain('contoso.com');
    const domain = forest.domains.find((candidate) => candidate.dnsRoot === 'contoso.com');
    const everything: string[] = [];
    for await (const page of client.allOrganizationalUnits({ searchBase: domain?.distinguishedName ?? '', scope: 'Subtree', take: 2 })) {
      expect(page.items.length).toBeLessThanOrEqual(2);
      everything.push(...page.items.map((ou) => ou.distinguishedName));
    }
    const firstPage = await client.getOrganizationalUnits({ searchBase: domain?.distinguishedName ?? '', scope: 'Subtree', take: 100_000 });
    expect(everything).toEqual(firstPage.items.map((ou) => ou.distinguishedName));
    expect(firstPage.total).toBe(everything.length);
    const children = await client.getOrganizationalUnits({ searchBase: domain?.distinguishedName ?? '', scope: 'OneLevel' });
    expect(children.items.length).toBeGreaterThan(0);
    expect(children.items.every((ou) => ou.distinguishedName.endsWith(`,${domain?.distinguishedName ?? ''}`))).toBe(true);
  });

  it('pages two OU reads side by side, each from its own query, projected to name and DN', async () => {
    const searchBase = (await client.getForest()).domains.find((candidate) => candidate.dnsRoot === 'contoso.com')?.distinguishedName ?? '';
    const reads = { Subtree: [] as string[], OneLevel: [] as string[] };
    const next = { Subtree: 0 as number | null, OneLevel: 0 as number | null };
    while (next.Subtree !== null || next.OneLevel !== null) {
      for (const scope of ['Subtree', 'OneLevel'] as const) {
        const skip = next[scope];
        if (skip === null) continue;
        const page = await client.getOrganizationalUnits({ searchBase, scope, take: 2, skip });
        expect(page.items.every((ou) => typeof ou.name === 'string' && ou.name.length > 0 && ou.distinguishedName.startsWith(`OU=${ou.name},`))).toBe(true);
        reads[scope].push(...page.items.map((ou) => ou.distinguishedName));
        next[scope] = page.nextSkip;
      }
    }
    for (const scope of ['Subtree', 'OneLevel'] as const) {
      const whole = await client.getOrganizationalUnits({ searchBase, scope, take: 100_000 });
      expect(reads[scope]).toEqual(whole.items.map((ou) => ou.distinguishedName));
    }
    expect(reads.Subtree.length).toBeGreaterThan(reads.OneLevel.length);
  });

  it('reads password writeback of the Azure AD connector, and turns it on and off where it was onboarded before', async () => {
    const aad = 'contoso.onmicrosoft.com - AAD';
    expect(await client.getPasswordResetConfiguration(aad)).toMatchObject({ connector: aad, enabled: false, modifiedTimestamp: '2016-04-26T13:55:27.306Z' });
    expect(await client.setPasswordResetConfiguration(aad, true)).toMatchObject({ enabled: true });
    expect((await client.getPasswordResetConfiguration(aad)).enabled).toBe(true);
    expect((await client.setPasswordResetConfiguration(aad, false)).enabled).toBe(false);
    expect((await failureOf(client.getPasswordResetConfiguration('contoso.com'))).code).toBe('POWERSHELL_ERROR');
  });

  it('says the 2016 build cannot count pending exports, lists the domain containers, and reads the connector account rights', async () => {
    expect(await client.getConnectorStatistics()).toEqual({ available: false, connectors: [] });
    const containers = await client.getContainers({ searchBase: 'DC=contoso,DC=com', server: 'contoso.com' });
    expect(containers.map((container) => container.name)).toEqual(['Builtin', 'Computers', 'ForeignSecurityPrincipals', 'Keys', 'Managed Service Accounts', 'Program Data', 'System', 'Users']);
    const permissions = await client.getDirectoryPermissions('contoso.com');
    expect(permissions.account).toBe('CONTOSO\\MSOL_d1edb676ca03');
    expect(permissions.domains).toHaveLength(1);
    expect(permissions.domains[0]?.aces).toContainEqual({
      identity: 'CONTOSO\\MSOL_d1edb676ca03', rights: 'ExtendedRight', accessControlType: 'Allow', objectType: '00299570-246d-11d0-a768-00aa006e0529',
      inheritedObjectType: 'bf967aba-0de6-11d0-a285-00aa003049e2', inheritanceType: 'Descendents',
    });
    expect(permissions.domains[0]?.aces.every((ace) => ace.identity === 'CONTOSO\\MSOL_d1edb676ca03')).toBe(true);
  });

  it('looks for AzureADConnect.exe under Program Files and says when it is not there', async () => {
    const answer = await client.startNativeWizard();
    expect(answer.started).toBe(false);
    expect(answer.processId).toBeNull();
  });

  it('exports the server configuration to the folder the caller names', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'cw-export-'));
    folders.push(parent);
    const folder = join(parent, 'Exported server configuration');
    const result = await client.exportServerConfiguration(folder);
    expect(result.path).toBe(folder);
    expect(result.fileCount).toBeGreaterThan(0);
    expect(await readdir(folder)).toEqual(expect.arrayContaining(['Connectors', 'GlobalSettings', 'SynchronizationRules']));
  });
});

/** The current-build profile: what differs from the 2016 build, through the same operations. */
describe('AdSyncClient against the lab contoso-current profile', () => {
  let session: PowerShellSession;
  let client: AdSyncClient;
  let labFolder: string;

  beforeAll(async () => {
    const lab = await freshLabTarget({}, 'contoso-current');
    labFolder = lab.labFolder;
    session = new PowerShellSession(lab.target);
    client = new AdSyncClient(session);
  });

  afterAll(async () => {
    await session.dispose();
    await rm(labFolder, { recursive: true, force: true });
  });

  it('has the 2.2.1.0 global settings, signs users in with password hash sync, and stages', async () => {
    const state = await client.getServerState();
    const names = state.globalSettings?.parameters.map((parameter) => parameter.name) ?? [];
    expect(names).toHaveLength(41);
    expect(names).not.toContain('Microsoft.OptionalFeature.PasswordHashSync');
    expect(names).not.toContain('Microsoft.OptionalFeature.PasswordWriteback');
    const value = (name: string) => state.globalSettings?.parameters.find((parameter) => parameter.name === name)?.value;
    expect(value('Microsoft.UserSignIn.SignOnMethod')).toBe('PasswordHashSync');
    expect(value('Microsoft.Synchronize.ServerConfigurationVersion')).toBe('2.2.1.0');
    expect(state.scheduler?.stagingModeEnabled).toBe(true);
    expect(state.features?.passwordHashSync).toBe(true);
    expect((await client.getPasswordSyncConfiguration('contoso.com')).enabled).toBe(true);
    expect(state.exportDeletionThreshold).toEqual({ enabled: true, threshold: 3000 });
    expect(state.connectors?.find((connector) => connector.name === 'contoso.com')?.partitions[0]).toMatchObject({
      containerInclusions: ['DC=contoso,DC=com'],
      containerExclusions: ['CN=Computers,DC=contoso,DC=com', 'OU=Legacy,DC=contoso,DC=com'],
    });
  });

  it('counts the pending exports per connector', async () => {
    const statistics = await client.getConnectorStatistics();
    expect(statistics.available).toBe(true);
    expect(statistics.connectors).toEqual([
      expect.objectContaining({ connectorName: 'contoso.com', exportAdds: 0, exportUpdates: 0, exportDeletes: 0 }),
      expect.objectContaining({ connectorName: 'contoso.onmicrosoft.com - AAD', exportAdds: 40, exportUpdates: 6, exportDeletes: 4 }),
    ]);
  });

  it('answers a first password writeback enable with INTERACTIVE_SIGN_IN_REQUIRED and changes nothing', async () => {
    const failure = await failureOf(client.setPasswordResetConfiguration('contoso.onmicrosoft.com - AAD', true));
    expect(failure.code).toBe('INTERACTIVE_SIGN_IN_REQUIRED');
    expect((await client.getPasswordResetConfiguration('contoso.onmicrosoft.com - AAD')).enabled).toBe(false);
  });
});
