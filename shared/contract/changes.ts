import { z } from 'zod';
import { requestSpec } from './define';

/** Request channels of the changes area. */
export const changesChannels = {} as const satisfies Record<string, ReturnType<typeof requestSpec>>;

/** Events main pushes in the changes area. */
export const changesEvents = {} as const satisfies Record<string, z.ZodType>;
