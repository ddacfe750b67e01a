import { z } from 'zod';
import { summaryDiffSchema } from './diff-model';

/** A file or folder the administrator picked through a dialog in main; the renderer only ever holds its token. */
export const sourceTokenSchema = z.uuid();

/** One side of a comparison: this server (read live), or something picked earlier through a dialog. */
export const compareSourceRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('thisServer') }).strict(),
  z.object({ kind: z.literal('picked'), token: sourceTokenSchema }).strict(),
]);
export type CompareSourceRef = z.infer<typeof compareSourceRefSchema>;

export const pickableSourceKindSchema = z.enum(['exportFolder', 'jsonFile']);
export type PickableSourceKind = z.infer<typeof pickableSourceKindSchema>;

export const pickedSourceSchema = z.object({
  token: sourceTokenSchema,
  kind: pickableSourceKindSchema,
  /** What the administrator picked, to show back (the path they chose in the dialog). */
  label: z.string(),
});
export type PickedSource = z.infer<typeof pickedSourceSchema>;

/** A dialog the administrator closed without choosing. */
export const cancelledSchema = z.object({ status: z.literal('cancelled') });

export const comparisonSchema = z.object({
  /** Names the comparison kept in main, for saving it. */
  comparisonId: z.uuid(),
  beforeLabel: z.string(),
  afterLabel: z.string(),
  diff: summaryDiffSchema,
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const comparisonFormatSchema = z.enum(['json', 'html']);
export type ComparisonFormat = z.infer<typeof comparisonFormatSchema>;

export const saveComparisonResultSchema = z.discriminatedUnion('status', [
  cancelledSchema,
  z.object({ status: z.literal('saved'), file: z.string() }),
]);
export type SaveComparisonResult = z.infer<typeof saveComparisonResultSchema>;
