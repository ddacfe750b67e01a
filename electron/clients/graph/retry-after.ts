/**
 * HTTP statuses that say the request was not carried out and may be sent again after a pause: throttled
 * (429), service unavailable (503), gateway timeout (504) (throttling.md, json-batching.md).
 */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503 || status === 504;
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

/**
 * Retry-After in milliseconds: seconds, which Graph may write as a decimal (throttling.md's sample says
 * `2.128`), or an HTTP date; undefined when absent or unreadable.
 */
export function parseRetryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
