import { z } from 'zod';

/*
 * Configure staging mode. The switch itself is handed off: the native wizard is its supported writer and
 * moves password hash sync and password writeback with it (lab/README.md, "Staging mode"). The app reads
 * what governs the switch and checks the pending exports before a staging server becomes active.
 */

/** What the staging task reads: the setting, whether a cycle runs, and the features that follow staging. */
export const stagingStateSchema = z.object({
  /** Get-ADSyncScheduler's StagingModeEnabled. */
  enabled: z.boolean(),
  syncCycleInProgress: z.boolean(),
  /** Password hash sync as configured (any AD connector, and the tenant's feature; null when unreadable). It runs only when staging is off. */
  passwordHashSync: z.object({ connectors: z.boolean(), tenant: z.boolean().nullable() }),
  /** Password writeback as configured on the Azure AD connector; null when unreadable. It runs only when staging is off. */
  passwordWriteback: z.boolean().nullable(),
  /** Microsoft.Synchronize.ServerConfigurationVersion, null when not recorded. */
  serverVersion: z.string().nullable(),
});
export type StagingState = z.infer<typeof stagingStateSchema>;

/** What Additional tasks shows: staging mode for its notice and the build that names a task; two quick reads. */
export const serverModeSchema = stagingStateSchema.pick({ enabled: true, serverVersion: true });
export type ServerMode = z.infer<typeof serverModeSchema>;

const count = z.number().int().nullable();

/** What a staging server would export once it is active, per connector, and the guard against mass deletes. */
export const pendingExportsSchema = z.object({
  /** Get-ADSyncConnectorStatistics where the build has it; otherwise the csexport route, without counts. */
  source: z.enum(['connector-statistics', 'csexport']),
  connectors: z.array(z.object({ name: z.string(), cloud: z.boolean(), adds: count, updates: count, deletes: count })),
  deletionThreshold: z.object({ enabled: z.boolean(), threshold: z.number().nullable() }),
  /** The csexport commands for each connector (how-to-connect-sync-staging-server, "Verify"). */
  csexportCommands: z.array(z.string()),
});
export type PendingExports = z.infer<typeof pendingExportsSchema>;

const engineBin = '%ProgramFiles%\\Microsoft Azure AD Sync\\Bin';

/** csexport to list a connector's pending exports, and CSExportAnalyzer to make them a CSV. */
export function csexportCommands(connectorNames: readonly string[]): string[] {
  return connectorNames.flatMap((name, index) => [
    `"${engineBin}\\csexport.exe" "${name}" %temp%\\export-${index + 1}.xml /f:x`,
    `"${engineBin}\\CSExportAnalyzer.exe" %temp%\\export-${index + 1}.xml > %temp%\\export-${index + 1}.csv`,
  ]);
}

/** The deletes the Azure AD connector would export, when they exceed the export deletion threshold. */
export function deletesOverThreshold(pending: PendingExports): number | null {
  const { enabled, threshold } = pending.deletionThreshold;
  if (!enabled || threshold === null) return null;
  const deletes = pending.connectors.filter((connector) => connector.cloud).reduce((sum, connector) => sum + (connector.deletes ?? 0), 0);
  return deletes > threshold ? deletes : null;
}
