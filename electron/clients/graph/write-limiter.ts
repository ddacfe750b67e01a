/**
 * A quota of `quota` writes per `windowMs`, refilled continuously: Graph's own model for its directory
 * limits (throttling-limits.md: "request costs are summed and compared to these quotas").
 */
export interface WriteQuota {
  readonly quota: number;
  readonly windowMs: number;
}

/**
 * Graph's documented directory write limits (identity and access service limits, licensing-at-scale §5):
 * 3,000 writes per 2 min 30 s per app and tenant, 18,000 per 5 min per tenant (shared with every other
 * app, so this app alone may use it all only in theory), 70,000 per 5 min per app.
 */
export const documentedWriteQuotas: readonly WriteQuota[] = [
  { quota: 3_000, windowMs: 150_000 },
  { quota: 18_000, windowMs: 300_000 },
  { quota: 70_000, windowMs: 300_000 },
];

class TokenBucket {
  private level: number;
  private updatedAt: number;

  constructor(
    private readonly limit: WriteQuota,
    now: number,
  ) {
    this.level = limit.quota;
    this.updatedAt = now;
  }

  private refill(now: number): void {
    this.level = Math.min(this.limit.quota, this.level + ((now - this.updatedAt) * this.limit.quota) / this.limit.windowMs);
    this.updatedAt = now;
  }

  /** Milliseconds until `count` writes fit; 0 when they fit now. */
  waitFor(count: number, now: number): number {
    this.refill(now);
    return this.level >= count ? 0 : Math.ceil(((count - this.level) * this.limit.windowMs) / this.limit.quota);
  }

  take(count: number, now: number): void {
    this.refill(now);
    this.level -= count;
  }
}

export interface WriteLimiterOptions {
  readonly quotas?: readonly WriteQuota[];
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Keeps this app's directory writes within Graph's documented write limits, so that a thousand
 * assignments are paced by the app instead of being throttled by Graph. Graph's own 429s (other apps
 * share the tenant's quota) are still honoured by the batch runner.
 */
export class WriteLimiter {
  private readonly buckets: TokenBucket[];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private queue: Promise<void> = Promise.resolve();

  constructor(options: WriteLimiterOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const start = this.now();
    this.buckets = (options.quotas ?? documentedWriteQuotas).map((quota) => new TokenBucket(quota, start));
  }

  /** The wait before `count` writes may go, without taking them. */
  waitFor(count: number): number {
    const now = this.now();
    return Math.max(0, ...this.buckets.map((bucket) => bucket.waitFor(count, now)));
  }

  /**
   * Waits until `count` writes fit every quota, then takes them. Callers are served in turn. `onWait` is
   * told when a caller has to wait, and for how long.
   */
  acquire(count: number, onWait?: (waitMs: number) => void): Promise<void> {
    const turn = this.queue.then(async () => {
      for (let wait = this.waitFor(count); wait > 0; wait = this.waitFor(count)) {
        onWait?.(wait);
        await this.sleep(wait);
      }
      const now = this.now();
      for (const bucket of this.buckets) bucket.take(count, now);
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}
