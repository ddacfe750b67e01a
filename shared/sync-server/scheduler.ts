import { z } from 'zod';
import { psBoolean, psDate, psEnum, psSeconds, psText } from './ps-values';

/** SynchronizationPolicyType; the numeric order (Unspecified = 0, Delta = 1, Initial = 2) is inferred. */
export const syncPolicyTypes = ['Unspecified', 'Delta', 'Initial'] as const;
export const syncPolicyTypeSchema = psEnum(syncPolicyTypes);

export const schedulerSchema = z.object({
  allowedSyncCycleIntervalSeconds: psSeconds.nullable(),
  currentlyEffectiveSyncCycleIntervalSeconds: psSeconds.nullable(),
  customizedSyncCycleIntervalSeconds: psSeconds.nullable(),
  nextSyncCyclePolicyType: syncPolicyTypeSchema.nullable(),
  nextSyncCycleStartTimeInUtc: psDate.nullable(),
  purgeRunHistoryIntervalSeconds: psSeconds.nullable(),
  syncCycleEnabled: psBoolean,
  maintenanceEnabled: psBoolean,
  stagingModeEnabled: psBoolean,
  schedulerSuspended: psBoolean,
  syncCycleInProgress: psBoolean,
});
export type Scheduler = z.infer<typeof schedulerSchema>;

/**
 * What Set-ADSyncScheduler may change; an omitted field is left as it is, null clears the custom interval.
 * Never SchedulerSuspended: only Azure AD Connect sets it, for its own wizard or an upgrade (real-server-tasks §6).
 */
export const schedulerChangeSchema = z
  .object({
    customizedSyncCycleIntervalSeconds: z.number().int().positive().nullable(),
    purgeRunHistoryIntervalSeconds: z.number().int().positive(),
    syncCycleEnabled: z.boolean(),
    maintenanceEnabled: z.boolean(),
    nextSyncCyclePolicyType: z.enum(syncPolicyTypes),
  })
  .partial()
  .strict();
export type SchedulerChange = z.infer<typeof schedulerChangeSchema>;

export const stagingModeSchema = z.object({ enabled: psBoolean });
export type StagingMode = z.infer<typeof stagingModeSchema>;

export const syncCycleStartSchema = z.object({ result: psText.nullable() });
export type SyncCycleStart = z.infer<typeof syncCycleStartSchema>;

export const syncCycleStopSchema = z.object({ stopRequested: psBoolean });
