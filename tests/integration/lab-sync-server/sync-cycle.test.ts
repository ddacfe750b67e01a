import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLabFolder, removeLabFolder, runLab, stateFileName } from './lab-pwsh';

interface RunSummary {
  connector: string;
  profile: string;
  result: string;
  runNumber: number;
  stageAdd: number;
  exportAdd: number;
  exportDelete: number;
}

interface CloudState {
  lastExportTimeUtc: string | null;
  users: Array<{ objectGuid: string; onPremisesDistinguishedName: string }>;
  pendingExport: { completesAtUtc: string; users: unknown[] } | null;
}

let folder = '';
// Cycles observed while running are long enough to be seen on a loaded machine; the others are short.
const slowCycle = { ADSYNC_LAB_CYCLE_SECONDS: '15' };
const env = { ADSYNC_LAB_CYCLE_SECONDS: '2' };

// Polls the clock-driven cycle inside one pwsh process, then lists the run history of that cycle.
const waitAndSummarize = `
$deadline = [datetime]::UtcNow.AddSeconds(60)
while ((Get-ADSyncScheduler).SyncCycleInProgress -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
$runs = @(Get-ADSyncRunProfileResult -RunStepDetails | Where-Object { $_.RunNumber -gt $before })
$summary = @($runs | ForEach-Object {
  [ordered]@{ connector = $_.ConnectorName; profile = $_.RunProfileName; result = $_.Result; runNumber = $_.RunNumber
    stageAdd = $_.RunStepResults[0].StageAdd; exportAdd = $_.RunStepResults[0].ExportAdd; exportDelete = $_.RunStepResults[0].ExportDelete }
})
`;

async function readCloud(): Promise<CloudState> {
  const state = JSON.parse(await readFile(join(folder, stateFileName), 'utf8')) as { cloud: CloudState };
  return state.cloud;
}

beforeAll(async () => {
  folder = await makeLabFolder();
});

afterAll(async () => {
  await removeLabFolder(folder);
});

