import { z } from 'zod';
import { optionalFeatureKeys, type OptionalFeatureKey } from '../changes/features';

/*
 * What the View current configuration page shows: display data built in main from the live server
 * (Get-ADSync* through the bridge, plus the server's configuration export for the connector accounts).
 * A value the server does not tell is null, with a note saying why, so the page can say "Not available" plainly.
 */

export const viewRowSchema = z.object({
  /** Stable key for tests and React (e.g. `stagingMode`). */
  key: z.string(),
  label: z.string(),
  value: z.string().nullable(),
  /** Where the value comes from, or why it is missing. */
  note: z.string().optional(),
});
export type ViewRow = z.infer<typeof viewRowSchema>;

export const viewPartitionSchema = z.object({
  name: z.string(),
  distinguishedName: z.string(),
  selected: z.boolean(),
  inclusions: z.array(z.string()),
  exclusions: z.array(z.string()),
});
export type ViewPartition = z.infer<typeof viewPartitionSchema>;

export const viewDirectorySchema = z.object({
  connectorName: z.string(),
  forest: z.string(),
  /** The AD DS connector account (never its password); null when the server did not say. */
  account: z.string().nullable(),
  partitions: z.array(viewPartitionSchema),
});
export type ViewDirectory = z.infer<typeof viewDirectorySchema>;

/** The page lists the native wizard's eight optional features, in its order. */
export const viewFeatureKeys = optionalFeatureKeys;
export type ViewFeatureKey = OptionalFeatureKey;

export const viewFeatureSchema = z.object({
  key: z.enum(viewFeatureKeys),
  label: z.string(),
  /** null when the server's settings could not be read. */
  enabled: z.boolean().nullable(),
});
export type ViewFeature = z.infer<typeof viewFeatureSchema>;

export const viewLastRunSchema = z.object({
  connectorName: z.string().nullable(),
  runProfileName: z.string().nullable(),
  result: z.string().nullable(),
  endUtc: z.string().nullable(),
});

export const viewSchedulerSchema = z.object({
  /** The interval the scheduler uses now, in seconds. */
  intervalSeconds: z.number().nullable(),
  /** Set when an administrator chose an interval other than the default. */
  customIntervalSeconds: z.number().nullable(),
  nextCycleUtc: z.string().nullable(),
  nextCyclePolicyType: z.string().nullable(),
  syncCycleEnabled: z.boolean(),
  schedulerSuspended: z.boolean(),
  syncCycleInProgress: z.boolean(),
  lastRun: viewLastRunSchema.nullable(),
});
export type ViewScheduler = z.infer<typeof viewSchedulerSchema>;

export const configurationViewSchema = z.object({
  /** When main read the server (ISO-8601 UTC). */
  readAt: z.string(),
  general: z.array(viewRowSchema),
  directories: z.array(viewDirectorySchema),
  syncSettings: z.array(viewRowSchema),
  features: z.array(viewFeatureSchema),
  scheduler: viewSchedulerSchema.nullable(),
  /** Parts of the server that could not be read, in plain words; the rest of the page still shows. */
  warnings: z.array(z.string()),
});
export type ConfigurationView = z.infer<typeof configurationViewSchema>;
