import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLargeLabTenant, startLabTenant, type LabTenant } from '../../../lab/index';
import { graphGet, graphSend, labAgent, signIn } from './lab-client';

/** The large lab tenant over real HTTPS: groups, group-based licensing, $batch and Graph's throttling rules. */
const EMS = 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e';
const P1 = '078d2b04-f1bd-4111-bbd4-b4b1b354cef4';
const INTUNE = 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5';
const SCOPES = ['User.Read', 'User.ReadWrite.All', 'LicenseAssignment.ReadWrite.All', 'LicenseAssignment.Read.All', 'GroupMember.ReadWrite.All']
  .map((scope) => `https://graph.microsoft.com/${scope}`)
  .concat(['openid', 'offline_access'])
  .join(' ');

let labFolder = '';
let lab: LabTenant;
let agent: Agent;
let token = '';

interface Group {
  id: string;
  displayName: string;
  securityEnabled: boolean;
  assignedLicenses?: { skuId: string; disabledPlans: string[] }[];
  licenseProcessingState?: { state: string };
}
interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: { error?: { code: string; message: string; innerError?: Record<string, string> } } & Record<string, unknown>;
}

const get = (path: string, headers: Record<string, string> = {}) => graphGet(agent, lab, path, token, headers);
const batch = async (requests: unknown[]) => graphSend(agent, lab, 'POST', '/$batch', token, { requests });

async function groupNamed(name: string): Promise<Group> {
  const page = (await get(`/groups?$filter=displayName eq '${name}'&$select=id,displayName,securityEnabled,assignedLicenses,licenseProcessingState`)).json() as { value: Group[] };
  const group = page.value[0];
  if (!group) throw new Error(`no group ${name}`);
  return group;
}

beforeAll(async () => {
  labFolder = await mkdtemp(join(tmpdir(), 'lab-tenant-scale-'));
  await seedLargeLabTenant(labFolder, 5000);
  lab = await startLabTenant({ labFolder, port: 0, groupLicenseProcessing: { queuedMs: 400, baseMs: 400, perMemberMs: 1, maxMs: 3000 } });
  agent = labAgent(lab);
  token = (await signIn(agent, lab, 'globaladmin@contoso.onmicrosoft.com', SCOPES)).access_token;
});

afterAll(async () => {
  await agent?.close();
  await lab?.close();
  await rm(labFolder, { recursive: true, force: true });
});