describe('lab sync cycles', () => {
  it('runs a delta cycle that exports users newly in scope after an OU filter change', async () => {
    const run = await runLab(
      `
      $before = (Get-ADSyncRunProfileResult -NumberRequested 1).RunNumber
      $scheduledBefore = (Get-ADSyncScheduler).NextSyncCycleStartTimeInUTC
      $c = Get-ADSyncConnector -Name 'contoso.com'
      $c.Partitions[0].ConnectorPartitionScope.ContainerInclusionList.Add('OU=Contractors,DC=contoso,DC=com')
      Add-ADSyncConnector -Connector $c | Out-Null
      $start = Start-ADSyncSyncCycle -PolicyType Delta
      $startedAt = [datetime]::UtcNow
      $inProgress = (Get-ADSyncScheduler).SyncCycleInProgress
      $busy = @(Get-ADSyncConnectorRunStatus | ForEach-Object RunState)
      Start-ADSyncSyncCycle -ErrorVariable second -ErrorAction SilentlyContinue | Out-Null
      ${waitAndSummarize}
      $after = Get-ADSyncScheduler
      Out-LabJson ([ordered]@{
        result = $start.Result; inProgress = $inProgress; busy = $busy
        secondError = $second[0].Exception.Message; secondId = $second[0].FullyQualifiedErrorId; secondCategory = $second[0].CategoryInfo.Category.ToString()
        inProgressAfter = $after.SyncCycleInProgress
        nextStartMinutesAfterStart = [math]::Round(($after.NextSyncCycleStartTimeInUTC - $startedAt).TotalMinutes)
        runs = $summary
      })
      `,
      { folder, env: slowCycle },
    );
    expect(run.stderr).toBe('');
    const out = run.json as {
      result: string; inProgress: boolean; busy: string[]; secondError: string; secondId: string; secondCategory: string
      inProgressAfter: boolean; nextStartMinutesAfterStart: number; runs: RunSummary[]
    };
    expect(out.result).toBe('Success');
    expect(out.inProgress).toBe(true);
    expect(out.busy).toEqual(['Busy']);
    expect(out.secondError).toMatch(/^System\.InvalidOperationException: Sync is already running\. Cannot start a new run till this one completes\./);
    expect(out.secondId.startsWith('System.InvalidOperationException: Sync is already running.')).toBe(true);
    expect(out.secondCategory).toBe('WriteError');
    expect(out.inProgressAfter).toBe(false);
    expect(out.nextStartMinutesAfterStart).toBe(30);
    // Newest first: exports, syncs, imports. Azure AD refuses the seeded duplicate proxy address again (lab/README.md, Objects).
    expect(out.runs.map((r) => `${r.connector}|${r.profile}|${r.result}`)).toEqual([
      'contoso.com|Export|success',
      'contoso.onmicrosoft.com - AAD|Export|completed-export-errors',
      'contoso.onmicrosoft.com - AAD|Delta Synchronization|success',
      'contoso.com|Delta Synchronization|success',
      'contoso.onmicrosoft.com - AAD|Delta Import|success',
      'contoso.com|Delta Import|success',
    ]);
    expect(out.runs[5]!.stageAdd).toBe(60);
    expect(out.runs[1]!.exportAdd).toBe(60);
    const numbers = out.runs.map((r) => r.runNumber);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);

    const cloud = await readCloud();
    expect(cloud.pendingExport).toBeNull();
    expect(cloud.users).toHaveLength(260);
    expect(cloud.users.filter((u) => u.onPremisesDistinguishedName.endsWith('OU=Contractors,DC=contoso,DC=com'))).toHaveLength(60);
    expect(Date.parse(cloud.lastExportTimeUtc!)).toBeGreaterThan(Date.now() - 120_000);
  });

  it('runs full profiles for an initial cycle and goes back to delta afterwards', async () => {
    const run = await runLab(
      `
      $before = (Get-ADSyncRunProfileResult -NumberRequested 1).RunNumber
      Set-ADSyncScheduler -NextSyncCyclePolicyType Initial | Out-Null
      Start-ADSyncSyncCycle | Out-Null
      ${waitAndSummarize}
      Out-LabJson ([ordered]@{ next = (Get-ADSyncScheduler).NextSyncCyclePolicyType.ToString(); profiles = @($summary | ForEach-Object { $_.profile }) })
      `,
      { folder, env },
    );
    expect(run.json).toEqual({
      next: 'Delta',
      profiles: ['Export', 'Export', 'Full Synchronization', 'Full Synchronization', 'Full Import', 'Full Import'],
    });
  });

  it('runs no export in staging mode and leaves the cloud unchanged', async () => {
    const run = await runLab(
      `
      $before = (Get-ADSyncRunProfileResult -NumberRequested 1).RunNumber
      $g = Get-ADSyncGlobalSettings
      $g.Parameters['Microsoft.Synchronize.StagingMode'].Value = 'True'
      Set-ADSyncGlobalSettings -GlobalSettings $g | Out-Null
      $c = Get-ADSyncConnector -Name 'contoso.com'
      [void]$c.Partitions[0].ConnectorPartitionScope.ContainerInclusionList.Remove('OU=Contractors,DC=contoso,DC=com')
      Add-ADSyncConnector -Connector $c | Out-Null
      $result = (Start-ADSyncSyncCycle).Result
      $pendingDuringCycle = $null -ne (Get-Content -Raw -LiteralPath (Join-Path $env:ADSYNC_LAB_FOLDER 'sync-server-state.json') | ConvertFrom-Json).cloud.pendingExport
      ${waitAndSummarize}
      Out-LabJson ([ordered]@{ result = $result; staging = (Get-ADSyncScheduler).StagingModeEnabled; pendingDuringCycle = $pendingDuringCycle; profiles = @($summary | ForEach-Object { $_.profile }) })
      `,
      { folder, env },
    );
    expect(run.json).toEqual({
      result: 'Success',
      staging: true,
      pendingDuringCycle: false,
      profiles: ['Delta Synchronization', 'Delta Synchronization', 'Delta Import', 'Delta Import'],
    });
    expect((await readCloud()).users).toHaveLength(260);
  });

  it('stops a running cycle with the stopped result and no export', async () => {
    const run = await runLab(
      `
      $g = Get-ADSyncGlobalSettings
      $g.Parameters['Microsoft.Synchronize.StagingMode'].Value = 'False'
      Set-ADSyncGlobalSettings -GlobalSettings $g | Out-Null
      $before = (Get-ADSyncRunProfileResult -NumberRequested 1).RunNumber
      Start-ADSyncSyncCycle | Out-Null
      Stop-ADSyncSyncCycle
      ${waitAndSummarize}
      Out-LabJson ([ordered]@{ inProgress = (Get-ADSyncScheduler).SyncCycleInProgress; runs = $summary })
      `,
      { folder, env: slowCycle },
    );
    const out = run.json as { inProgress: boolean; runs: RunSummary[] };
    expect(out.inProgress).toBe(false);
    expect(out.runs[0]!.result).toBe('stopped-user-termination-from-wmi-or-ui');
    expect(out.runs.some((r) => r.profile === 'Export')).toBe(false);
    const cloud = await readCloud();
    expect(cloud.pendingExport).toBeNull();
    expect(cloud.users).toHaveLength(260);
  });

  it('blocks the export when deletions exceed the export deletion threshold', async () => {
    const run = await runLab(
      `
      Enable-ADSyncExportDeletionThreshold -DeletionThreshold 10 | Out-Null
      $before = (Get-ADSyncRunProfileResult -NumberRequested 1).RunNumber
      Start-ADSyncSyncCycle | Out-Null
      ${waitAndSummarize}
      Enable-ADSyncExportDeletionThreshold -DeletionThreshold 500 | Out-Null
      Out-LabJson @($summary | Where-Object { $_.profile -eq 'Export' } | ForEach-Object { "$($_.connector)|$($_.result)" })
      `,
      { folder, env },
    );
    expect(run.json).toEqual(['contoso.com|success', 'contoso.onmicrosoft.com - AAD|stopped-deletion-threshold-exceeded']);
    expect((await readCloud()).users).toHaveLength(260);
  });
});
