import type { ChangePlan, PlanStep } from './plan';

/*
 * "Show the PowerShell" on Ready to configure: the plan as a script an administrator can audit, copy and
 * run by hand in a PowerShell session where ADSync is imported, doing what the app's apply does and
 * nothing more. Every value is a single-quoted literal, so nothing in a name is ever run. Only PowerShell
 * and comments: no prose outside comments.
 */

/** The cmdlets on Microsoft's ADSync reference page (adsync-powershell.md, "Documented"); any other is marked. */
const documentedCmdlets = new Set([
  'Add-ADSyncAADServiceAccount',
  'Add-ADSyncADDSConnectorAccount',
  'Disable-ADSyncExportDeletionThreshold',
  'Enable-ADSyncExportDeletionThreshold',
  'Get-ADSyncExportDeletionThreshold',
  'Get-ADSyncAutoUpgrade',
  'Set-ADSyncAutoUpgrade',
  'Get-ADSyncCSObject',
  'Get-ADSyncCSObjectLog',
  'Get-ADSyncDatabaseConfiguration',
  'Get-ADSyncMVObject',
  'Get-ADSyncRunProfileResult',
  'Get-ADSyncRunStepResult',
  'Get-ADSyncScheduler',
  'Set-ADSyncScheduler',
  'Get-ADSyncSchedulerConnectorOverride',
  'Set-ADSyncSchedulerConnectorOverride',
  'Invoke-ADSyncCSObjectPasswordHashSync',
  'Invoke-ADSyncRunProfile',
  'Remove-ADSyncAADServiceAccount',
  'Start-ADSyncPurgeRunHistory',
  'Start-ADSyncSyncCycle',
  'Stop-ADSyncSyncCycle',
  'Stop-ADSyncRunProfile',
  'Sync-ADSyncCSObject',
  'Test-AdSyncAzureServiceConnectivity',
  'Test-AdSyncUserHasPermissions',
]);

/**
 * A PowerShell single-quoted string literal. Inside one, PowerShell ends the string at ' and at the
 * typographic quotes ‘ ’ ‚ ‛ alike, and reads each of them doubled as one; nothing else ($, `, ", ;) is special.
 */
export function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`;
}

const psBool = (value: boolean): string => (value ? '$true' : '$false');

/** Comment text: a line break in a title or name must not end the comment. */
const comment = (text: string): string => `# ${text.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')}`;

interface StepScript {
  readonly cmdlets: readonly string[];
  readonly lines: readonly string[];
}

function globalSettingLines(name: string, value: boolean): string[] {
  return [
    '$settings = Get-ADSyncGlobalSettings',
    `$settings.Parameters[${psQuote(name)}].Value = ${psQuote(value ? 'True' : 'False')}`,
    'Set-ADSyncGlobalSettings -GlobalSettings $settings | Out-Null',
  ];
}

function listLines(list: string, values: readonly string[]): string[] {
  return [`${list}.Clear()`, ...values.map((value) => `${list}.Add(${psQuote(value)})`)];
}

