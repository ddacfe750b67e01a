import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { graphErrorBody, graphErrors } from './graph-errors';
import { GraphFailure, type GraphAnswer, type GraphContext, type GraphRequest } from './graph-request';

/** JSON batching (json-batching.md, known-issues.md; licensing-at-scale §4). */
export const MAX_BATCH_REQUESTS = 20;

const batchItemSchema = z.object({
  id: z.string().min(1),
  method: z.string().min(1),
  url: z.string().min(1),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});
const batchSchema = z.object({ requests: z.array(batchItemSchema) });
type BatchItem = z.infer<typeof batchItemSchema>;

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

/**
 * Only three `dependsOn` shapes run: all parallel, fully serial (each on the one before), or all on the
 * first; anything else is refused whole (I4), and a dependency on a later or unknown id too (I5).
 */
function shapeOf(items: readonly BatchItem[]): { ok: true; serial: boolean } | { ok: false; message: string } {
  const seen = new Set<string>();
  for (const item of items) {
    for (const dependency of item.dependsOn ?? []) {
      if (!seen.has(dependency)) return { ok: false, message: `Invalid dependency for request Id ${item.id}.` };
    }
    seen.add(item.id);
  }
  if (items.every((item) => (item.dependsOn ?? []).length === 0)) return { ok: true, serial: false };
  const [first, ...rest] = items;
  const noneOnFirst = first !== undefined && (first.dependsOn ?? []).length === 0;
  const serial = rest.every((item, index) => item.dependsOn?.length === 1 && item.dependsOn[0] === items[index]?.id);
  const onFirst = rest.every((item) => item.dependsOn?.length === 1 && item.dependsOn[0] === first?.id);
  if (noneOnFirst && (serial || onFirst)) return { ok: true, serial: true };
  return { ok: false, message: 'Batch should be either fully sequential or fully parallel.' };
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  return Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

function itemResponse(id: string, reply: GraphAnswer): Record<string, unknown> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.headers ?? {})) {
    // The envelope's tracing headers stay on the envelope; the item keeps its own content and throttling headers.
    if (!['request-id', 'client-request-id', 'cache-control'].includes(name.toLowerCase())) headers[name] = value;
  }
  return { id, status: reply.status, headers, ...(reply.body === undefined ? {} : { body: reply.body }) };
}

/** Answers responses in an order of its own, as Graph may (clients must match them by id). */
function shuffled<T extends { id: string }>(responses: T[]): T[] {
  const key = (id: string) => createHash('sha1').update(id).digest('hex');
  return [...responses].sort((left, right) => key(left.id).localeCompare(key(right.id)));
}

/**
 * `POST /$batch`: at most 20 requests, each answered on its own (status, headers, body) inside a 200;
 * each is throttled on its own and may carry its own Retry-After; dependents of a failed request get 424.
 */
export async function runBatch(request: GraphRequest, context: GraphContext, serve: (item: GraphRequest) => Promise<GraphAnswer>): Promise<GraphAnswer> {
  if (request.method !== 'POST') throw new GraphFailure(graphErrors.methodNotAllowed());
  const parsed = batchSchema.safeParse(await request.json());
  if (!parsed.success) throw new GraphFailure(graphErrors.batchBadRequest('Invalid batch payload format.'));
  const items = parsed.data.requests;
  if (items.length === 0) throw new GraphFailure(graphErrors.batchBadRequest('Invalid batch payload format.'));
  if (items.length > MAX_BATCH_REQUESTS) {
    throw new GraphFailure(graphErrors.batchBadRequest(`The number of batch requests exceeds the limit of ${MAX_BATCH_REQUESTS}.`));
  }
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw new GraphFailure(graphErrors.batchBadRequest(`Batch request contains duplicate request id ${item.id}.`));
    ids.add(item.id);
    if (!METHODS.includes(item.method.toUpperCase())) throw new GraphFailure(graphErrors.batchBadRequest(`Invalid method ${item.method} for request Id ${item.id}.`));
    if (/^[a-z]+:/i.test(item.url)) throw new GraphFailure(graphErrors.batchBadRequest(`Request Id ${item.id}: the url must be relative to the version, such as /users.`));
    if (item.body !== undefined && headerValue(item.headers, 'content-type') === undefined) {
      throw new GraphFailure(graphErrors.batchBadRequest(`Content-Type header must be specified for request Id ${item.id}.`));
    }
  }
  const shape = shapeOf(items);
  if (!shape.ok) throw new GraphFailure(graphErrors.batchBadRequest(shape.message));

  const statuses = new Map<string, number>();
  const responses: Record<string, unknown>[] = [];
  for (const item of items) {
    const failedDependency = (item.dependsOn ?? []).some((id) => {
      const status = statuses.get(id) ?? 0;
      return status < 200 || status > 299;
    });
    let reply: GraphAnswer;
    if (failedDependency) {
      const requestId = randomUUID();
      reply = {
        status: 424,
        body: graphErrorBody({ status: 424, code: 'FailedDependency', message: 'Request failed due to a failed dependency.' }, requestId, requestId, context.now()),
        headers: { 'Content-Type': 'application/json' },
      };
    } else {
      reply = await runItem(item, context, serve);
    }
    statuses.set(item.id, reply.status);
    responses.push(itemResponse(item.id, reply));
  }
  return { status: 200, body: { responses: shape.serial ? responses : shuffled(responses as { id: string }[]) }, headers: { 'Content-Type': 'application/json' } };
}

async function runItem(item: BatchItem, context: GraphContext, serve: (item: GraphRequest) => Promise<GraphAnswer>): Promise<GraphAnswer> {
  const relative = item.url.startsWith('/') ? item.url : `/${item.url}`;
  const url = new URL(`/v1.0${relative}`, context.baseUrl);
  if (url.pathname === '/v1.0/$batch') {
    const requestId = randomUUID();
    return { status: 400, body: graphErrorBody(graphErrors.batchBadRequest('Nested batch requests are not supported.'), requestId, requestId, context.now()) };
  }
  const planned = context.failures.take(url.pathname, `${url.pathname}${url.search}`);
  if (planned !== null) {
    const requestId = randomUUID();
    const error = planned.status === 429 ? graphErrors.throttled() : graphErrors.unavailable();
    return {
      status: planned.status,
      body: graphErrorBody(error, requestId, requestId, context.now()),
      headers: { 'Content-Type': 'application/json', 'Retry-After': String(planned.retryAfterSeconds) },
    };
  }
  const headers = Object.fromEntries(Object.entries(item.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  return serve({
    method: item.method.toUpperCase(),
    url,
    headers,
    json: async () => {
      if (item.body === undefined) throw new GraphFailure(graphErrors.invalidBody());
      return item.body;
    },
  });
}
