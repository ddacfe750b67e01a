import { z } from 'zod';
import { cancelledSchema } from './comparison';

export const exportSettingsResultSchema = z.discriminatedUnion('status', [
  cancelledSchema,
  z.object({ status: z.literal('saved'), jsonFile: z.string(), htmlFile: z.string() }),
]);
export type ExportSettingsResult = z.infer<typeof exportSettingsResultSchema>;

export const exportStageSchema = z.enum(['choosing', 'reading', 'writing']);
export type ExportStage = z.infer<typeof exportStageSchema>;
