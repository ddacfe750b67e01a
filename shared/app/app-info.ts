import { z } from 'zod';
import { brandings } from '../core/branding';

export const brandingSchema = z.enum(brandings);

/** What the app is: its name and version, where it points (lab or server), the branding it shows, and its log. */
export const appInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  target: z.enum(['lab', 'server']),
  branding: brandingSchema,
  platform: z.string(),
  /** Shown as text in About: the folder of the log that "see the log" messages name. */
  logFolder: z.string(),
  /** Why the machine-wide settings file was not used, when it was not (shown in About and on the banner). */
  settingsNotice: z.string().optional(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
