import { describe, expect, it } from 'vitest';
import { isRetryableStatus, retryDelayMs } from '../../../electron/clients/graph/retry-after';

describe('retryDelayMs', () => {
  it('waits the seconds Graph asks for', () => {
    expect(retryDelayMs('7', 1, 60_000)).toBe(7_000);
  });

  it('reads an HTTP date', () => {
    const now = Date.parse('2025-05-01T10:00:00Z');
    expect(retryDelayMs('Thu, 01 May 2025 10:00:05 GMT', 1, 60_000, now)).toBe(5_000);
  });

  it('backs off exponentially without Retry-After', () => {
    expect([1, 2, 3].map((attempt) => retryDelayMs(null, attempt, 60_000))).toEqual([1_000, 2_000, 4_000]);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelayMs('3600', 1, 60_000)).toBe(60_000);
  });

  it('reads the decimal seconds Graph may send (its own sample says 2.128)', () => {
    expect(retryDelayMs('2.128', 1, 60_000)).toBe(2_128);
    expect(retryDelayMs('0.017', 1, 60_000)).toBe(17);
  });

  it('retries only what says it was not carried out: throttling, unavailability, gateway timeout', () => {
    expect([429, 503, 504, 500, 400, 424].map(isRetryableStatus)).toEqual([true, true, true, false, false, false]);
  });
});
