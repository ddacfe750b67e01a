import { z } from 'zod';
import { requestSpec } from './define';
import { brandingSchema } from '../branding';

export const appInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  target: z.enum(['lab', 'server']),
  branding: brandingSchema,
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const noParams = z.object({}).strict();

/** Channels of the app shell itself: identity, external links, closing the wizard. */
export const appChannels = {
  'app:get-info': requestSpec(noParams, appInfoSchema),
  'app:open-external': requestSpec(z.object({ url: z.url().max(2048) }).strict(), z.object({ opened: z.boolean() })),
  'app:exit': requestSpec(noParams, z.object({ closing: z.boolean() })),
} as const;
