import { z } from 'zod';
import { brandingSchema } from '../core/branding';

/** What the app is: its name and version, where it points (lab or server) and the branding it shows. */
export const appInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  target: z.enum(['lab', 'server']),
  branding: brandingSchema,
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
