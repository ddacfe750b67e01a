import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLabFolder, removeLabFolder, runLab, stateFileName } from './lab-pwsh';

/** The contoso-current profile: a 2.x standby server, and the cmdlets only it has. One seed for the whole file. */
let folder = '';

beforeAll(async () => {
  folder = await makeLabFolder();
});

afterAll(async () => {
  await removeLabFolder(folder);
});

const current = { ADSYNC_LAB_PROFILE: 'contoso-current' };

describe('lab profile contoso-current', () => {
  it('is seeded once with its profile, which the folder keeps whatever ADSYNC_LAB_PROFILE says later', async () => {
    const seeded = await runLab(`Get-ADSyncScheduler | Out-Null; Out-LabJson ([bool](Get-Command Get-ADSyncConnectorStatistics -ErrorAction SilentlyContinue))`, { folder, env: current });
    expect(seeded.json).toBe(true);
    const state = JSON.parse(await readFile(join(folder, stateFileName), 'utf8')) as { profile: string };
    expect(state.profile).toBe('contoso-current');
    const later = await runLab(`Out-LabJson ([bool](Get-Command Get-ADSyncConnectorStatistics -ErrorAction SilentlyContinue))`, { folder, env: { ADSYNC_LAB_PROFILE: 'contoso' } });
    expect(later.json).toBe(true);
    const other = await makeLabFolder();
    const unknown = await runLab(`try { Get-ADSyncScheduler | Out-Null } catch { Out-LabJson $_.Exception.Message }`, { folder: other, env: { ADSYNC_LAB_PROFILE: 'fabrikam' } });
    await removeLabFolder(other);
    expect(unknown.json).toMatch(/Unknown lab profile 'fabrikam'/);
  });

  it('answers like a 2.2.1.0 standby: its settings, password hash sync on both halves, writeback off, cycles that picked up changes', async () => {
    const run = await runLab(
      `
      $aad = 'contoso.onmicrosoft.com - AAD'
      $history = @(Get-ADSyncRunProfileResult)
      $first = $history[-1]
      Out-LabJson ([ordered]@{
        names = @((Get-ADSyncGlobalSettings).Parameters | ForEach-Object Name)
        signOn = (Get-ADSyncGlobalSettings).Parameters['Microsoft.UserSignIn.SignOnMethod'].Value
        version = (Get-ADSyncGlobalSettings).Parameters['Microsoft.Synchronize.ServerConfigurationVersion'].Value
        staging = (Get-ADSyncScheduler).StagingModeEnabled
        tenant = (Get-ADSyncAADCompanyFeature).PasswordHashSync
        connector = (Get-ADSyncAADPasswordSyncConfiguration -SourceConnector 'contoso.com').Enabled
        reset = Get-LabShape (Get-ADSyncAADPasswordResetConfiguration -Connector $aad)
        resetEnabled = (Get-ADSyncAADPasswordResetConfiguration -Connector $aad).Enabled
        statistics = Get-LabShape (Get-ADSyncConnectorStatistics -ConnectorName $aad)
        pending = Get-ADSyncConnectorStatistics -ConnectorName $aad | Select-Object ExportAdds, ExportUpdates, ExportDeletes
        exports = @($history | Where-Object RunProfileName -eq 'Export').Count
        firstImport = Get-ADSyncRunStepResult -RunHistoryId $first.RunHistoryId | Select-Object StageAdd, StageUpdate
      })
      `,
      { folder, env: current },
    );
    expect(run.stderr).toBe('');
    const out = run.json as Record<string, unknown>;
    expect(out['names']).toHaveLength(41);
    expect(out['names']).not.toContain('Microsoft.OptionalFeature.PasswordHashSync');
    expect(out).toMatchObject({ signOn: 'PasswordHashSync', version: '2.2.1.0', staging: true, tenant: true, connector: true, resetEnabled: false, exports: 0 });
    expect((out['reset'] as Array<{ name: string }>).map((p) => p.name)).toEqual(['Connector', 'Enabled', 'ModifiedTimestamp', 'OnboardingRequiredStatus', 'ServiceStatus']);
    expect((out['statistics'] as Array<{ name: string; type: string }>).map((p) => `${p.name}:${p.type}`)).toEqual([
      'ExportAdds:System.Int32', 'ExportUpdates:System.Int32', 'ExportDeletes:System.Int32', 'ImportAdds:System.Int32',
      'ImportUpdates:System.Int32', 'ImportDeletes:System.Int32', 'ImportNoChange:System.Int32', 'TotalConnectors:System.Int32',
    ]);
    expect(out['pending']).toEqual({ ExportAdds: 40, ExportUpdates: 6, ExportDeletes: 4 });
    expect(out['firstImport']).toEqual({ StageAdd: 42, StageUpdate: 6 });
  });

  it('prompts for a credential on a first writeback enable, which a non-interactive session refuses; nothing changes', async () => {
    const run = await runLab(
      `
      $aad = 'contoso.onmicrosoft.com - AAD'
      try { Set-ADSyncAADPasswordResetConfiguration -Connector $aad -Enable $true -ErrorAction Stop; $caught = $null }
      catch { $caught = [ordered]@{ id = $_.FullyQualifiedErrorId; type = $_.Exception.GetType().FullName; message = $_.Exception.Message } }
      # The prompt leaves "User: " without a line end.
      [Console]::Out.WriteLine()
      Out-LabJson ([ordered]@{ caught = $caught; enabled = (Get-ADSyncAADPasswordResetConfiguration -Connector $aad).Enabled })
      `,
      { folder, env: current },
    );
    expect(run.json).toEqual({
      caught: {
        id: 'InvalidOperation,Set-ADSyncAADPasswordResetConfiguration',
        type: 'System.Management.Automation.PSInvalidOperationException',
        message: 'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
      },
      enabled: false,
    });
  });

  it('turns staging off as the native wizard would (Set-ADSyncLabStagingMode), after which a cycle exports the pending changes', async () => {
    const run = await runLab(
      `
      Set-ADSyncLabStagingMode -Enabled $false -Confirm:$false
      $env:ADSYNC_LAB_CYCLE_SECONDS = '1'
      Start-ADSyncSyncCycle | Out-Null
      while ((Get-ADSyncScheduler).SyncCycleInProgress) { Start-Sleep -Milliseconds 200 }
      $export = @(Get-ADSyncRunProfileResult -NumberRequested 10 | Where-Object { $_.RunProfileName -eq 'Export' -and $_.ConnectorName -like '*AAD' })[0]
      Out-LabJson ([ordered]@{
        staging = (Get-ADSyncScheduler).StagingModeEnabled
        exported = Get-ADSyncRunStepResult -RunHistoryId $export.RunHistoryId | Select-Object ExportAdd, ExportUpdate, ExportDelete
        pending = Get-ADSyncConnectorStatistics -ConnectorName 'contoso.onmicrosoft.com - AAD' | Select-Object ExportAdds, ExportUpdates, ExportDeletes
      })
      `,
      { folder, env: current },
    );
    expect(run.stderr).toBe('');
    expect(run.json).toEqual({
      staging: false,
      exported: { ExportAdd: 40, ExportUpdate: 6, ExportDelete: 4 },
      pending: { ExportAdds: 0, ExportUpdates: 0, ExportDeletes: 0 },
    });
  });
});

describe('lab profile contoso (the 2016 build)', () => {
  it('has no Get-ADSyncConnectorStatistics, and a writeback configured before enables without a credential', async () => {
    const contoso = await makeLabFolder();
    try {
      const run = await runLab(
        `
        $aad = 'contoso.onmicrosoft.com - AAD'
        $said = Set-ADSyncAADPasswordResetConfiguration -Connector $aad -Enable $true
        Out-LabJson ([ordered]@{
          statistics = [bool](Get-Command Get-ADSyncConnectorStatistics -ErrorAction SilentlyContinue)
          said = $said
          enabled = (Get-ADSyncAADPasswordResetConfiguration -Connector $aad).Enabled
          notAad = @(Get-ADSyncAADPasswordResetConfiguration -Connector 'contoso.com' -ErrorAction SilentlyContinue -ErrorVariable failed).Count
          failure = $failed[0].Exception.Message
        })
        `,
        { folder: contoso },
      );
      expect(run.json).toEqual({ statistics: false, said: 'Password reset write-back is enabled', enabled: true, notAad: 0, failure: 'Unable to find connector: contoso.com' });
    } finally {
      await removeLabFolder(contoso);
    }
  });
});
