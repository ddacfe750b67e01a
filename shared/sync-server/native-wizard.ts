import { z } from 'zod';
import { psBoolean, psDate } from './ps-values';

/** StartNativeWizard: AzureADConnect.exe started from its installation folder, or not found there. */
export const nativeWizardStartSchema = z.object({
  started: psBoolean,
  /** Where the wizard was looked for; null when this machine has no Program Files folder. */
  path: z.string().nullable(),
  processId: z.number().int().nullable(),
  startedAtUtc: psDate.nullable(),
});
export type NativeWizardStart = z.infer<typeof nativeWizardStartSchema>;
