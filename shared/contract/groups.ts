import { z } from 'zod';
import { requestSpec } from './define';

/** Request channels of the groups area. */
export const groupsChannels = {} as const satisfies Record<string, ReturnType<typeof requestSpec>>;

/** Events main pushes in the groups area. */
export const groupsEvents = {} as const satisfies Record<string, z.ZodType>;
