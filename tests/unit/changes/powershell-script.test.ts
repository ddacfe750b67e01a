import { describe, expect, it } from 'vitest';
import { buildChangePlan } from '../../../shared/changes/plan';
import { planPowerShell, psQuote } from '../../../shared/changes/powershell-script';
import { contosoBaseline, unchangedEdit } from './fixtures';

describe('psQuote', () => {
  it('makes a single-quoted literal, doubling the quotes PowerShell ends a string at, and nothing else', () => {
    expect(psQuote("O'Brien")).toBe("'O''Brien'");
    expect(psQuote('‘left’ ‚low‛')).toBe("'‘‘left’’ ‚‚low‛‛'");
    expect(psQuote('"$(Remove-Item C:\\ -Recurse)"; `n $env:TEMP')).toBe('\'"$(Remove-Item C:\\ -Recurse)"; `n $env:TEMP\'');
    expect(psQuote('Отдел продаж 営業')).toBe("'Отдел продаж 営業'");
    expect(psQuote('')).toBe("''");
  });
});

describe('planPowerShell', () => {
  const edit = unchangedEdit();
  edit.directories[0]!.partitions[0]!.containerExclusions = ['DC=contoso,DC=com', "OU=O'Brien,OU=CORP,DC=contoso,DC=com"];
  edit.features.passwordHashSync = true;
  edit.features.passwordWriteback = true;
  const plan = buildChangePlan(contosoBaseline, { kind: 'customize', edit, startSync: true }, { cloudDirectory: 'Azure AD' });
  const script = planPowerShell(plan, { taskTitle: 'Customize synchronization options' });

  it('wraps the changes in the documented scheduler pattern, restoring the previous SyncCycleEnabled in finally', () => {
    const order = ['$syncCycleWasEnabled = $scheduler.SyncCycleEnabled', 'Set-ADSyncScheduler -SyncCycleEnabled $false', 'try {', 'finally {', 'Set-ADSyncScheduler -SyncCycleEnabled $syncCycleWasEnabled', 'Start-ADSyncSyncCycle -PolicyType Initial'];
    const positions = order.map((text) => script.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(script).toContain('if ($scheduler.SchedulerSuspended) { throw');
    expect(script).not.toMatch(/-SchedulerSuspended/);
  });

  it('lists each step with its cmdlets and quoted values, and marks the cmdlets Microsoft does not document', () => {
    expect(script).toContain("$partition.ConnectorPartitionScope.ContainerExclusionList.Add('OU=O''Brien,OU=CORP,DC=contoso,DC=com')");
    expect(script).toContain("Set-ADSyncAADPasswordResetConfiguration -Connector 'contoso.onmicrosoft.com - AAD' -Enable $true");
    expect(script).toContain("Set-ADSyncAADPasswordSyncConfiguration -SourceConnector 'contoso.com' -TargetConnector 'contoso.onmicrosoft.com - AAD' -Enable $true");
    expect(script).toContain('# Not documented by Microsoft: Get-ADSyncConnector, Add-ADSyncConnector.');
    expect(script).not.toMatch(/Not documented by Microsoft:[^\n]*Set-ADSyncScheduler/);
    // Only PowerShell: every line is code, a comment or blank.
    for (const line of script.split('\n')) expect(line.trim() === '' || line.trim().startsWith('#') || /^[\s$A-Za-z{}(@]/.test(line)).toBe(true);
  });
});
