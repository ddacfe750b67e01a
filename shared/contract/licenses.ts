import { z } from 'zod';
import { requestSpec } from './define';

/** Request channels of the licenses area. */
export const licensesChannels = {} as const satisfies Record<string, ReturnType<typeof requestSpec>>;

/** Events main pushes in the licenses area. */
export const licensesEvents = {} as const satisfies Record<string, z.ZodType>;
