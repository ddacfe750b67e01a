/** Whether the tenant has heard from this server recently enough. */
export type CloudFreshness =
  | { readonly kind: 'fresh'; readonly ageSeconds: number; readonly limitSeconds: number }
  | { readonly kind: 'stale'; readonly ageSeconds: number; readonly limitSeconds: number }
  | { readonly kind: 'never' }
  | { readonly kind: 'unknown' };

/** A missed cycle can happen; two intervals without a sync means something is wrong. */
export const staleAfterIntervals = 2;

/**
 * Compares the tenant's onPremisesLastSyncDateTime with the scheduler's effective interval: older than two
 * intervals is stale. Unknown when the interval is not known.
 */
export function cloudFreshness(lastSyncUtc: string | null, intervalSeconds: number | null, nowMs: number): CloudFreshness {
  if (lastSyncUtc === null) return { kind: 'never' };
  const last = Date.parse(lastSyncUtc);
  if (Number.isNaN(last) || intervalSeconds === null || intervalSeconds <= 0) return { kind: 'unknown' };
  const ageSeconds = Math.max(0, (nowMs - last) / 1000);
  const limitSeconds = intervalSeconds * staleAfterIntervals;
  return { kind: ageSeconds > limitSeconds ? 'stale' : 'fresh', ageSeconds, limitSeconds };
}
