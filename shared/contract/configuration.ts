import { z } from 'zod';
import { requestSpec } from './define';

/** Request channels of the configuration area. */
export const configurationChannels = {} as const satisfies Record<string, ReturnType<typeof requestSpec>>;

/** Events main pushes in the configuration area. */
export const configurationEvents = {} as const satisfies Record<string, z.ZodType>;
