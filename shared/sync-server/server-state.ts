import { z } from 'zod';
import { connectorListSchema } from './connectors';
import { psArray } from './ps-values';
import { runListSchema } from './run-history';
import { schedulerSchema, stagingModeSchema } from './scheduler';
import { autoUpgradeSchema, companyFeaturesSchema, exportDeletionThresholdSchema, globalSettingsSchema } from './settings';

export const powerShellErrorInfoSchema = z.object({
  message: z.string(),
  errorId: z.string().nullable().optional(),
  category: z.string().nullable().optional(),
  type: z.string().nullable().optional(),
  target: z.string().nullable().optional(),
});
export type PowerShellErrorInfo = z.infer<typeof powerShellErrorInfoSchema>;

/** Everything a page load needs, in one call. A section that could not be read is null and listed in sectionErrors. */
export const serverStateSchema = z.object({
  scheduler: schedulerSchema.nullable(),
  staging: stagingModeSchema.nullable(),
  connectors: connectorListSchema.nullable(),
  globalSettings: globalSettingsSchema.nullable(),
  features: companyFeaturesSchema.nullable(),
  autoUpgrade: autoUpgradeSchema.nullable(),
  exportDeletionThreshold: exportDeletionThresholdSchema.nullable(),
  lastRuns: runListSchema.nullable(),
  sectionErrors: psArray(z.object({ section: z.string(), error: powerShellErrorInfoSchema })),
});
export type ServerState = z.infer<typeof serverStateSchema>;

export const serverConfigurationExportSchema = z.object({ path: z.string(), fileCount: z.number().int() });
export type ServerConfigurationExport = z.infer<typeof serverConfigurationExportSchema>;

export const sessionInfoSchema = z.object({
  processId: z.number().int(),
  psVersion: z.string(),
  psEdition: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
