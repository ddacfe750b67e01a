import { z } from 'zod';
import { getSyncStatusRequestSchema, startCycleRequestSchema, syncStatusSchema } from '../sync-status/status';
import { requestSpec } from './define';

/** Request channels of the sync-status area. */
export const syncStatusChannels = {
  'sync-status:get': requestSpec(getSyncStatusRequestSchema, syncStatusSchema),
  'sync-status:start-cycle': requestSpec(startCycleRequestSchema, z.object({ result: z.string().nullable() })),
} as const satisfies Record<string, ReturnType<typeof requestSpec>>;

/** Events main pushes in the sync-status area. */
export const syncStatusEvents = {} as const satisfies Record<string, z.ZodType>;