describe('lab Graph: groups', () => {
  it('lists groups; licenses and processing state come only with $select; $count and $search need ConsistencyLevel', async () => {
    const plain = (await get('/groups?$top=3')).json() as { value: Record<string, unknown>[]; '@odata.nextLink'?: string };
    expect(plain.value).toHaveLength(3);
    expect(plain.value[0]).not.toHaveProperty('assignedLicenses');
    expect(plain.value[0]).not.toHaveProperty('licenseProcessingState');
    expect(plain['@odata.nextLink']).toContain('$skiptoken=');

    const selected = '/groups?$filter=securityEnabled eq true&$select=id,displayName,groupTypes,onPremisesSyncEnabled,assignedLicenses,licenseProcessingState&$count=true';
    const refused = await get(selected);
    expect(refused.status).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'Request_BadRequest', message: '$count is not currently supported.', innerError: { 'request-id': expect.any(String), date: expect.any(String) } } });
    const page = (await get(selected, { ConsistencyLevel: 'eventual' })).json() as { '@odata.count': number; value: (Group & { onPremisesSyncEnabled: boolean | null })[] };
    const names = page.value.map((group) => group.displayName);
    // Six synchronized department groups, and the security-enabled cloud groups; not "All Company" nor the distribution list.
    expect(names).toEqual(expect.arrayContaining(['Dept - Engineering', 'Dept - Sales', 'EMS pilot', 'IT Admins', 'Helpdesk', 'Project Falcon']));
    expect(names).not.toContain('All Company');
    expect(names).not.toContain('Sales announcements');
    expect(page['@odata.count']).toBe(names.length);
    expect(page.value.find((group) => group.displayName === 'Dept - Sales')).toMatchObject({ onPremisesSyncEnabled: true, assignedLicenses: [], licenseProcessingState: { state: 'ProcessingComplete' } });

    const search = '/groups?$search="displayName:pilot"&$select=displayName';
    expect((await get(search)).status).toBe(400);
    expect(((await get(search, { ConsistencyLevel: 'eventual' })).json() as { value: Group[] }).value.map((group) => group.displayName)).toEqual(['EMS pilot']);
  });

  it('filters groups with license errors only WITHOUT ConsistencyLevel, as Graph does', async () => {
    const path = '/groups?$filter=hasMembersWithLicenseErrors eq true&$select=id,displayName';
    const refused = await get(path, { ConsistencyLevel: 'eventual' });
    expect(refused.status).toBe(400);
    expect(refused.json()).toMatchObject({
      error: { code: 'Request_UnsupportedQuery', message: "Unsupported or invalid query filter clause specified for property 'hasMembersWithLicenseErrors' of resource 'Group'." },
    });
    expect((await get(path)).json()).toMatchObject({ value: [] });
  });

  it('licenses a group: 202 at once, processing settles after a delay, members inherit, the member in error is listed', async () => {
    const pilot = await groupNamed('EMS pilot');
    const missing = await graphSend(agent, lab, 'POST', `/groups/${pilot.id}/assignLicense`, token, { removeLicenses: [] });
    expect(missing.status).toBe(400);
    expect(missing.json()).toMatchObject({
      error: {
        code: 'Request_BadRequest',
        message: "One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: addLicenses.",
      },
    });
    const distribution = (await get("/groups?$filter=displayName eq 'Sales announcements'&$select=id")).json() as { value: { id: string }[] };
    expect((await graphSend(agent, lab, 'POST', `/groups/${distribution.value[0]?.id}/assignLicense`, token, { addLicenses: [{ skuId: EMS, disabledPlans: [] }], removeLicenses: [] })).status).toBe(400);

    const accepted = await graphSend(agent, lab, 'POST', `/groups/${pilot.id}/assignLicense`, token, { addLicenses: [{ skuId: EMS, disabledPlans: [INTUNE] }], removeLicenses: [] });
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('location')).toContain(`/directoryObjects/${pilot.id}/Microsoft.DirectoryServices.Group`);
    expect(accepted.json()).toEqual({ id: pilot.id, groupTypes: [], securityEnabled: true });

    const state = async () => ((await get(`/groups/${pilot.id}?$select=id,licenseProcessingState,assignedLicenses`)).json() as Group).licenseProcessingState?.state;
    expect(await state()).toBe('QueuedForProcessing');
    const seen = new Set<string>();
    for (let tries = 0; tries < 60 && (await state()) !== 'ProcessingComplete'; tries += 1) {
      seen.add((await state()) ?? '');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(seen).toContain('ProcessingInProgress');
    expect(await state()).toBe('ProcessingComplete');
    expect(((await get(`/groups/${pilot.id}?$select=assignedLicenses`)).json() as Group).assignedLicenses).toEqual([{ skuId: EMS, disabledPlans: [INTUNE] }]);

    const members = (await get(`/groups/${pilot.id}/members?$select=id,userPrincipalName,assignedLicenses,licenseAssignmentStates`)).json() as {
      value: { id: string; userPrincipalName: string; assignedLicenses: unknown[]; licenseAssignmentStates: Record<string, unknown>[] }[];
    };
    expect(members.value).toHaveLength(6);
    const healthy = members.value.filter((member) => member.licenseAssignmentStates.some((entry) => entry.state === 'Active'));
    expect(healthy).toHaveLength(5);
    expect(healthy[0]?.licenseAssignmentStates).toEqual([
      { assignedByGroup: pilot.id, disabledPlans: [INTUNE], error: 'None', lastUpdatedDateTime: expect.stringMatching(/Z$/), skuId: EMS, state: 'Active' },
    ]);
    expect(healthy[0]?.assignedLicenses).toEqual([{ disabledPlans: [INTUNE], skuId: EMS }]);

    // The member whose address the "Front Desk" mailbox holds: UniquenessViolation, listed by both Graph queries.
    const withErrors = (await get('/groups?$filter=hasMembersWithLicenseErrors eq true&$select=id,displayName,hasMembersWithLicenseErrors')).json() as { value: Record<string, unknown>[] };
    expect(withErrors.value).toEqual([{ id: pilot.id, displayName: 'EMS pilot' }]);
    const inError = (await get(`/groups/${pilot.id}/membersWithLicenseErrors?$select=id,userPrincipalName,licenseAssignmentStates`)).json() as {
      value: { '@odata.type': string; userPrincipalName: string; licenseAssignmentStates: Record<string, unknown>[] }[];
    };
    expect(inError.value).toHaveLength(1);
    expect(inError.value[0]).toMatchObject({ '@odata.type': '#microsoft.graph.user', licenseAssignmentStates: [{ assignedByGroup: pilot.id, state: 'Error', error: 'UniquenessViolation' }] });

    // An inherited-only license cannot be removed on the user.
    const member = healthy[0];
    await graphSend(agent, lab, 'PATCH', `/users/${member?.id}`, token, { usageLocation: 'US' });
    const remove = await graphSend(agent, lab, 'POST', `/users/${member?.id}/assignLicense`, token, { addLicenses: [], removeLicenses: [EMS] });
    expect(remove.json()).toMatchObject({ error: { code: 'Request_BadRequest', message: 'User license is inherited from a group membership and it cannot be removed directly from the user.' } });
  });
});

