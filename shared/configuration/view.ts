import { z } from 'zod';
import { optionalFeatureKeys } from '../changes/features';
import { runSchema } from '../sync-server/run-history';
import { summaryConnectorSchema, summaryPartitionSchema } from './summary';
import { schedulerSchema } from '../sync-server/scheduler';

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

/** A synchronized domain and its OU filtering: the summary's partition without its object classes. */
export const viewPartitionSchema = summaryPartitionSchema.omit({ objectClasses: true });

/** A connected forest: its AD connector's name, forest and account, and the partitions it synchronizes. */
export const viewDirectorySchema = summaryConnectorSchema.pick({ name: true }).extend({
  forest: z.string(),
  /** The AD DS connector account (never its password); null when the server did not say. */
  account: z.string().nullable(),
  partitions: z.array(viewPartitionSchema),
});
export type ViewDirectory = z.infer<typeof viewDirectorySchema>;

/** The page lists the native wizard's eight optional features, in its order. */
export const viewFeatureKeys = optionalFeatureKeys;

export const viewFeatureSchema = z.object({
  key: z.enum(viewFeatureKeys),
  label: z.string(),
  /** null when the server's settings could not be read. */
  enabled: z.boolean().nullable(),
});
export type ViewFeature = z.infer<typeof viewFeatureSchema>;

/** A run of the run history as the page shows it: when it ended (or started, while it runs). */
export const viewLastRunSchema = runSchema.pick({ connectorName: true, runProfileName: true, result: true }).extend({ endUtc: z.string().nullable() });
export type ViewLastRun = z.infer<typeof viewLastRunSchema>;

export const configurationViewSchema = z.object({
  /** When main read the server (ISO-8601 UTC). */
  readAt: z.string(),
  general: z.array(viewRowSchema),
  directories: z.array(viewDirectorySchema),
  syncSettings: z.array(viewRowSchema),
  features: z.array(viewFeatureSchema),
  /** Get-ADSyncScheduler as the sync server tells it; null when it could not be read. */
  scheduler: schedulerSchema.nullable(),
  /** The newest finished run of the run history; null when the history is empty or unreadable. */
  lastRun: viewLastRunSchema.nullable(),
  /** Parts of the server that could not be read, in plain words; the rest of the page still shows. */
  warnings: z.array(z.string()),
  /**
   * True while what only the server's configuration export tells (connector accounts, server name and
   * version, the AD connector's password hash sync) is still being read: those values are null meanwhile.
   */
  exportPending: z.boolean(),
});

/** The page asks first without the (slow) configuration export, then with it in the background. */
export const getConfigurationViewRequestSchema = z.object({ withExport: z.boolean().optional() }).strict();
export type ConfigurationView = z.infer<typeof configurationViewSchema>;
