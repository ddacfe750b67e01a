import { z } from 'zod';
import { requestSpec } from './define';

/** Request channels of the auth area. */
export const authChannels = {} as const satisfies Record<string, ReturnType<typeof requestSpec>>;

/** Events main pushes in the auth area. */
export const authEvents = {} as const satisfies Record<string, z.ZodType>;
