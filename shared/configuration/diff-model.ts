import { z } from 'zod';

export const changeKindSchema = z.enum(['added', 'removed', 'modified']);
export type ChangeKind = z.infer<typeof changeKindSchema>;

export const diffObjectTypeSchema = z.enum(['connector', 'partition', 'globalSetting', 'feature', 'scheduler', 'syncRule']);
export type DiffObjectType = z.infer<typeof diffObjectTypeSchema>;

/** Values are kept flat (scalars or lists of text) so both sides can be shown next to each other. */
export const diffValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export type DiffValue = z.infer<typeof diffValueSchema>;

export const fieldChangeSchema = z.object({
  path: z.string(),
  before: diffValueSchema,
  after: diffValueSchema,
  /** For fields compared as sets (OU inclusions/exclusions, object classes): what entered and what left. */
  added: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const summaryChangeSchema = z.object({
  kind: changeKindSchema,
  objectType: diffObjectTypeSchema,
  name: z.string(),
  id: z.string(),
  fields: z.array(fieldChangeSchema),
});
export type SummaryChange = z.infer<typeof summaryChangeSchema>;

export const summaryDiffSchema = z.object({
  changes: z.array(summaryChangeSchema),
  counts: z.object({ added: z.number(), removed: z.number(), modified: z.number() }),
});
export type SummaryDiff = z.infer<typeof summaryDiffSchema>;
