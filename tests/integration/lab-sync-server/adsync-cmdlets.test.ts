import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLabFolder, removeLabFolder, runLab, stateFileName } from './lab-pwsh';

interface Shape {
  name: string;
  type: string | null;
}

let folder = '';

beforeAll(async () => {
  folder = await makeLabFolder();
});

afterAll(async () => {
  await removeLabFolder(folder);
});

function names(shape: Shape[]): string[] {
  return shape.map((p) => p.name);
}

function typeOf(shape: Shape[], name: string): string | null | undefined {
  return shape.find((p) => p.name === name)?.type;
}

describe('ADSync look-alike: output shapes', () => {
  it('returns the real property names, order and types', async () => {
    const run = await runLab(
      `
      Out-LabJson ([ordered]@{
        scheduler = Get-LabShape (Get-ADSyncScheduler)
        connector = Get-LabShape (Get-ADSyncConnector -Name 'contoso.com')
        partition = Get-LabShape ((Get-ADSyncConnector -Name 'contoso.com').Partitions[0])
        runProfile = Get-LabShape (Get-ADSyncRunProfileResult -NumberRequested 1)
        globalSettings = Get-LabShape (Get-ADSyncGlobalSettings)
        parameter = Get-LabShape (Get-ADSyncGlobalSettingsParameter | Select-Object -First 1)
        companyFeature = Get-LabShape (Get-ADSyncAADCompanyFeature)
        passwordSync = Get-LabShape (Get-ADSyncAADPasswordSyncConfiguration -SourceConnector 'contoso.com')
        deletionThreshold = Get-LabShape (Get-ADSyncExportDeletionThreshold)
        rule = Get-LabShape (Get-ADSyncRule | Select-Object -First 1)
        database = Get-LabShape (Get-ADSyncDatabaseConfiguration)
        autoUpgrade = (Get-ADSyncAutoUpgrade).GetType().Name + ':' + (Get-ADSyncAutoUpgrade).ToString()
        ruleCount = @(Get-ADSyncRule).Count
        connectorNames = @(Get-ADSyncConnector | ForEach-Object Name)
        aadIdentifier = (Get-ADSyncConnector -Name 'contoso.onmicrosoft.com - AAD').Identifier.ToString()
        inclusions = @((Get-ADSyncConnector -Name 'contoso.com').Partitions[0].ConnectorPartitionScope.ContainerInclusionList)
        stagingParameter = (Get-ADSyncGlobalSettings).Parameters['Microsoft.Synchronize.StagingMode'].Value
        historyCount = @(Get-ADSyncRunProfileResult).Count
        typeNames = @((Get-ADSyncConnector -Name 'contoso.com').PSObject.TypeNames)[0]
      })
      `,
      { folder },
    );
    expect(run.stderr).toBe('');
    const out = run.json as Record<string, Shape[]> & Record<string, unknown>;
    const scheduler = out['scheduler'] as Shape[];
    expect(names(scheduler)).toEqual([
      'AllowedSyncCycleInterval',
      'CurrentlyEffectiveSyncCycleInterval',
      'CustomizedSyncCycleInterval',
      'NextSyncCyclePolicyType',
      'NextSyncCycleStartTimeInUTC',
      'PurgeRunHistoryInterval',
      'SyncCycleEnabled',
      'MaintenanceEnabled',
      'StagingModeEnabled',
      'SchedulerSuspended',
      'SyncCycleInProgress',
    ]);
    expect(typeOf(scheduler, 'AllowedSyncCycleInterval')).toBe('System.TimeSpan');
    expect(typeOf(scheduler, 'CustomizedSyncCycleInterval')).toBeNull();
    expect(typeOf(scheduler, 'NextSyncCyclePolicyType')).toBe('SynchronizationPolicyType');
    expect(typeOf(scheduler, 'NextSyncCycleStartTimeInUTC')).toBe('System.DateTime');
    expect(typeOf(scheduler, 'SyncCycleInProgress')).toBe('System.Boolean');

    expect(names(out['runProfile'] as Shape[])).toEqual([
      'RunHistoryId', 'ConnectorId', 'ConnectorName', 'RunProfileId', 'RunProfileName', 'RunNumber', 'Username',
      'IsRunComplete', 'Result', 'CurrentStepNumber', 'TotalSteps', 'StartDate', 'EndDate', 'RunStepResults',
    ]);
    expect(typeOf(out['runProfile'] as Shape[], 'RunHistoryId')).toBe('System.Guid');
    expect(typeOf(out['runProfile'] as Shape[], 'RunNumber')).toBe('System.Int32');
    expect(typeOf(out['runProfile'] as Shape[], 'StartDate')).toBe('System.DateTime');

    expect(names(out['connector'] as Shape[]).slice(0, 10)).toEqual([
      'ConnectorTypeName', 'Identifier', 'Version', 'InternalVersion', 'FormatVersion', 'Name', 'Description',
      'CreationTime', 'LastModificationTime', 'Partitions',
    ]);
    expect(names(out['connector'] as Shape[])).toContain('AADPasswordResetConfiguration');
    expect(names(out['partition'] as Shape[])).toEqual([
      'Identifier', 'DN', 'Version', 'CreationTime', 'LastModificationTime', 'Selected', 'ConnectorPartitionScope',
      'Name', 'Parameters', 'PreferredDCs', 'IsDomain',
    ]);
    expect(names(out['globalSettings'] as Shape[])).toEqual(['Version', 'SqlSchemaVersion', 'InstanceId', 'Schema', 'Parameters']);
    expect(names(out['parameter'] as Shape[])).toEqual([
      'Name', 'InputType', 'Scope', 'Description', 'RegexValidationPattern', 'DefaultValue', 'Value', 'Extensible',
      'PageNumber', 'Intrinsic', 'DataType',
    ]);
    expect(names(out['companyFeature'] as Shape[])).toEqual([
      'PasswordHashSync', 'ForcePasswordChangeOnLogOn', 'UserWriteback', 'DeviceWriteback', 'UnifiedGroupWriteback', 'GroupWritebackV2',
    ]);
    expect(names(out['passwordSync'] as Shape[])).toEqual(['SourceConnector', 'TargetConnector', 'Enabled']);
    expect(out['deletionThreshold']).toEqual([
      { name: 'DeletionPrevention', type: 'System.Int32' },
      { name: 'ThresholdPercentage', type: 'System.Int32' },
      { name: 'ThresholdCount', type: 'System.Int32' },
    ]);
    expect(names(out['rule'] as Shape[]).slice(0, 4)).toEqual(['Identifier', 'InternalId', 'Name', 'Version']);
    expect(names(out['database'] as Shape[])).toEqual(['InstalledLocalDb', 'SqlServerName', 'SqlServerInstanceName', 'SqlServerDBName']);
    expect(out['autoUpgrade']).toBe('AutoUpgradeConfigurationState:Suspended');
    expect(out['ruleCount']).toBe(62);
    // The rules sit beside the state, as a real server keeps them in its database: reading the scheduler does not parse them.
    const state = JSON.parse(await readFile(join(folder, stateFileName), 'utf8')) as Record<string, unknown>;
    expect(state['rules']).toBeUndefined();
    expect(state['rulesFile']).toBe('sync-server-rules.json');
    expect(JSON.parse(await readFile(join(folder, 'sync-server-rules.json'), 'utf8'))).toHaveLength(62);
    expect(out['connectorNames']).toEqual(['contoso.com', 'contoso.onmicrosoft.com - AAD']);
    expect(out['aadIdentifier']).toBe('b891884f-051e-4a83-95af-2544101c9083');
    expect(out['inclusions']).toEqual(['OU=CORP,DC=contoso,DC=com']);
    expect(out['stagingParameter']).toBe('False');
    expect(out['historyCount']).toBe(18);
    expect(out['typeNames']).toBe('Microsoft.IdentityManagement.PowerShell.ObjectModel.Connector');
  });

  it('reads the rules from the state itself in a folder seeded before they had a file of their own', async () => {
    const old = await makeLabFolder();
    try {
      await runLab('$null = Get-ADSyncScheduler', { folder: old });
      const state = JSON.parse(await readFile(join(old, stateFileName), 'utf8')) as Record<string, unknown>;
      const { rulesFile: _file, ...withoutFile } = state;
      const rules = JSON.parse(await readFile(join(old, 'sync-server-rules.json'), 'utf8')) as unknown[];
      await writeFile(join(old, stateFileName), JSON.stringify({ ...withoutFile, rules }));
      await rm(join(old, 'sync-server-rules.json'));
      const run = await runLab("Out-LabJson @{ count = @(Get-ADSyncRule).Count; name = (Get-ADSyncRule -Name 'In from AD - User Join').Name }", { folder: old });
      expect(run.json).toEqual({ count: 62, name: 'In from AD - User Join' });
    } finally {
      await removeLabFolder(old);
    }
  });

  it('seeds the cloud section with the in-scope users', async () => {
    const state = JSON.parse(await readFile(join(folder, stateFileName), 'utf8')) as {
      cloud: { lastExportTimeUtc: string; users: Array<Record<string, string | null>>; pendingExport: unknown };
    };
    expect(state.cloud.pendingExport).toBeNull();
    expect(state.cloud.users).toHaveLength(200);
    const user = state.cloud.users[0]!;
    expect(Object.keys(user)).toEqual([
      'immutableId', 'objectGuid', 'userPrincipalName', 'displayName', 'givenName', 'surname', 'mail', 'department',
      'jobTitle', 'city', 'country', 'onPremisesSamAccountName', 'onPremisesDistinguishedName', 'onPremisesDomainName',
    ]);
    const guidBytes = Buffer.from(user['immutableId']!, 'base64');
    expect(guidBytes).toHaveLength(16);
    expect(user['userPrincipalName']).toMatch(/@contoso\.com$/);
    expect(state.cloud.users.some((u) => u['country'] === null)).toBe(true);
    expect(Date.parse(state.cloud.lastExportTimeUtc)).toBeLessThan(Date.now());
  });
});

