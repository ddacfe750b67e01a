import { z } from 'zod';
import { deviceCodePromptSchema, signInStatusSchema } from './account';

/**
 * The sign-in status as the renderer sees it: display data only (account, tenant, roles, the last
 * error, where the cache lives), never a token. `revision` grows with every change in main, so the
 * page keeps the newest of what arrives by answer and by event, whatever their order.
 */
export const authStatusSchema = signInStatusSchema.extend({
  revision: z.number().int().nonnegative(),
  /** While a device-code sign-in waits: what the administrator types, and where. */
  deviceCode: deviceCodePromptSchema.optional(),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;
