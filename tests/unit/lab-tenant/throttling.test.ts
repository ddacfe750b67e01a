import { describe, expect, it } from 'vitest';
import { GraphThrottle, requestCost } from '../../../lab/tenant/graph/throttling';

describe('the lab tenant\'s Graph limits (identity and access, per app and tenant)', () => {
  it('lets 3,000 writes through per 150 seconds, then asks to wait for the next one to refill', () => {
    let now = 0;
    const throttle = new GraphThrottle(() => now);
    const write = requestCost('POST', 'users/x/assignLicense', new URLSearchParams());
    expect(write).toEqual({ resourceUnits: 1, writes: 1 });
    // At once: within the 8,000 resource units per 10 seconds of a large tenant.
    for (let index = 0; index < 3000; index += 1) expect(throttle.admit(write, 5000).throttled).toBe(false);
    const refused = throttle.admit(write, 5000);
    expect(refused).toMatchObject({ throttled: true, headers: { 'x-ms-throttle-information': 'WriteLimitExceeded', 'x-ms-throttle-scope': expect.stringMatching(/^Tenant_Application\/Write\//) } });
    // 20 writes a second refill: one write is back within 50 ms of the window's rate.
    if (refused.throttled) expect(refused.retryAfterSeconds).toBeLessThanOrEqual(0.05);
    now += 50;
    expect(throttle.admit(write, 5000).throttled).toBe(false);
  });

  it('costs reads as the docs say, and warns above 80 % of a limit', () => {
    expect(requestCost('GET', 'users', new URLSearchParams({ $select: 'id' }))).toEqual({ resourceUnits: 1, writes: 0 });
    expect(requestCost('GET', 'users', new URLSearchParams())).toEqual({ resourceUnits: 2, writes: 0 });
    expect(requestCost('GET', 'subscribedSkus', new URLSearchParams())).toEqual({ resourceUnits: 3, writes: 0 });
    expect(requestCost('GET', 'groups/x/members', new URLSearchParams({ $top: '5' }))).toEqual({ resourceUnits: 2, writes: 0 });
    const throttle = new GraphThrottle(() => 0);
    const read = { resourceUnits: 1, writes: 0 };
    let last = throttle.admit(read, 10);
    for (let index = 1; index < 2900; index += 1) last = throttle.admit(read, 10);
    expect(last.headers['x-ms-throttle-limit-percentage']).toBe('0.8');
    for (let index = 2900; index < 3500; index += 1) throttle.admit(read, 10);
    // A small tenant (fewer than 50 users) has 3,500 resource units per 10 seconds.
    expect(throttle.admit(read, 10)).toMatchObject({ throttled: true, headers: { 'x-ms-throttle-information': 'ResourceUnitLimitExceeded' } });
  });
});
