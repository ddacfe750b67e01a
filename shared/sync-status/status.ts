import { z } from 'zod';
import { appErrorDataSchema } from '../core/errors';
import { schedulerSchema } from '../sync-server/scheduler';

/** Counts of one run, as Synchronization Service Manager shows them; errors are failures of the run's objects. */
export const runCountsSchema = z.object({
  adds: z.number().int(),
  updates: z.number().int(),
  deletes: z.number().int(),
  errors: z.number().int(),
});
export type RunCounts = z.infer<typeof runCountsSchema>;

/** One run of a run profile on one connector (a line of the run history), newest first in lists. */
export const runRecordSchema = z.object({
  runHistoryId: z.string().nullable(),
  connectorName: z.string().nullable(),
  runProfileName: z.string().nullable(),
  /** e.g. success, completed-sync-errors, stopped-deletion-threshold-exceeded, in-progress. */
  result: z.string().nullable(),
  isRunComplete: z.boolean(),
  startUtc: z.iso.datetime().nullable(),
  endUtc: z.iso.datetime().nullable(),
  /** Null when the sync server's bridge does not report the run's step counters. */
  counts: runCountsSchema.nullable(),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

/** The tenant's side: what Microsoft Graph says about the last synchronization, once an administrator signed in. */
export const cloudSyncStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signedOut') }),
  z.object({
    state: z.literal('signedIn'),
    tenantDisplayName: z.string().nullable(),
    onPremisesSyncEnabled: z.boolean().nullable(),
    onPremisesLastSyncDateTime: z.iso.datetime().nullable(),
  }),
  z.object({ state: z.literal('failed'), error: appErrorDataSchema }),
]);
export type CloudSyncStatus = z.infer<typeof cloudSyncStatusSchema>;

export const syncStatusSchema = z.object({
  /** When main read the status (the clock the page measures ages against). */
  readAtUtc: z.iso.datetime(),
  /** Get-ADSyncScheduler as the sync server tells it. */
  scheduler: schedulerSchema,
  /** Newest first; null when the request left the run history out (`includeRuns: false`). */
  runs: z.array(runRecordSchema).nullable(),
  /** Null when the request did not ask for the cloud side. */
  cloud: cloudSyncStatusSchema.nullable(),
  /**
   * True for a poll's answer (`sinceUtc` asked): `runs` holds only the runs started since then or unfinished,
   * to merge into the runs the page has; false: `runs` is the run history's newest runs.
   */
  incremental: z.boolean(),
  /** The connectors running a step now (Get-ADSyncConnectorRunStatus); null when not read (a full read). */
  busyConnectors: z.array(z.string()).nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const getSyncStatusRequestSchema = z
  .object({
    /** How many runs of the run history to read (newest first). */
    runCount: z.number().int().min(1).max(1000).optional(),
    /** Also ask Microsoft Graph for the tenant's last sync time (only when signed in). */
    includeCloud: z.boolean().optional(),
    /** A poll during a cycle: only the runs started at or after this time, or not complete yet (one PowerShell call). */
    sinceUtc: z.iso.datetime().optional(),
    /** False: the scheduler only, the page's first quick read (a first run-history read in a session takes longest). */
    includeRuns: z.boolean().optional(),
  })
  .strict()
  .refine((request) => !(request.includeRuns === false && request.sinceUtc !== undefined), {
    message: 'A poll (sinceUtc) reads runs; it cannot leave them out.',
  });

/** Delta = changes since the last cycle; Initial = full import and full synchronization. */
export const startCycleRequestSchema = z.object({ policyType: z.enum(['Delta', 'Initial']) }).strict();
