import { z } from 'zod';
import { psArray, psBoolean, psInteger, psText } from './ps-values';

export const syncRuleSchema = z.object({
  identifier: z.string().nullable(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  direction: psText.nullable(),
  precedence: psInteger.nullable(),
  connector: z.string().nullable(),
  disabled: psBoolean,
  sourceObjectType: z.string().nullable(),
  targetObjectType: z.string().nullable(),
  linkType: psText.nullable(),
  immutableTag: z.string().nullable(),
  enablePasswordSync: psBoolean,
  isStandardRule: psBoolean.nullable(),
});
export type SyncRule = z.infer<typeof syncRuleSchema>;
export const syncRuleListSchema = psArray(syncRuleSchema);
