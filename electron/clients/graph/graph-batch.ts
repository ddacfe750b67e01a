import { AppError, isAppError, type AppErrorData } from '../../../shared/core/errors';
import { mapGraphFailure } from './graph-errors';
import { isRetryableStatus, parseRetryAfterMs } from './retry-after';
import type { WriteLimiter } from './write-limiter';

/** One request of a run: its own id, a URL relative to the Graph version (`/users/{id}/assignLicense`). */
export interface GraphBatchRequest {
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What Graph answered one request: inside a `$batch` or alone, the same shape. */
export interface GraphItemReply {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export type GraphRequestOutcome =
  | { readonly id: string; readonly status: 'done'; readonly body: unknown }
  | { readonly id: string; readonly status: 'failed'; readonly error: AppErrorData }
  /** Never sent: the run stopped first. */
  | { readonly id: string; readonly status: 'notAttempted' };

/** Told while a run goes on; every callback is optional. */
export interface GraphRunObserver {
  /** A request has its final outcome. */
  onOutcome?: (outcome: GraphRequestOutcome) => void;
  /** Graph throttled (429) or was unavailable for `waiting` requests; they are sent again after `waitMs`. */
  onThrottled?: (info: { readonly waitMs: number; readonly waiting: number }) => void;
  /** The app's own write limiter holds writes back for `waitMs` to stay within Graph's documented limits. */
  onPacing?: (waitMs: number) => void;
  /** Requests are going out again after a wait. */
  onResumed?: () => void;
}

export interface GraphRunOptions {
  readonly observer?: GraphRunObserver;
  /** A failure that would repeat for every request left (a missing role, signed out): the run stops there. */
  readonly stopOn?: (error: AppErrorData) => boolean;
}

/** How requests reach Graph: a `$batch` of up to 20, or one request alone. */
export interface GraphTransport {
  sendBatch(requests: readonly GraphBatchRequest[]): Promise<GraphItemReply[]>;
  sendOne(request: GraphBatchRequest): Promise<GraphItemReply>;
}

export interface GraphBatchRunnerOptions {
  readonly transport: GraphTransport;
  readonly limiter: WriteLimiter;
  readonly sleep: (ms: number) => Promise<void>;
  /**
   * True: up to 20 requests per `POST /$batch` (json-batching.md). False: each request alone, one after
   * another (the per-user path; kept for the benchmark's comparison).
   */
  readonly batching: boolean;
  /**
   * Rounds in a row in which Graph carried out nothing and throttled something, before the throttled
   * requests are given up (default 6). While some requests get through, the run goes on: under a token
   * bucket a round may let only a few of twenty through.
   */
  readonly maxAttempts?: number;
  /** Sends of one request, however the run goes (default 50). */
  readonly maxSendsPerRequest?: number;
  /** Longest pause, whatever Retry-After says (default 60 s). */
  readonly maxDelayMs?: number;
}

/** Graph's batch limit (json-batching.md). */
export const maxBatchRequests = 20;

function errorData(error: unknown): AppErrorData {
  if (isAppError(error)) return error.toData();
  return { code: 'INTERNAL', message: 'An unexpected error occurred.', detail: error instanceof Error ? error.message : String(error) };
}

function errorOf(reply: GraphItemReply): AppErrorData {
  const body = reply.body as { error?: { code?: unknown; message?: unknown } } | null | undefined;
  const code = typeof body?.error?.code === 'string' ? body.error.code : undefined;
  const message = typeof body?.error?.message === 'string' ? body.error.message : undefined;
  return mapGraphFailure({ status: reply.status, ...(code === undefined ? {} : { code }), ...(message === undefined ? {} : { message }) }).toData();
}

function header(reply: GraphItemReply, name: string): string | undefined {
  return Object.entries(reply.headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

/**
 * Sends many Graph requests, each with its own id and its own outcome. Nothing is applied twice: a
 * request is sent again only when its own status says Graph did not carry it out (429, 503, 504), after
 * the longest Retry-After of its round; a 2xx is final, and so is a request whose fate is unknown (the
 * connection failed while it was on its way). Writes pass the app's write limiter first.
 */
export class GraphBatchRunner {
  private readonly maxStalledRounds: number;
  private readonly maxSends: number;
  private readonly maxDelayMs: number;

  constructor(private readonly options: GraphBatchRunnerOptions) {
    this.maxStalledRounds = Math.max(1, options.maxAttempts ?? 6);
    this.maxSends = Math.max(1, options.maxSendsPerRequest ?? 50);
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
  }

  async run(requests: readonly GraphBatchRequest[], options: GraphRunOptions = {}): Promise<GraphRequestOutcome[]> {
    const ids = new Set(requests.map((request) => request.id));
    if (ids.size !== requests.length) throw new AppError('INTERNAL', 'Each request of a Graph batch needs its own id.');
    const { observer } = options;
    const outcomes = new Map<string, GraphRequestOutcome>();
    const attempts = new Map<string, number>();
    const queue = [...requests];
    let stopped = false;
    let stalledRounds = 0;
    const settle = (outcome: GraphRequestOutcome): void => {
      outcomes.set(outcome.id, outcome);
      if (outcome.status === 'failed' && options.stopOn?.(outcome.error)) stopped = true;
      observer?.onOutcome?.(outcome);
    };

    while (queue.length > 0 && !stopped) {
      const chunk = queue.splice(0, this.options.batching ? maxBatchRequests : 1);
      const writes = chunk.filter((request) => request.method !== 'GET').length;
      if (writes > 0) {
        let paced = false;
        await this.options.limiter.acquire(writes, (waitMs) => {
          paced = true;
          observer?.onPacing?.(waitMs);
        });
        if (paced) observer?.onResumed?.();
      }
      for (const request of chunk) attempts.set(request.id, (attempts.get(request.id) ?? 0) + 1);

      let replies: GraphItemReply[];
      try {
        replies = this.options.batching ? await this.options.transport.sendBatch(chunk) : [await this.options.transport.sendOne(chunk[0] as GraphBatchRequest)];
      } catch (error) {
        // The batch as a whole failed (network, sign-in): whether Graph carried any request out is unknown.
        const data = errorData(error);
        for (const request of chunk) settle({ id: request.id, status: 'failed', error: data });
        continue;
      }

      const byId = new Map(replies.map((reply) => [reply.id, reply]));
      const throttled: { request: GraphBatchRequest; reply: GraphItemReply }[] = [];
      let carriedOut = 0;
      let waitMs = 0;
      for (const request of chunk) {
        const reply = byId.get(request.id);
        if (reply === undefined) {
          settle({
            id: request.id,
            status: 'failed',
            error: { code: 'GRAPH_ERROR', message: 'Microsoft Graph did not answer this request of the batch. Check the object, then try again.' },
          });
        } else if (reply.status >= 200 && reply.status <= 299) {
          carriedOut += 1;
          settle({ id: request.id, status: 'done', body: reply.body });
        } else if (isRetryableStatus(reply.status)) {
          throttled.push({ request, reply });
          const asked = parseRetryAfterMs(header(reply, 'retry-after'));
          waitMs = Math.max(waitMs, asked ?? 1000 * 2 ** Math.min(6, stalledRounds));
        } else {
          settle({ id: request.id, status: 'failed', error: errorOf(reply) });
        }
      }
      if (throttled.length === 0) {
        stalledRounds = 0;
        continue;
      }
      stalledRounds = carriedOut > 0 ? 0 : stalledRounds + 1;
      const again: GraphBatchRequest[] = [];
      for (const { request, reply } of throttled) {
        const sends = attempts.get(request.id) ?? 0;
        if (stalledRounds < this.maxStalledRounds && sends < this.maxSends) {
          again.push(request);
          continue;
        }
        const error = errorOf(reply);
        settle({ id: request.id, status: 'failed', error: { ...error, detail: `Gave up after ${sends} attempts. ${error.detail ?? ''}`.trim() } });
      }
      if (again.length === 0) continue;
      // Only the requests Graph did not carry out go again, all after the longest Retry-After of the round.
      queue.unshift(...again);
      if (stopped) continue;
      const pause = Math.min(waitMs, this.maxDelayMs);
      observer?.onThrottled?.({ waitMs: pause, waiting: again.length });
      await this.options.sleep(pause);
      observer?.onResumed?.();
    }
    return requests.map((request) => outcomes.get(request.id) ?? { id: request.id, status: 'notAttempted' });
  }
}
