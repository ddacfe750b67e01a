import type { IncomingMessage, ServerResponse } from 'node:http';
import { beforeEach, describe, expect, it } from 'vitest';
import type { GraphBatchRequest } from '../../../electron/clients/graph/graph-batch';
import { GraphClient } from '../../../electron/clients/graph/graph-client';
import { WriteLimiter } from '../../../electron/clients/graph/write-limiter';
import { useScriptedGraph } from './scripted-graph';

/**
 * A scripted Graph: `$batch` answers come from `onBatch` (each request's own status), single requests
 * from `onSingle`. Every request received is recorded.
 */
interface Item {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}
interface Reply {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}
let onBatch: (items: Item[], call: number) => { status: number; responses?: Reply[]; headers?: Record<string, string> } = () => ({ status: 200, responses: [] });
let onSingle: (method: string, url: string, call: number) => { status: number; headers?: Record<string, string>; body?: unknown } = () => ({ status: 204 });
const batches: Item[][] = [];
const singles: { method: string; url: string; consistency: string | undefined; body: string }[] = [];

function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
  if (req.url === '/v1.0/$batch') {
    const items = (JSON.parse(body) as { requests: Item[] }).requests;
    batches.push(items);
    const reply = onBatch(items, batches.length);
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.responses ? { responses: reply.responses } : { error: { code: 'TooManyRequests', message: 'Please retry again later.' } }));
    return;
  }
  singles.push({ method: req.method ?? '', url: req.url ?? '', consistency: req.headers.consistencylevel as string | undefined, body });
  const reply = onSingle(req.method ?? '', req.url ?? '', singles.length);
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
}

const graph = useScriptedGraph(answer);
beforeEach(() => {
  batches.length = 0;
  singles.length = 0;
  onBatch = (items) => ({ status: 200, responses: items.map((item) => ({ id: item.id, status: 204 })) });
  onSingle = () => ({ status: 204 });
});

function client(options: { batching?: boolean; sleeps?: number[] } = {}) {
  return new GraphClient({
    baseUrl: graph.baseUrl,
    getAccessToken: async () => 'token-1',
    sleep: async (ms) => void options.sleeps?.push(ms),
    ...(options.batching === undefined ? {} : { batching: options.batching }),
    writeLimiter: new WriteLimiter({ sleep: async () => undefined }),
  });
}

