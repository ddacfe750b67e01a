import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PowerShellSession } from '../../../electron/clients/powershell';
import { AdSyncClient } from '../../../electron/clients/sync-server';
import type { AppError } from '../../../shared/core/errors';
import { freshLabTarget } from './lab-target';

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

  const failureOf = (promise: Promise<unknown>): Promise<AppError> => promise.then(
    () => { throw new Error('expected a failure'); },
    (error: unknown) => error as AppError,
  );

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

  it('turns staging mode on and off', async () => {
    expect(await client.setStagingMode(true)).toEqual({ enabled: true });
    expect((await client.getScheduler()).stagingModeEnabled).toBe(true);
    expect(await client.setStagingMode(false)).toEqual({ enabled: false });
    expect(await client.getStagingMode()).toEqual({ enabled: false });
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
    expect(failure.message).toContain('DC=nowhere,DC=test');
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
