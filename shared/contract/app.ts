import { z } from 'zod';
import { appInfoSchema } from '../app/app-info';
import { requestSpec } from './define';

const noParams = z.object({}).strict();

/** Channels of the app shell itself: identity, external links, the log folder, closing the wizard. */
export const appChannels = {
  'app:get-info': requestSpec(noParams, appInfoSchema),
  'app:open-external': requestSpec(z.object({ url: z.url().max(2048) }).strict(), z.object({ opened: z.boolean() })),
  'app:open-log-folder': requestSpec(noParams, z.object({ opened: z.boolean() })),
  'app:exit': requestSpec(noParams, z.object({ closing: z.boolean() })),
} as const;
