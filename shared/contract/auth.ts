import { z } from 'zod';
import { deviceCodePromptSchema } from '../auth/account';
import { authStatusSchema } from '../auth/auth-status';
import { requestSpec } from './define';

const noParams = z.object({}).strict();

/** Request channels of the auth area. Sign-in requests answer once the attempt has ended. */
export const authChannels = {
  'auth:get-status': requestSpec(noParams, authStatusSchema),
  /** Interactive sign-in in the system browser; answers with the status after the attempt (its outcome in lastError). */
  'auth:sign-in': requestSpec(noParams, authStatusSchema),
  /** Device-code sign-in; the prompt arrives through `auth:device-code` (and in the status). */
  'auth:sign-in-device-code': requestSpec(noParams, authStatusSchema),
  /** Opens the pending device-code prompt's verification page in the browser (main knows the URL; none is sent). */
  'auth:open-device-code-page': requestSpec(noParams, z.object({ opened: z.boolean() })),
  'auth:cancel-sign-in': requestSpec(noParams, authStatusSchema),
  'auth:sign-out': requestSpec(noParams, authStatusSchema),
} as const;

/** Events main pushes in the auth area. */
export const authEvents = {
  /** Every change of the sign-in status. */
  'auth:status': authStatusSchema,
  /** A device-code sign-in started: show the code and the verification link. */
  'auth:device-code': deviceCodePromptSchema,
} as const satisfies Record<string, z.ZodType>;
