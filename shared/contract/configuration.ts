import { z } from 'zod';
import {
  cancelledSchema,
  compareSourceRefSchema,
  comparisonFormatSchema,
  comparisonSchema,
  pickableSourceKindSchema,
  pickedSourceSchema,
  saveComparisonResultSchema,
} from '../configuration/comparison';
import { exportSettingsResultSchema, exportStageSchema } from '../configuration/export-settings';
import { configurationViewSchema, getConfigurationViewRequestSchema } from '../configuration/view';
import { requestSpec } from './define';

const noParams = z.object({}).strict();

/** Request channels of the configuration area: view (read only), export, compare. */
export const configurationChannels = {
  /** The View current configuration page: live values, read only; the scheduler is not touched. */
  'configuration:get-view': requestSpec(getConfigurationViewRequestSchema, configurationViewSchema),
  /** Save dialog, then the JSON export and the HTML report beside it. */
  'configuration:export-settings': requestSpec(noParams, exportSettingsResultSchema),
  /** Open dialog (folder or JSON file) in main; answers a token, never reads a path the renderer sent. */
  'configuration:pick-compare-source': requestSpec(
    z.object({ kind: pickableSourceKindSchema }).strict(),
    z.discriminatedUnion('status', [cancelledSchema, z.object({ status: z.literal('picked'), source: pickedSourceSchema })]),
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