describe('ADSync look-alike: scheduler and global settings', () => {
  it('changes the scheduler and mirrors staging mode from the global settings', async () => {
    const run = await runLab(
      `
      $set = Set-ADSyncScheduler -CustomizedSyncCycleInterval '00:15:00' -NextSyncCyclePolicyType Initial
      $after15 = Get-ADSyncScheduler
      Set-ADSyncScheduler -CustomizedSyncCycleInterval '01:00:00' -NextSyncCyclePolicyType Delta | Out-Null
      $after60 = Get-ADSyncScheduler
      $g = Get-ADSyncGlobalSettings
      $g.Parameters['Microsoft.Synchronize.StagingMode'].Value = $true
      Set-ADSyncGlobalSettings -GlobalSettings $g | Out-Null
      $staging = (Get-ADSyncScheduler).StagingModeEnabled
      $g.Parameters['Microsoft.Synchronize.StagingMode'].Value = 'False'
      Set-ADSyncGlobalSettings -GlobalSettings $g | Out-Null
      Set-ADSyncScheduler -CustomizedSyncCycleInterval $null | Out-Null
      Out-LabJson ([ordered]@{
        setReturns = $set.NextSyncCyclePolicyType.ToString()
        custom15 = $after15.CustomizedSyncCycleInterval.ToString(); effective15 = $after15.CurrentlyEffectiveSyncCycleInterval.ToString()
        effective60 = $after60.CurrentlyEffectiveSyncCycleInterval.ToString()
        stagingOn = $staging; stagingOff = (Get-ADSyncScheduler).StagingModeEnabled
        customCleared = $null -eq (Get-ADSyncScheduler).CustomizedSyncCycleInterval
        version = (Get-ADSyncGlobalSettings).Version
      })
      Set-ADSyncScheduler -StagingModeEnabled $true
      `,
      { folder },
    );
    expect(run.json).toEqual({
      setReturns: 'Initial',
      custom15: '00:15:00',
      effective15: '00:30:00',
      effective60: '01:00:00',
      stagingOn: true,
      stagingOff: false,
      customCleared: true,
      version: 697,
    });
    expect(run.stderr).toContain("A parameter cannot be found that matches parameter name 'StagingModeEnabled'.");
  });

  it('enables and disables the export deletion threshold', async () => {
    const run = await runLab(
      `
      $enabled = Enable-ADSyncExportDeletionThreshold -DeletionThreshold 42 -AADUserName 'admin@contoso.onmicrosoft.com'
      $disabled = Disable-ADSyncExportDeletionThreshold -AADUserName 'admin@contoso.onmicrosoft.com'
      $restored = Enable-ADSyncExportDeletionThreshold 500
      Out-LabJson @($enabled, $disabled, $restored)
      `,
      { folder },
    );
    expect(run.json).toEqual([
      { DeletionPrevention: 1, ThresholdPercentage: 0, ThresholdCount: 42 },
      { DeletionPrevention: 0, ThresholdPercentage: 0, ThresholdCount: 42 },
      { DeletionPrevention: 1, ThresholdPercentage: 0, ThresholdCount: 500 },
    ]);
  });

  it('reports unknown connectors with an error', async () => {
    const run = await runLab(
      `Get-ADSyncConnector -Name 'nosuch.example' -ErrorVariable e -ErrorAction SilentlyContinue; Out-LabJson $e[0].Exception.Message`,
      { folder },
    );
    expect(run.json).toBe('Unable to find connector: nosuch.example');
  });
});

