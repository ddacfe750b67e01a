import { z } from 'zod';
import { summaryDiffSchema } from '../summary/diff-model';
import { configurationViewSchema } from '../view-configuration/model';
import { requestSpec } from './define';

const noParams = z.object({}).strict();

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

const cancelled = z.object({ status: z.literal('cancelled') });

export const exportSettingsResultSchema = z.discriminatedUnion('status', [
  cancelled,
  z.object({ status: z.literal('saved'), jsonFile: z.string(), htmlFile: z.string() }),
]);
export type ExportSettingsResult = z.infer<typeof exportSettingsResultSchema>;

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
  cancelled,
  z.object({ status: z.literal('saved'), file: z.string() }),
]);
export type SaveComparisonResult = z.infer<typeof saveComparisonResultSchema>;

export const exportStageSchema = z.enum(['choosing', 'reading', 'writing']);
export type ExportStage = z.infer<typeof exportStageSchema>;

/** Request channels of the configuration area: view (read only), export, compare. */
export const configurationChannels = {
  /** The View current configuration page: live values, read only; the scheduler is not touched. */
  'configuration:get-view': requestSpec(noParams, configurationViewSchema),
  /** Save dialog, then the JSON export and the HTML report beside it. */
  'configuration:export-settings': requestSpec(noParams, exportSettingsResultSchema),
  /** Open dialog (folder or JSON file) in main; answers a token, never reads a path the renderer sent. */
  'configuration:pick-compare-source': requestSpec(
    z.object({ kind: pickableSourceKindSchema }).strict(),
    z.discriminatedUnion('status', [cancelled, z.object({ status: z.literal('picked'), source: pickedSourceSchema })]),
  ),
  'configuration:compare': requestSpec(
    z.object({ before: compareSourceRefSchema, after: compareSourceRefSchema }).strict(),
    comparisonSchema,
  ),
  'configuration:save-comparison': requestSpec(
    z.object({ comparisonId: z.uuid(), format: comparisonFormatSchema }).strict(),
    saveComparisonResultSchema,
  ),
} as const;

/** Events main pushes in the configuration area. */
export const configurationEvents = {
  /** Where a running export is, for the page's progress indicator. */
  'configuration:export-progress': z.object({ stage: exportStageSchema }),
} as const satisfies Record<string, z.ZodType>;
