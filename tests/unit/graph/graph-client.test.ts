import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../../shared/core/errors';
import { GraphClient, searchExpression } from '../../../electron/clients/graph/graph-client';
import { useScriptedGraph } from './scripted-graph';

/** A scripted Graph on plain HTTP: each test queues the answers and reads the requests it received. */
interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
const answers: Answer[] = [];
const received: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];

function answer(req: IncomingMessage, res: ServerResponse, body: string) {
  received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
  const next = answers.shift() ?? { status: 500, body: { error: { code: 'NoScript', message: 'no answer queued' } } };
  res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
  res.end(next.body === undefined ? '' : JSON.stringify(next.body));
}

const graph = useScriptedGraph(answer);
beforeEach(() => {
  answers.length = 0;
  received.length = 0;
});

function client(sleeps: number[] = [], maxAttempts?: number) {
  return new GraphClient({
    baseUrl: graph.baseUrl,
    getAccessToken: async () => 'token-1',
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const p1 = '078d2b04-f1bd-4111-bbd4-b4b1b354cef4';
const ems = 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e';
const user = (n: number) => ({
  id: `u${n}`,
  displayName: `User ${n}`,
  userPrincipalName: `user${n}@contoso.com`,
  usageLocation: n % 2 ? 'US' : null,
  assignedLicenses: n === 2 ? [{ skuId: p1, disabledPlans: [] }] : [],
  // Graph's sample writes "None" for a healthy entry (E26); null and unknown values are read too.
  licenseAssignmentStates:
    n === 2
      ? [
          { skuId: p1, assignedByGroup: null, state: 'Active', error: 'None', disabledPlans: null, lastUpdatedDateTime: null },
          { skuId: ems, assignedByGroup: 'g-1', state: 'Error', error: 'CountViolation', disabledPlans: [], lastUpdatedDateTime: '2025-05-02T08:05:00Z' },
        ]
      : [],
  onPremisesSyncEnabled: true,
  onPremisesLastSyncDateTime: '2025-05-01T10:31:52Z',
});

describe('GraphClient', () => {
  it('sends the bearer token and reads the signed-in user', async () => {
    answers.push({ status: 200, body: { id: 'a', displayName: 'Hybrid Admin', userPrincipalName: 'hybridadmin@contoso.com' } });
    await expect(client().me()).resolves.toEqual({ id: 'a', displayName: 'Hybrid Admin', userPrincipalName: 'hybridadmin@contoso.com' });
    expect(received[0]?.headers.authorization).toBe('Bearer token-1');
    expect(received[0]?.url).toBe('/v1.0/me?$select=id%2CdisplayName%2CuserPrincipalName');
  });

  it('retries 429 and 503 waiting what Retry-After says, then succeeds', async () => {
    const sleeps: number[] = [];
    answers.push(
      { status: 429, headers: { 'retry-after': '2' }, body: { error: { code: 'TooManyRequests', message: 'slow down' } } },
      { status: 503, headers: { 'retry-after': '1' }, body: { error: { code: 'ServiceUnavailable', message: 'busy' } } },
      { status: 200, body: { value: [] } },
    );
    await expect(client(sleeps).subscribedSkus()).resolves.toEqual([]);
    expect(sleeps).toEqual([2_000, 1_000]);
    expect(received).toHaveLength(3);
  });

  it('gives up after the configured attempts with THROTTLED and the Graph message', async () => {
    const sleeps: number[] = [];
    for (let i = 0; i < 4; i++) {
      answers.push({ status: 429, headers: { 'retry-after': '3' }, body: { error: { code: 'TooManyRequests', message: 'Too many requests.' } } });
    }
    const error = await failure(client(sleeps, 4).subscribedSkus());
    expect(error.code).toBe('THROTTLED');
    expect(error.detail).toContain('Gave up after 4 attempts');
    expect(error.detail).toContain('Too many requests.');
    expect(sleeps).toEqual([3_000, 3_000, 3_000]);
    expect(received).toHaveLength(4);
  });

  it('tells the observer about each busy answer with the Retry-After asked for, up to giving up with GRAPH_UNAVAILABLE', async () => {
    const told: Array<number | undefined> = [];
    answers.push(
      { status: 429, headers: { 'retry-after': '2' }, body: { error: { code: 'TooManyRequests', message: 'slow down' } } },
      { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'busy' } } },
      { status: 503, headers: { 'retry-after': '7' }, body: { error: { code: 'ServiceUnavailable', message: 'busy' } } },
    );
    const error = await failure(client([], 3).assignLicense('u1', ['s'], [], { onBusy: (ms) => void told.push(ms) }));
    expect(error.code).toBe('GRAPH_UNAVAILABLE');
    expect(error.detail).toContain('Gave up after 3 attempts');
    expect(told).toEqual([2_000, undefined, 7_000]);
  });

  it('reports a 403 Authorization_RequestDenied of assignLicense as ACCESS_DENIED, without retrying', async () => {
    const told: Array<number | undefined> = [];
    answers.push({ status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } } });
    const error = await failure(client().assignLicense('u1', ['s'], [], { onBusy: (ms) => void told.push(ms) }));
    expect(error.code).toBe('ACCESS_DENIED');
    expect(received).toHaveLength(1);
    expect(told).toEqual([]);
  });

  it('reads synced users one page at a time, continuing from the nextLink with the advanced-query header', async () => {
    answers.push(
      { status: 200, body: { '@odata.count': 3, value: [user(1), user(2)], '@odata.nextLink': `${graph.baseUrl}/users?$skiptoken=page2` } },
      { status: 200, body: { value: [user(3)] } },
    );
    const first = await client().firstSyncedUsersPage({ search: 'User', pageSize: 2 });
    expect(first).toMatchObject({ totalCount: 3, nextLink: `${graph.baseUrl}/users?$skiptoken=page2` });
    expect(first.users.map((u) => u.id)).toEqual(['u1', 'u2']);
    expect(new URL(received[0]?.url ?? '', 'http://x').searchParams.get('$top')).toBe('2');

    const second = await client().nextSyncedUsersPage(first.nextLink ?? '');
    expect(second.users.map((u) => u.id)).toEqual(['u3']);
    expect(second.nextLink).toBeUndefined();
    expect(received[1]?.url).toBe('/v1.0/users?$skiptoken=page2');
    expect(received[1]?.headers.consistencylevel).toBe('eventual');
  });

  it('refuses to continue from a nextLink to another host, sending nothing', async () => {
    const error = await failure(client().nextSyncedUsersPage('https://evil.example/v1.0/users?$skiptoken=x'));
    expect(error.code).toBe('GRAPH_ERROR');
    expect(error.message).toContain('another host');
    expect(received).toHaveLength(0);
  });

  it('pages synced users through @odata.nextLink with the advanced-query header', async () => {
    answers.push(
      { status: 200, body: { '@odata.count': 3, value: [user(1), user(2)], '@odata.nextLink': `${graph.baseUrl}/users?$skiptoken=abc%3D%3D` } },
      { status: 200, body: { value: [user(3)] } },
    );
    const list = await client().listSyncedUsers({ search: 'Ann "x"' });
    expect(list).toMatchObject({ totalCount: 3, truncated: false });
    expect(list.users.map((u) => u.id)).toEqual(['u1', 'u2', 'u3']);
    expect(list.users[1]).toEqual({
      id: 'u2',
      displayName: 'User 2',
      userPrincipalName: 'user2@contoso.com',
      usageLocation: null,
      assignedSkuIds: [p1],
      licenseAssignments: [
        { skuId: p1, assignedByGroup: null, state: 'Active', error: null, disabledPlans: [] },
        { skuId: ems, assignedByGroup: { id: 'g-1', displayName: null }, state: 'Error', error: 'CountViolation', disabledPlans: [] },
      ],
      onPremisesLastSyncDateTime: '2025-05-01T10:31:52Z',
    });
    const first = new URL(received[0]?.url ?? '', 'http://x');
    expect(first.searchParams.get('$filter')).toBe('onPremisesSyncEnabled eq true');
    expect(first.searchParams.get('$count')).toBe('true');
    expect(first.searchParams.get('$select')).toContain('licenseAssignmentStates');
    expect(first.searchParams.get('$search')).toBe('"displayName:Ann x" OR "userPrincipalName:Ann x"');
    expect(received[0]?.url).not.toContain('+');
    expect(received[0]?.headers.consistencylevel).toBe('eventual');
    expect(received[1]?.url).toBe('/v1.0/users?$skiptoken=abc%3D%3D');
  });

  it('stops at the limit and says the list is truncated', async () => {
    answers.push({ status: 200, body: { value: [user(1), user(2)], '@odata.nextLink': `${graph.baseUrl}/users?$skiptoken=next` } });
    const list = await client().listSyncedUsers({ limit: 2 });
    expect(list.users).toHaveLength(2);
    expect(list.truncated).toBe(true);
    expect(received).toHaveLength(1);
  });

  it('refuses to follow a next link to another host (the token would go with it)', async () => {
    answers.push({ status: 200, body: { value: [user(1)], '@odata.nextLink': 'https://evil.example/v1.0/users?$skiptoken=x' } });
    const error = await failure(client().listSyncedUsers());
    expect(error.code).toBe('GRAPH_ERROR');
    expect(received).toHaveLength(1);
  });

  it('maps the usage-location refusal of assignLicense', async () => {
    answers.push({
      status: 400,
      body: { error: { code: 'Request_BadRequest', message: 'License assignment cannot be done for user with invalid usage location.' } },
    });
    const error = await failure(client().assignLicense('u1', ['078d2b04-f1bd-4111-bbd4-b4b1b354cef4']));
    expect(error.code).toBe('USAGE_LOCATION_MISSING');
    expect(JSON.parse(received[0]?.body ?? '{}')).toEqual({
      addLicenses: [{ skuId: '078d2b04-f1bd-4111-bbd4-b4b1b354cef4', disabledPlans: [] }],
      removeLicenses: [],
    });
  });

  it('patches the usage location in upper case and refuses a non-country value before calling Graph', async () => {
    answers.push({ status: 204 });
    await client().setUsageLocation('u 1', 'de');
    expect(received[0]).toMatchObject({ method: 'PATCH', url: '/v1.0/users/u%201', body: '{"usageLocation":"DE"}' });
    expect((await failure(client().setUsageLocation('u1', 'Germany'))).code).toBe('VALIDATION_FAILED');
    expect(received).toHaveLength(1);
  });

  it('rejects an answer that does not match the schema with a clear error', async () => {
    answers.push({ status: 200, body: { value: [{ skuId: 'x' }] } });
    const error = await failure(client().subscribedSkus());
    expect(error.code).toBe('GRAPH_ERROR');
    expect(error.detail).toContain('skuPartNumber');
  });

  it('computes available units and product names of subscribed SKUs', async () => {
    answers.push({
      status: 200,
      body: {
        value: [
          { skuId: '078d2b04-f1bd-4111-bbd4-b4b1b354cef4', skuPartNumber: 'AAD_PREMIUM', capabilityStatus: 'Enabled', consumedUnits: 14, prepaidUnits: { enabled: 25 } },
          { skuId: 's2', skuPartNumber: 'OTHER', capabilityStatus: 'Enabled', consumedUnits: 30, prepaidUnits: { enabled: 25 } },
        ],
      },
    });
    const skus = await client().subscribedSkus();
    expect(skus.map((sku) => [sku.productName, sku.availableUnits])).toEqual([
      ['Microsoft Entra ID P1', 11],
      ['OTHER', 0],
    ]);
  });

  it('reports an unreachable Graph as NETWORK_UNREACHABLE', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = new GraphClient({ baseUrl: `http://127.0.0.1:${port}/v1.0`, getAccessToken: async () => 't' });
    const error = await failure(unreachable.me());
    expect(error.code).toBe('NETWORK_UNREACHABLE');
    expect(error.detail).toContain('ECONNREFUSED');
  });
});

describe('searchExpression', () => {
  it('is absent for empty text', () => {
    expect(searchExpression('  ')).toBeUndefined();
  });
});