describe('ADSync look-alike: server configuration export', () => {
  it('writes the real folder layout with the current OU filter', async () => {
    const exportFolder = join(folder, 'export');
    const run = await runLab(
      `
      $c = Get-ADSyncConnector -Name 'contoso.com'
      $c.Partitions[0].ConnectorPartitionScope.ContainerInclusionList.Add('OU=Staging,DC=contoso,DC=com')
      Add-ADSyncConnector -Connector $c | Out-Null
      Get-ADSyncServerConfiguration -Path $env:EXPORT_FOLDER
      $c = Get-ADSyncConnector -Name 'contoso.com'
      [void]$c.Partitions[0].ConnectorPartitionScope.ContainerInclusionList.Remove('OU=Staging,DC=contoso,DC=com')
      Add-ADSyncConnector -Connector $c | Out-Null
      Out-LabJson @((Get-ADSyncConnector -Name 'contoso.com').Partitions[0].ConnectorPartitionScope.ContainerInclusionList)
      `,
      { folder, env: { EXPORT_FOLDER: exportFolder } },
    );
    expect(run.stderr).toBe('');
    expect(run.json).toEqual(['OU=CORP,DC=contoso,DC=com']);
    expect((await readdir(join(exportFolder, 'Connectors'))).sort()).toEqual([
      'Connector_{ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d}.xml',
      'Connector_{b891884f-051e-4a83-95af-2544101c9083}.xml',
    ]);
    expect(await readdir(join(exportFolder, 'SynchronizationRules'))).toHaveLength(62);
    const ad = await readFile(join(exportFolder, 'Connectors', 'Connector_{ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d}.xml'), 'utf8');
    expect(ad).toContain(
      '<containers><exclusions><exclusion>DC=contoso,DC=com</exclusion></exclusions><inclusions><inclusion>OU=CORP,DC=contoso,DC=com</inclusion><inclusion>OU=Staging,DC=contoso,DC=com</inclusion></inclusions></containers>',
    );
    const mv = await readFile(join(exportFolder, 'GlobalSettings', 'MV.xml'), 'utf8');
    expect(mv).toContain('<parameter name="Microsoft.Synchronize.StagingMode" type="string" use="SynchronizationGlobal" dataType="String">False</parameter>');
  });
});

