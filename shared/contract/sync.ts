import { z } from 'zod';
import { requestSpec } from './define';

/** Request channels of the sync area. */
export const syncChannels = {} as const satisfies Record<string, ReturnType<typeof requestSpec>>;

/** Events main pushes in the sync area. */
export const syncEvents = {} as const satisfies Record<string, z.ZodType>;
