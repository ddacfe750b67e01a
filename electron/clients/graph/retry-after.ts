/** HTTP statuses Graph asks clients to retry after a pause. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * How long to wait before the next attempt: Graph's Retry-After (seconds or an HTTP date) when
 * given, else an exponential back-off (1 s, 2 s, 4 s...); never more than `maxDelayMs`.
 */
export function retryDelayMs(retryAfter: string | null, attempt: number, maxDelayMs: number, now = Date.now()): number {
  const fromHeader = parseRetryAfterMs(retryAfter, now);
  const delay = fromHeader ?? 1000 * 2 ** Math.max(0, attempt - 1);
  return Math.min(Math.max(0, delay), maxDelayMs);
}

/** Retry-After (seconds or an HTTP date) in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
