import { z } from 'zod';

/** Every error code a request can fail with. The renderer switches on these, never on messages. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'FORBIDDEN_SENDER',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
  'NOT_ALLOWED_URL',
  'POWERSHELL_UNAVAILABLE',
  'MODULE_NOT_FOUND',
  'TIMEOUT',
  'SESSION_CRASHED',
  'INVALID_OUTPUT',
  'POWERSHELL_ERROR',
  'SYNC_ALREADY_RUNNING',
  'MEMBER_EXISTS',
  'MEMBER_NOT_FOUND',
  'PRINCIPAL_NOT_FOUND',
  'GROUP_NOT_FOUND',
  'DIRECTORY_UNREACHABLE',
  'NOT_SIGNED_IN',
  'SIGN_IN_CANCELLED',
  'SIGN_IN_FAILED',
  'PASSWORD_EXPIRED',
  'MFA_REQUIRED',
  'NO_ADMIN_ROLE',
  'WRONG_TENANT',
  'PERSONAL_ACCOUNT',
  'NETWORK_UNREACHABLE',
  'GRAPH_ERROR',
  'THROTTLED',
  'USAGE_LOCATION_MISSING',
  'NOT_ENOUGH_LICENSES',
  'LICENSE_INHERITED',
  'PLAN_ALREADY_APPLIED',
  'PLAN_STALE',
  'PLAN_IN_PROGRESS',
  'SCHEDULER_SUSPENDED',
  'SCHEDULER_NOT_RESTORED',
  'FILE_NOT_FOUND',
  'NOT_AN_EXPORT',
  'MALFORMED_INPUT',
  'CANCELLED',
  'ACCESS_DENIED',
  'GRAPH_UNAVAILABLE',
  'CHANGE_HANDED_OFF',
  'INTERACTIVE_SIGN_IN_REQUIRED',
  'NATIVE_WIZARD_NOT_FOUND',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorDataSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  detail: z.string().optional(),
});
export type AppErrorData = z.infer<typeof appErrorDataSchema>;

/** An error with a typed code; services throw it, the IPC host turns it into a failed result. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): AppErrorData {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