describe('ADSync look-alike: corrupt state', () => {
  it('moves a corrupt state file aside with a warning and starts from a fresh seed', async () => {
    const corruptFolder = await makeLabFolder();
    try {
      await writeFile(join(corruptFolder, stateFileName), '{"schemaVersion": 1, "scheduler": ', 'utf8');
      const run = await runLab(`Out-LabJson (Get-ADSyncScheduler).SyncCycleEnabled`, { folder: corruptFolder });
      expect(run.json).toBe(true);
      const files = await readdir(corruptFolder);
      const aside = files.find((f) => /^sync-server-state\.corrupt-\d{8}T\d{9}Z\.json$/.test(f));
      expect(aside).toBeDefined();
      expect(await readFile(join(corruptFolder, aside!), 'utf8')).toBe('{"schemaVersion": 1, "scheduler": ');
      expect(run.stdout + run.stderr).toContain(`The lab sync server state file '${join(corruptFolder, stateFileName)}' could not be read`);
      const fresh = JSON.parse(await readFile(join(corruptFolder, stateFileName), 'utf8')) as { schemaVersion: number };
      expect(fresh.schemaVersion).toBe(1);
    } finally {
      await removeLabFolder(corruptFolder);
    }
  });

  it('fails clearly when ADSYNC_LAB_FOLDER is not set', async () => {
    const run = await runLab(`$env:ADSYNC_LAB_FOLDER = ''; try { Get-ADSyncScheduler } catch { Out-LabJson $_.Exception.Message }`, { folder });
    expect(run.json).toMatch(/ADSYNC_LAB_FOLDER/);
  });
});
