import type { FailureInjector } from '../failure-injection';
import type { SigningKey } from '../identity/signing-key';
import type { GraphError } from './graph-errors';
import type { GroupProcessingTiming } from './licensing';
import type { GraphThrottle } from './throttling';
import type { TenantModel } from './world';

export interface GraphContext {
  baseUrl: string;
  issuer: string;
  key: SigningKey;
  now: () => Date;
  model: TenantModel;
  throttle: GraphThrottle;
  /** Planned failures (`failNext`) for requests inside a `$batch`; top-level ones are answered before routing. */
  failures: FailureInjector;
  groupProcessing: GroupProcessingTiming;
}

/** One Graph request: a top-level HTTP request or one request of a `$batch`. */
export interface GraphRequest {
  method: string;
  /** Absolute, path under `/v1.0`. */
  url: URL;
  /** Lower-case names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The JSON body; a body that is not JSON is Graph's invalid-payload 400. */
  json: () => Promise<unknown>;
}

export interface GraphAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown by a route: answered with Graph's error body. */
export class GraphFailure extends Error {
  constructor(readonly graphError: GraphError) {
    super(graphError.message);
  }
}
