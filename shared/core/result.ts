import type { AppErrorData } from './errors';

/** What every request returns across IPC: errors travel as data because thrown errors lose their shape. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorData): Result<never> => ({ ok: false, error });
