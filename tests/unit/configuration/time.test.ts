import { describe, expect, it } from 'vitest';
import { defaultComparisonFileName, formatUtc } from '../../../shared/configuration/time';
import { formatInterval } from '../../../shared/sync-status/format';

describe('scheduler intervals', () => {
  it('describes an interval in words, largest unit first', () => {
    expect(formatInterval(1800)).toBe('30 minutes');
    expect(formatInterval(3600)).toBe('1 hour');
    expect(formatInterval(5400)).toBe('1 hour 30 minutes');
    expect(formatInterval(604_800)).toBe('7 days');
  });

  it('formats a UTC instant without milliseconds and says it is UTC', () => {
    expect(formatUtc('2026-11-26T01:11:43.354Z')).toBe('2026-11-26 01:11:43 UTC');
  });

  it('names a saved comparison with a local timestamp', () => {
    expect(defaultComparisonFileName(new Date(2024, 0, 2, 3, 4, 5), 'html')).toBe('ConnectWizard-Comparison-20240102-030405.html');
  });
});
