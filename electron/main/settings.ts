import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { brandingSchema } from '../../shared/core/branding';
import { azureClouds } from '../services/auth/cloud';

const cloudNames = Object.keys(azureClouds) as [keyof typeof azureClouds, ...(keyof typeof azureClouds)[]];

/** The administrator's settings file (`settings.json` in the app's data folder); every field optional. */
export const settingsSchema = z
  .object({
    target: z.enum(['lab', 'server']).optional(),
    branding: brandingSchema.optional(),
    powershellExecutable: z.string().min(1).max(1024).optional(),
    adSyncModule: z.string().min(1).max(1024).optional(),
    auth: z
      .object({
        clientId: z.uuid(),
        tenant: z.string().min(1).max(256),
        cloud: z.enum(cloudNames).default('AzurePublic'),
      })
      .optional(),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

/** Reads the settings; a missing file means defaults, a broken one is reported and ignored rather than half-used. */
export async function loadSettings(file: string): Promise<{ settings: Settings; problem?: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { settings: {} };
  }
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { settings: parsed.data };
    const issue = parsed.error.issues[0];
    return { settings: {}, problem: `${file}: ${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}` };
  } catch (error) {
    return { settings: {}, problem: `${file}: not valid JSON (${(error as Error).message})` };
  }
}
