import { LAB_CLIENT_ID, LAB_TENANT_ID } from '../constants';

/**
 * Graph's identity-and-access service limits (throttling-limits.md, includes/throttling-identity-and-access.md;
 * licensing-at-scale §5): token buckets of resource units and writes per app+tenant, per app and per
 * tenant. Each request, and each request inside a `$batch`, is checked on its own; only requests over a
 * limit are throttled, and a throttled request takes nothing from the buckets.
 */
class Bucket {
  private level: number;
  private updatedAt: number;

  constructor(
    readonly quota: number,
    readonly windowMs: number,
    now: number,
  ) {
    this.level = quota;
    this.updatedAt = now;
  }

  private refill(now: number): void {
    this.level = Math.min(this.quota, this.level + ((now - this.updatedAt) * this.quota) / this.windowMs);
    this.updatedAt = now;
  }

  /** Milliseconds until `amount` is there; 0 when it is there now. */
  waitFor(amount: number, now: number): number {
    this.refill(now);
    return this.level >= amount ? 0 : Math.ceil(((amount - this.level) * this.windowMs) / this.quota);
  }

  take(amount: number, now: number): void {
    this.refill(now);
    this.level -= amount;
  }

  /** Share of the quota in use, 0 to 1. */
  used(now: number): number {
    this.refill(now);
    return 1 - Math.max(0, this.level) / this.quota;
  }
}

type Scope = 'Tenant_Application' | 'Application' | 'Tenant';
interface Limit {
  scope: Scope;
  kind: 'ResourceUnit' | 'Write';
  bucket: Bucket;
}

export interface RequestCost {
  resourceUnits: number;
  writes: number;
}

/**
 * Cost of one request (throttling-limits.md): a write is 1 resource unit and 1 write; GET users 2,
 * GET a group's members 3, GET subscribedSkus 3, other GETs 1; `$select` -1, `$expand` +1, `$top` under
 * 20 -1; never below 1.
 */
export function requestCost(method: string, path: string, query: URLSearchParams): RequestCost {
  if (method !== 'GET') return { resourceUnits: 1, writes: 1 };
  let units = 1;
  if (/^users(\/[^/]+)?$/.test(path)) units = 2;
  else if (/^groups\/[^/]+\/members$/.test(path)) units = 3;
  else if (path === 'subscribedSkus') units = 3;
  if (query.has('$select')) units -= 1;
  if (query.has('$expand')) units += 1;
  const top = Number(query.get('$top') ?? 'NaN');
  if (Number.isFinite(top) && top < 20) units -= 1;
  return { resourceUnits: Math.max(1, units), writes: 0 };
}

export type ThrottleDecision =
  | { throttled: false; headers: Record<string, string> }
  | { throttled: true; retryAfterSeconds: number; headers: Record<string, string> };

export class GraphThrottle {
  private limits: Limit[] | null = null;

  constructor(private readonly now: () => number) {}

  /** The app+tenant resource-unit quota depends on the tenant's size (S <50, M 50-500, L >500 users). */
  private ensure(userCount: number): Limit[] {
    if (this.limits !== null) return this.limits;
    const now = this.now();
    const tenantUnits = userCount < 50 ? 3_500 : userCount <= 500 ? 5_000 : 8_000;
    this.limits = [
      { scope: 'Tenant_Application', kind: 'ResourceUnit', bucket: new Bucket(tenantUnits, 10_000, now) },
      { scope: 'Tenant_Application', kind: 'Write', bucket: new Bucket(3_000, 150_000, now) },
      { scope: 'Application', kind: 'ResourceUnit', bucket: new Bucket(150_000, 20_000, now) },
      { scope: 'Application', kind: 'Write', bucket: new Bucket(70_000, 300_000, now) },
      { scope: 'Tenant', kind: 'Write', bucket: new Bucket(18_000, 300_000, now) },
    ];
    return this.limits;
  }

  /** Checks one request against every limit; takes its cost when it passes. */
  admit(cost: RequestCost, userCount: number): ThrottleDecision {
    const now = this.now();
    const limits = this.ensure(userCount);
    let worst: { limit: Limit; waitMs: number } | null = null;
    for (const limit of limits) {
      const amount = limit.kind === 'Write' ? cost.writes : cost.resourceUnits;
      if (amount === 0) continue;
      const waitMs = limit.bucket.waitFor(amount, now);
      if (waitMs > 0 && (worst === null || waitMs > worst.waitMs)) worst = { limit, waitMs };
    }
    if (worst !== null) {
      const { scope, kind } = worst.limit;
      return {
        throttled: true,
        // Seconds with a fraction, as the docs' own sample (`Retry-After: 2.128`).
        retryAfterSeconds: Math.max(0.001, worst.waitMs / 1000),
        headers: {
          'x-ms-throttle-scope': `${scope}/${kind === 'Write' ? 'Write' : 'ReadWrite'}/${LAB_CLIENT_ID}/${LAB_TENANT_ID}`,
          'x-ms-throttle-information': kind === 'Write' ? 'WriteLimitExceeded' : 'ResourceUnitLimitExceeded',
        },
      };
    }
    for (const limit of limits) limit.bucket.take(limit.kind === 'Write' ? cost.writes : cost.resourceUnits, now);
    const headers: Record<string, string> = { 'x-ms-resource-unit': String(cost.resourceUnits) };
    const highest = Math.max(...limits.map((limit) => limit.bucket.used(now)));
    if (highest >= 0.8) headers['x-ms-throttle-limit-percentage'] = highest.toFixed(1);
    return { throttled: false, headers };
  }

  /** Writes other apps make in the same tenant (Entra Connect, scripts): they use the tenant's shared write quota. */
  consumeTenantWrites(count: number, userCount: number): void {
    const tenant = this.ensure(userCount).find((limit) => limit.scope === 'Tenant' && limit.kind === 'Write');
    tenant?.bucket.take(count, this.now());
  }
}
