import { describe, expect, it } from 'vitest';
import { WriteLimiter } from '../../../electron/clients/graph/write-limiter';

/** A clock the test moves; `sleep` moves it by the time asked. */
function fakeClock() {
  const clock = { now: 0, sleeps: [] as number[] };
  return {
    clock,
    now: () => clock.now,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.now += ms;
    },
  };
}

describe('WriteLimiter (Graph\'s documented directory write limits)', () => {
  it('lets 3,000 writes go at once, then paces the next ones at 20 a second (3,000 per 150 s per app and tenant)', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = new WriteLimiter({ now, sleep });
    for (let batch = 0; batch < 150; batch += 1) await limiter.acquire(20);
    expect(clock.sleeps).toEqual([]);
    const waits: number[] = [];
    await limiter.acquire(20, (ms) => waits.push(ms));
    expect(waits).toEqual([1000]);
    expect(clock.now).toBe(1000);
    await limiter.acquire(1);
    expect(clock.now).toBe(1050);
  });

  it('holds to the tighter of several quotas, and serves callers in turn', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = new WriteLimiter({ now, sleep, quotas: [{ quota: 10, windowMs: 1000 }, { quota: 4, windowMs: 4000 }] });
    const order: string[] = [];
    await Promise.all([
      limiter.acquire(4).then(() => order.push(`a@${clock.now}`)),
      limiter.acquire(2).then(() => order.push(`b@${clock.now}`)),
      limiter.acquire(1).then(() => order.push(`c@${clock.now}`)),
    ]);
    // The second quota refills one write a second: b waits 2 s, c one more.
    expect(order).toEqual(['a@0', 'b@2000', 'c@3000']);
    expect(limiter.waitFor(1)).toBe(1000);
  });
});
