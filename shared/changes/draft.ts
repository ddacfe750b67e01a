import { z } from 'zod';
import { partitionFilterSchema } from '../sync-server/connectors';
import { optionalFeatureKeys, type OptionalFeatureKey } from './features';

/*
 * Drafts: the edited copies of the configuration, held by the renderer until Configure. Main receives
 * them through the contract, parses them with these schemas, and computes the plan from them itself.
 */

export const featureFlagsSchema = z
  .object(Object.fromEntries(optionalFeatureKeys.map((key) => [key, z.boolean()])) as Record<OptionalFeatureKey, z.ZodBoolean>)
  .strict();

/** One connected forest's filtering: the AD connector and its partitions. */
export const directoryFilterSchema = z
  .object({
    connectorName: z.string().min(1).max(256),
    partitions: z.array(partitionFilterSchema).max(200),
  })
  .strict();
export type DirectoryFilter = z.infer<typeof directoryFilterSchema>;

/**
 * What the Customize synchronization options pages edit: the filtering, and the optional features (the
 * handed-off ones only as they are: a draft that changes one is refused).
 */
export const customizeEditSchema = z
  .object({
    directories: z.array(directoryFilterSchema).max(50),
    features: featureFlagsSchema,
  })
  .strict();
export type CustomizeEdit = z.infer<typeof customizeEditSchema>;

export const customizeDraftRequestSchema = z
  .object({ kind: z.literal('customize'), edit: customizeEditSchema, startSync: z.boolean() })
  .strict();

/** Configure staging mode: `enabled` other than the server's is handed off to the native wizard, so a plan refuses it. */
export const stagingDraftRequestSchema = z
  .object({ kind: z.literal('staging'), enabled: z.boolean(), startSync: z.boolean() })
  .strict();

export const changeDraftSchema = z.discriminatedUnion('kind', [customizeDraftRequestSchema, stagingDraftRequestSchema]);
export type ChangeDraft = z.infer<typeof changeDraftSchema>;