const assign = (n: number): GraphBatchRequest => ({
  id: `r${n}`,
  method: 'POST',
  url: `/users/u${n}/assignLicense`,
  body: { addLicenses: [{ skuId: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e', disabledPlans: [] }], removeLicenses: [] },
});

describe('GraphClient.runRequests: JSON batching', () => {
  it('sends at most 20 requests per $batch, each with its own id and a Content-Type for its body, and matches answers by id', async () => {
    // Graph may answer in any order.
    onBatch = (items) => ({ status: 200, responses: [...items].reverse().map((item) => ({ id: item.id, status: 200, body: { id: item.url.split('/')[2] } })) });
    const outcomes = await client().runRequests(Array.from({ length: 45 }, (_unused, index) => assign(index)));
    expect(batches.map((batch) => batch.length)).toEqual([20, 20, 5]);
    expect(batches[0]?.[0]).toEqual({ ...assign(0), headers: { 'Content-Type': 'application/json' } });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(45).fill('done'));
    expect(outcomes[7]).toEqual({ id: 'r7', status: 'done', body: { id: 'u7' } });
  });

  it('sends again only the throttled requests, after the longest Retry-After (decimal) of the round; a 2xx is never resent', async () => {
    onBatch = (items, call) => ({
      status: 200,
      responses: items.map((item) =>
        call === 1 && ['r1', 'r3'].includes(item.id)
          ? { id: item.id, status: 429, headers: { 'Retry-After': item.id === 'r1' ? '0.5' : '2.128' }, body: { error: { code: 'TooManyRequests', message: 'Please retry again later.' } } }
          : { id: item.id, status: 204 },
      ),
    });
    const sleeps: number[] = [];
    const throttled: unknown[] = [];
    const outcomes = await client({ sleeps }).runRequests([0, 1, 2, 3].map(assign), { observer: { onThrottled: (info) => throttled.push(info) } });
    expect(batches.map((batch) => batch.map((item) => item.id))).toEqual([
      ['r0', 'r1', 'r2', 'r3'],
      ['r1', 'r3'],
    ]);
    expect(sleeps).toEqual([2128]);
    expect(throttled).toEqual([{ waitMs: 2128, waiting: 2 }]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('never resends a request whose answer is not a "not carried out" status, nor one Graph did not answer', async () => {
    onBatch = (items) => ({
      status: 200,
      responses: items
        .filter((item) => item.id !== 'r2')
        .map((item) => (item.id === 'r1' ? { id: item.id, status: 400, body: { error: { code: 'Request_BadRequest', message: 'License assignment cannot be done for user with invalid usage location.' } } } : { id: item.id, status: 204 })),
    });
    const outcomes = await client().runRequests([0, 1, 2].map(assign));
    expect(batches).toHaveLength(1);
    expect(outcomes[1]).toMatchObject({ status: 'failed', error: { code: 'USAGE_LOCATION_MISSING' } });
    expect(outcomes[2]).toMatchObject({ status: 'failed', error: { code: 'GRAPH_ERROR' } });
  });

  it('gives a request up after six throttled sends, as THROTTLED; a stop rule leaves the requests not yet sent unsent', async () => {
    onBatch = (items) => ({ status: 200, responses: items.map((item) => ({ id: item.id, status: 429, headers: { 'Retry-After': '1' } })) });
    const sleeps: number[] = [];
    const outcomes = await client({ sleeps }).runRequests(Array.from({ length: 25 }, (_unused, index) => assign(index)), {
      stopOn: (error) => error.code === 'THROTTLED',
    });
    expect(batches).toHaveLength(6);
    expect(batches.every((batch) => batch.length === 20)).toBe(true);
    expect(sleeps).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(outcomes[0]).toMatchObject({ status: 'failed', error: { code: 'THROTTLED', detail: expect.stringContaining('Gave up after 6 attempts') } });
    expect(outcomes.slice(20).map((outcome) => outcome.status)).toEqual(Array(5).fill('notAttempted'));
  });

  it('goes on while Graph lets a few requests through each round, as a token bucket does', async () => {
    // One write fits per round; the others are throttled with a 17 ms Retry-After.
    onBatch = (items) => ({
      status: 200,
      responses: items.map((item, index) => (index === 0 ? { id: item.id, status: 204 } : { id: item.id, status: 429, headers: { 'Retry-After': '0.017' } })),
    });
    const sleeps: number[] = [];
    const outcomes = await client({ sleeps }).runRequests(Array.from({ length: 10 }, (_unused, index) => assign(index)));
    expect(outcomes.every((outcome) => outcome.status === 'done')).toBe(true);
    expect(batches.map((batch) => batch.length)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(sleeps).toEqual(Array(9).fill(17));
  });

  it('sends every request of a batch Graph refused as a whole (429) again; a batch whose fate is unknown is not resent', async () => {
    onBatch = (items, call) => (call === 1 ? { status: 429, headers: { 'Retry-After': '3' } } : { status: 200, responses: items.map((item) => ({ id: item.id, status: 204 })) });
    const sleeps: number[] = [];
    expect((await client({ sleeps }).runRequests([0, 1].map(assign))).map((outcome) => outcome.status)).toEqual(['done', 'done']);
    expect(sleeps).toEqual([3000]);

    const unreachable = new GraphClient({ baseUrl: 'http://127.0.0.1:1/v1.0', getAccessToken: async () => 't', sleep: async () => undefined });
    const outcomes = await unreachable.runRequests([0, 1].map(assign));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'failed']);
    expect(outcomes[0]).toMatchObject({ error: { code: 'NETWORK_UNREACHABLE' } });
  });

  it('with batching off sends each request alone, one after another, under the same rules', async () => {
    onSingle = (_method, _url, call) => (call === 2 ? { status: 503, headers: { 'Retry-After': '1.5' } } : { status: 200, body: { ok: true } });
    const sleeps: number[] = [];
    const outcomes = await client({ batching: false, sleeps }).runRequests([0, 1, 2].map(assign));
    expect(batches).toEqual([]);
    expect(singles.map((single) => `${single.method} ${single.url}`)).toEqual([
      'POST /v1.0/users/u0/assignLicense',
      'POST /v1.0/users/u1/assignLicense',
      'POST /v1.0/users/u1/assignLicense',
      'POST /v1.0/users/u2/assignLicense',
    ]);
    expect(sleeps).toEqual([1500]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['done', 'done', 'done']);
  });
});

describe('GraphClient: groups', () => {
  it('reads groups with licenses under ConsistencyLevel, but the license-error filter without it (Graph refuses it there)', async () => {
    onSingle = (_method, url) =>
      url.startsWith('/v1.0/groups?%24filter=hasMembers') || url.includes('hasMembersWithLicenseErrors')
        ? { status: 200, body: { value: [{ id: 'g1', displayName: 'EMS pilot' }] } }
        : {
            status: 200,
            body: {
              '@odata.count': 1,
              value: [
                {
                  id: 'g1',
                  displayName: 'EMS pilot',
                  groupTypes: [],
                  securityEnabled: true,
                  onPremisesSyncEnabled: null,
                  assignedLicenses: [{ skuId: 'e', disabledPlans: ['p'] }],
                  licenseProcessingState: { state: 'ProcessingInProgress' },
                },
              ],
            },
          };
    const graph = client();
    const page = await graph.firstGroupsPage({ search: 'pilot' });
    expect(page).toEqual({
      groups: [{ id: 'g1', displayName: 'EMS pilot', description: null, synced: false, microsoft365: false, assignedLicenses: [{ skuId: 'e', disabledPlans: ['p'] }], processingState: 'ProcessingInProgress' }],
      totalCount: 1,
    });
    expect(singles[0]?.consistency).toBe('eventual');
    const first = new URL(singles[0]?.url ?? '', 'http://x');
    expect(first.searchParams.get('$filter')).toBe('securityEnabled eq true');
    expect(first.searchParams.get('$select')).toContain('licenseProcessingState');
    expect(first.searchParams.get('$search')).toBe('"displayName:pilot"');

    expect(await graph.groupsWithLicenseErrors()).toEqual([{ id: 'g1', displayName: 'EMS pilot' }]);
    expect(singles[1]?.consistency).toBeUndefined();
    expect(new URL(singles[1]?.url ?? '', 'http://x').searchParams.get('$filter')).toBe('hasMembersWithLicenseErrors eq true');
  });

  it('licenses a group with both arrays, always', async () => {
    onSingle = () => ({ status: 202, body: { id: 'g1', groupTypes: [], securityEnabled: true } });
    await client().assignGroupLicense('g1', [], ['e']);
    expect(singles[0]).toMatchObject({ method: 'POST', url: '/v1.0/groups/g1/assignLicense' });
    expect(JSON.parse(singles[0]?.body ?? '')).toEqual({ addLicenses: [], removeLicenses: ['e'] });
  });
});
