import { describe, expect, it } from 'vitest';
import { cloudFreshness } from '../../../shared/sync-status/cloud-staleness';

const now = Date.parse('2025-05-01T12:00:00Z');
const halfHour = 1800;

describe('cloudFreshness', () => {
  it('is fresh up to two intervals after the tenant last heard from the server', () => {
    expect(cloudFreshness('2025-05-01T11:05:00Z', halfHour, now)).toEqual({ kind: 'fresh', ageSeconds: 3300, limitSeconds: 3600 });
    expect(cloudFreshness('2025-05-01T11:00:00Z', halfHour, now).kind).toBe('fresh');
  });

  it('is stale beyond two intervals', () => {
    expect(cloudFreshness('2025-05-01T10:59:59Z', halfHour, now)).toEqual({ kind: 'stale', ageSeconds: 3601, limitSeconds: 3600 });
    expect(cloudFreshness('2025-04-28T12:00:00Z', 3 * 3600, now).kind).toBe('stale');
  });

  it('follows a customized interval: three hours allow six hours of silence', () => {
    expect(cloudFreshness('2025-05-01T07:00:00Z', 3 * 3600, now).kind).toBe('fresh');
  });

  it('says never for a tenant that was never synchronized, and unknown without an interval', () => {
    expect(cloudFreshness(null, halfHour, now)).toEqual({ kind: 'never' });
    expect(cloudFreshness('2025-05-01T10:00:00Z', null, now)).toEqual({ kind: 'unknown' });
    expect(cloudFreshness('not a date', halfHour, now)).toEqual({ kind: 'unknown' });
  });
});