function changeStep(step: Exclude<PlanStep, { kind: 'pauseSyncCycles' | 'restoreSyncCycles' | 'startSyncCycle' }>): StepScript {
  switch (step.kind) {
    case 'setPasswordWriteback':
      return {
        cmdlets: ['Set-ADSyncAADPasswordResetConfiguration', ...(step.recordSetting ? ['Get-ADSyncGlobalSettings', 'Set-ADSyncGlobalSettings'] : [])],
        lines: [
          `Set-ADSyncAADPasswordResetConfiguration -Connector ${psQuote(step.connector)} -Enable ${psBool(step.enable)} | Out-Null`,
          ...(step.recordSetting ? globalSettingLines(step.recordSetting, step.enable) : []),
        ],
      };
    case 'setPartitionFilters':
      return {
        cmdlets: ['Get-ADSyncConnector', 'Add-ADSyncConnector'],
        lines: [
          `$connector = Get-ADSyncConnector -Name ${psQuote(step.connectorName)}`,
          ...step.partitions.flatMap((partition) => [
            `$partition = @($connector.Partitions | Where-Object { $_.DN -eq ${psQuote(partition.dn)} })[0]`,
            `$partition.Selected = ${psBool(partition.selected)}`,
            ...listLines('$partition.ConnectorPartitionScope.ContainerInclusionList', partition.containerInclusions),
            ...listLines('$partition.ConnectorPartitionScope.ContainerExclusionList', partition.containerExclusions),
          ]),
          'Add-ADSyncConnector -Connector $connector | Out-Null',
        ],
      };
    case 'setPasswordHashSync':
      return {
        cmdlets: ['Set-ADSyncAADPasswordSyncConfiguration', 'Set-ADSyncAADCompanyFeature', ...(step.recordSetting ? ['Get-ADSyncGlobalSettings', 'Set-ADSyncGlobalSettings'] : [])],
        lines: [
          ...step.sourceConnectors.map(
            (source) =>
              `Set-ADSyncAADPasswordSyncConfiguration -SourceConnector ${psQuote(source)} -TargetConnector ${psQuote(step.targetConnector)} -Enable ${psBool(step.enable)} | Out-Null`,
          ),
          `Set-ADSyncAADCompanyFeature -PasswordHashSync ${psBool(step.enable)} | Out-Null`,
          ...(step.recordSetting ? globalSettingLines(step.recordSetting, step.enable) : []),
        ],
      };
  }
}

function undocumentedNote(cmdlets: readonly string[]): string[] {
  const undocumented = [...new Set(cmdlets)].filter((cmdlet) => !documentedCmdlets.has(cmdlet));
  return undocumented.length > 0 ? [comment(`Not documented by Microsoft: ${undocumented.join(', ')}.`)] : [];
}

const indent = (lines: readonly string[]): string[] => lines.map((line) => (line.startsWith('#') || line === '' ? `    ${line}`.trimEnd() : `    ${line}`));

/** The script of a plan, as the text the Copy button copies. */
export function planPowerShell(plan: ChangePlan, options: { readonly taskTitle: string }): string {
  const lines: string[] = [
    comment(`${options.taskTitle}: the changes Ready to configure lists, as PowerShell.`),
    comment('Run as an administrator on the sync server, in a PowerShell session where the ADSync module is imported.'),
    "$ErrorActionPreference = 'Stop'",
  ];
  const pause = plan.steps.find((step) => step.kind === 'pauseSyncCycles');
  const restore = plan.steps.find((step) => step.kind === 'restoreSyncCycles');
  const changes = plan.steps.filter((step) => step.kind !== 'pauseSyncCycles' && step.kind !== 'restoreSyncCycles' && step.kind !== 'startSyncCycle');
  if (pause) {
    lines.push(
      '',
      comment('Before any change (the documented pattern): nothing while Azure AD Connect has suspended the scheduler or a cycle runs.'),
      '$scheduler = Get-ADSyncScheduler',
      "if ($scheduler.SchedulerSuspended) { throw 'Azure AD Connect''s own wizard is open on this server, or an upgrade is running. Nothing was changed.' }",
      "if ($scheduler.SyncCycleInProgress) { throw 'A synchronization cycle is running. Nothing was changed. Run this again when it has finished.' }",
      '$syncCycleWasEnabled = $scheduler.SyncCycleEnabled',
      '',
      comment(pause.title),
      'Set-ADSyncScheduler -SyncCycleEnabled $false | Out-Null',
      'try {',
    );
    for (const step of changes) {
      const script = changeStep(step);
      lines.push(...indent(['', comment(step.title), ...undocumentedNote(script.cmdlets), ...script.lines]));
    }
    lines.push('}', 'finally {', ...indent([comment(restore?.title ?? 'Restore scheduled synchronization cycles'), 'Set-ADSyncScheduler -SyncCycleEnabled $syncCycleWasEnabled | Out-Null']), '}');
  }
  for (const step of plan.steps) {
    if (step.kind !== 'startSyncCycle') continue;
    lines.push('', comment(step.title), `Start-ADSyncSyncCycle -PolicyType ${step.policyType} | Out-Null`);
  }
  if (plan.steps.length === 0) lines.push('', comment('Nothing to change.'));
  return `${lines.join('\n')}\n`;
}
