/**
 * A planned failure for tests: the next `times` requests whose path matches answer `status` with Retry-After,
 * top-level requests and requests inside a `$batch` alike.
 */
export interface PlannedFailure {
  path: RegExp | string;
  status: 429 | 503;
  retryAfterSeconds: number;
  remaining: number;
}

/** Failures planned with `failNext`, consumed in order by matching requests. */
export class FailureInjector {
  private readonly planned: PlannedFailure[] = [];

  plan(path: RegExp | string, status: 429 | 503, retryAfterSeconds: number, times: number): void {
    if (!Number.isInteger(times) || times < 1) throw new RangeError('times must be a positive integer');
    // Graph's Retry-After may be a decimal number of seconds (throttling.md's sample says 2.128).
    if (!Number.isFinite(retryAfterSeconds) || retryAfterSeconds < 0) throw new RangeError('retryAfterSeconds must be a non-negative number');
    this.planned.push({ path, status, retryAfterSeconds, remaining: times });
  }

  /**
   * A string matches the request path exactly (e.g. `/v1.0/subscribedSkus`); a RegExp is tested
   * against the path with its query string.
   */
  take(pathname: string, pathWithQuery: string): PlannedFailure | null {
    const index = this.planned.findIndex((failure) =>
      typeof failure.path === 'string' ? failure.path === pathname : failure.path.test(pathWithQuery),
    );
    const failure = this.planned[index];
    if (failure === undefined) return null;
    failure.remaining -= 1;
    if (failure.remaining === 0) this.planned.splice(index, 1);
    return failure;
  }
}
