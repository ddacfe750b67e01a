import { open } from 'node:fs/promises';
import { z } from 'zod';
import { brandingSchema } from '../../shared/app/app-info';
import { azureClouds } from '../services/auth/cloud';

/*
 * Where each setting lives. A packaged build takes everything that chooses code, a target or an identity
 * endpoint from the machine-wide file (%ProgramData%\<product>\settings.json, administrators-only, its ACL
 * checked before it is read); the per-user file may only choose the branding. Development reads one file
 * with everything, the lab target included.
 */

const cloudNames = Object.keys(azureClouds) as [keyof typeof azureClouds, ...(keyof typeof azureClouds)[]];

const authSettingsSchema = z
  .object({
    clientId: z.uuid(),
    tenant: z.string().min(1).max(256),
    cloud: z.enum(cloudNames).default('AzurePublic'),
  })
  .strict();
export type AuthSettings = z.infer<typeof authSettingsSchema>;

/** An absolute local Windows path (`C:\...`), never a name looked up on PATH or PSModulePath, never a share. */
const absoluteWindowsPath = z
  .string()
  .max(1024)
  .regex(/^[A-Za-z]:\\[^"<>|?*\r\n]+$/, 'must be an absolute path on a local drive, such as C:\\Program Files\\...')
  .refine((value) => !value.split('\\').includes('..'), 'must not contain ".."');

/** The administrators' file. The target can only be the server: a packaged build never runs the lab. */
export const machineSettingsSchema = z
  .object({
    target: z.literal('server').optional(),
    powershellExecutable: absoluteWindowsPath.optional(),
    adSyncModule: absoluteWindowsPath.optional(),
    activeDirectoryModule: absoluteWindowsPath.optional(),
    auth: authSettingsSchema.optional(),
  })
  .strict();

/** The per-user file of a packaged build: presentation only. */
export const userSettingsSchema = z.object({ branding: brandingSchema.optional() }).strict();

/** Development: one file in the app's data folder, with the lab target. */
export const developmentSettingsSchema = z
  .object({
    target: z.enum(['lab', 'server']).optional(),
    branding: brandingSchema.optional(),
    powershellExecutable: absoluteWindowsPath.optional(),
    adSyncModule: absoluteWindowsPath.optional(),
    activeDirectoryModule: absoluteWindowsPath.optional(),
    auth: authSettingsSchema.optional(),
  })
  .strict();

/** Settings files are small; anything larger is not one. */
const maxSettingsBytes = 64 * 1024;

export type SettingsReading<T> =
  | { readonly state: 'missing'; readonly settings: Partial<T> }
  | { readonly state: 'used'; readonly settings: T }
  | { readonly state: 'ignored'; readonly settings: Partial<T>; readonly problem: string };

/** Reads a settings file; a missing file means defaults, a broken one is reported and ignored rather than half-used. */
export async function readSettingsFile<T>(file: string, schema: z.ZodType<T>): Promise<SettingsReading<T>> {
  let text: string;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxSettingsBytes) return { state: 'ignored', settings: {}, problem: `${file} is larger than ${maxSettingsBytes / 1024} KiB` };
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return { state: 'missing', settings: {} };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { state: 'ignored', settings: {}, problem: `${file} is not valid JSON (${(error as Error).message})` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { state: 'used', settings: parsed.data };
  const issue = parsed.error.issues[0];
  return { state: 'ignored', settings: {}, problem: `${file}: ${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}` };
}