describe('lab Graph: $batch', () => {
  it('refuses malformed batches whole: more than 20 requests, a mixed dependsOn, a dependency on a later request, a body without Content-Type', async () => {
    const read = (id: string, extra: Record<string, unknown> = {}) => ({ id, method: 'GET', url: '/organization?$select=id', ...extra });
    const tooMany = await batch(Array.from({ length: 21 }, (_unused, index) => read(String(index))));
    expect(tooMany.status).toBe(400);
    const mixed = await batch([read('1'), read('2', { dependsOn: ['1'] }), read('3'), read('4', { dependsOn: ['3'] })]);
    expect(mixed.status).toBe(400);
    expect(mixed.json()).toMatchObject({ error: { code: 'BadRequest', message: 'Batch should be either fully sequential or fully parallel.' } });
    const later = await batch([read('1', { dependsOn: ['2'] }), read('2')]);
    expect(later.json()).toMatchObject({ error: { message: 'Invalid dependency for request Id 1.' } });
    const noType = await batch([{ id: '1', method: 'PATCH', url: '/me', body: { usageLocation: 'US' } }]);
    expect(noType.status).toBe(400);
  });

  it('answers each request on its own inside a 200, in its own order, and fails dependents of a failed request with 424', async () => {
    const users = ((await get('/users?$filter=onPremisesSyncEnabled eq true&$select=id&$top=3')).json() as { value: { id: string }[] }).value;
    const responses = ((await batch([
      { id: 'a', method: 'GET', url: `/users/${users[0]?.id}?$select=id,usageLocation` },
      { id: 'b', method: 'GET', url: '/users/00000000-0000-0000-0000-000000000000' },
      { id: 'c', method: 'GET', url: '/subscribedSkus' },
      { id: 'd', method: 'GET', url: `/users/${users[1]?.id}?$select=id` },
    ])).json() as { responses: BatchResponse[] }).responses;
    expect(responses.map((response) => response.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(responses.map((response) => response.id)).not.toEqual(['a', 'b', 'c', 'd']);
    expect(Object.fromEntries(responses.map((response) => [response.id, response.status]))).toEqual({ a: 200, b: 404, c: 200, d: 200 });
    expect(responses.find((response) => response.id === 'b')?.body).toMatchObject({ error: { code: 'Request_ResourceNotFound' } });

    const serial = ((await batch([
      { id: '1', method: 'PATCH', url: `/users/${users[2]?.id}`, headers: { 'Content-Type': 'application/json' }, body: { usageLocation: 'XX' } },
      { id: '2', method: 'POST', url: `/users/${users[2]?.id}/assignLicense`, headers: { 'Content-Type': 'application/json' }, body: { addLicenses: [{ skuId: P1, disabledPlans: [] }], removeLicenses: [] }, dependsOn: ['1'] },
    ])).json() as { responses: BatchResponse[] }).responses;
    expect(serial.map((response) => [response.id, response.status])).toEqual([
      ['1', 400],
      ['2', 424],
    ]);
  });

  it('throttles each request inside a batch at Graph\'s documented rates: writes past the tenant\'s write quota get 429 with a decimal Retry-After', async () => {
    const users = ((await get('/users?$filter=onPremisesSyncEnabled eq true&$select=id,usageLocation&$top=5')).json() as { value: { id: string; usageLocation: string | null }[] }).value;
    // Entra Connect and other apps used the tenant's 18,000 writes per 5 minutes, and a second's worth more.
    await lab.simulateOtherAppWrites(18_060);
    const requests = [
      ...users.map((user, index) => ({ id: `w${index}`, method: 'PATCH', url: `/users/${user.id}`, headers: { 'Content-Type': 'application/json' }, body: { usageLocation: 'NO' } })),
      { id: 'r', method: 'GET', url: '/organization?$select=id' },
    ];
    const responses = ((await batch(requests)).json() as { responses: BatchResponse[] }).responses;
    const writes = responses.filter((response) => response.id.startsWith('w'));
    expect(writes.map((response) => response.status)).toEqual([429, 429, 429, 429, 429]);
    for (const write of writes) {
      expect(write.headers['Retry-After']).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(write.headers['Retry-After'])).toBeGreaterThan(0);
      expect(write.headers['x-ms-throttle-information']).toBe('WriteLimitExceeded');
      expect(write.headers['x-ms-throttle-scope']).toMatch(/^Tenant\/Write\//);
      expect(write.body).toMatchObject({
        error: { code: 'TooManyRequests', message: 'Please retry again later.', innerError: { code: '429', status: '429', message: 'Please retry after', 'request-id': expect.any(String), date: expect.any(String) } },
      });
    }
    expect(responses.find((response) => response.id === 'r')?.status).toBe(200);
    // Nothing throttled was applied.
    const after = ((await get('/users?$filter=onPremisesSyncEnabled eq true&$select=id,usageLocation&$top=5')).json() as { value: { usageLocation: string | null }[] }).value;
    expect(after.map((user) => user.usageLocation)).toEqual(users.map((user) => user.usageLocation));

    // The quota refills at 60 writes a second: after the longest Retry-After (and a little more) the same writes pass.
    const wait = Math.max(...writes.map((write) => Number(write.headers['Retry-After'])));
    expect(wait).toBeGreaterThan(0.9);
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait * 1000) + 300));
    const retried = ((await batch(requests.slice(0, 5))).json() as { responses: BatchResponse[] }).responses;
    expect(retried.map((response) => response.status)).toEqual([204, 204, 204, 204, 204]);
  });

  it('plans failures inside a batch too (failNext), with a decimal Retry-After', async () => {
    lab.failNext(/\/subscribedSkus$/, 429, 2.128, 1);
    const responses = ((await batch([{ id: '1', method: 'GET', url: '/subscribedSkus' }, { id: '2', method: 'GET', url: '/subscribedSkus' }])).json() as { responses: BatchResponse[] }).responses;
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 429]);
    expect(responses.find((response) => response.status === 429)?.headers['Retry-After']).toBe('2.128');
  });
});
