import { mkdtemp, rm, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabTenant, type LabTenant } from '../../../lab/index';
import { APP_SCOPES, graphGet, graphSend, labAgent, signIn } from './lab-client';

const P1 = '078d2b04-f1bd-4111-bbd4-b4b1b354cef4';
const EMS_E5 = 'b05e124f-c7cc-45a0-a6aa-8cf78c946968';

function cloudUser(index: number, overrides: Record<string, string | null> = {}): Record<string, string | null> {
  const guid = `00000000-0000-4000-8000-${index.toString().padStart(12, '0')}`;
  return {
    immutableId: Buffer.from(guid.replace(/-/g, ''), 'hex').toString('base64'),
    objectGuid: guid,
    userPrincipalName: `user${index}@contoso.com`,
    displayName: `Synced User ${index}`,
    givenName: 'Synced',
    surname: `User ${index}`,
    mail: `user${index}@contoso.com`,
    department: index % 2 === 0 ? 'Sales' : 'Engineering',
    jobTitle: null,
    city: 'Seattle',
    country: 'US',
    onPremisesSamAccountName: `user${index}`,
    onPremisesDistinguishedName: `CN=User ${index},OU=Users,DC=contoso,DC=com`,
    onPremisesDomainName: 'contoso.com',
    ...overrides,
  };
}

let labFolder = '';
let lab: LabTenant;
let agent: Agent;
let skewMs = 0;
let adminToken = '';

/** Writes the lab sync server's state file the way its module does (atomically, other sections untouched). */
async function writeSyncState(cloud: unknown): Promise<void> {
  const file = join(labFolder, 'sync-server-state.json');
  await writeFile(`${file}.tmp`, JSON.stringify({ version: 1, connectors: [], cloud }));
  await rename(`${file}.tmp`, file);
}

beforeAll(async () => {
  labFolder = await mkdtemp(join(tmpdir(), 'lab-tenant-graph-'));
  await writeSyncState({
    lastExportTimeUtc: '2025-05-01T10:31:52.123Z',
    users: Array.from({ length: 7 }, (_unused, index) => cloudUser(index + 1)),
    pendingExport: null,
  });
  lab = await startLabTenant({ labFolder, port: 0, now: () => new Date(Date.now() + skewMs) });
  agent = labAgent(lab);
  adminToken = (await signIn(agent, lab, 'globaladmin@contoso.onmicrosoft.com')).access_token;
});

afterAll(async () => {
  await agent?.close();
  await lab?.close();
  await rm(labFolder, { recursive: true, force: true });
});

describe('lab Graph: the signed-in administrator', () => {
  it('returns /me and the directory roles of each admin account', async () => {
    const me = await graphGet(agent, lab, '/me', adminToken);
    expect(me.status).toBe(200);
    expect(me.json()).toMatchObject({ userPrincipalName: 'globaladmin@contoso.onmicrosoft.com', displayName: 'Global Admin' });

    const roles = await graphGet(agent, lab, '/me/transitiveMemberOf/microsoft.graph.directoryRole?$select=displayName,roleTemplateId', adminToken);
    expect(roles.json()).toMatchObject({
      value: [{ '@odata.type': '#microsoft.graph.directoryRole', displayName: 'Global Administrator', roleTemplateId: '62e90394-69f5-4237-9190-012177145e10' }],
    });
    const hybrid = (await signIn(agent, lab, 'hybridadmin@contoso.onmicrosoft.com')).access_token;
    const hybridRoles = (await graphGet(agent, lab, '/me/transitiveMemberOf/microsoft.graph.directoryRole', hybrid)).json() as { value: { roleTemplateId: string }[] };
    expect(hybridRoles.value.map((role) => role.roleTemplateId)).toEqual(['8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2']);
    const plain = (await signIn(agent, lab, 'user@contoso.onmicrosoft.com')).access_token;
    expect((await graphGet(agent, lab, '/me/transitiveMemberOf/microsoft.graph.directoryRole', plain)).json()).toMatchObject({ value: [] });
  });

  it('rejects tampered, expired and wrong-audience tokens with 401 InvalidAuthenticationToken', async () => {
    const [header, payload, signature] = adminToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, oid: 'someone-else' })).toString('base64url')}.${signature}`;
    const wrongAudience = (await signIn(agent, lab, 'globaladmin@contoso.onmicrosoft.com')).id_token;

    for (const [token, message] of [
      [tampered, 'Access token validation failure. Invalid signature.'],
      [wrongAudience, 'Access token validation failure. Invalid audience.'],
      ['', 'Access token is empty.'],
    ] as const) {
      const response = await graphGet(agent, lab, '/me', token);
      expect(response.status).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message, innerError: { 'request-id': expect.any(String) } } });
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
    }

    const fresh = (await signIn(agent, lab, 'globaladmin@contoso.onmicrosoft.com')).access_token;
    skewMs += 3601 * 1000;
    try {
      const expired = await graphGet(agent, lab, '/me', fresh);
      expect(expired.status).toBe(401);
      expect(expired.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message: 'Lifetime validation failed, the token is expired.' } });
    } finally {
      skewMs -= 3601 * 1000;
    }
  });

  it('answers 403 Authorization_RequestDenied when the token lacks the permission', async () => {
    const narrow = (await signIn(agent, lab, 'globaladmin@contoso.onmicrosoft.com', 'https://graph.microsoft.com/User.Read openid offline_access')).access_token;
    expect((await graphGet(agent, lab, '/me', narrow)).status).toBe(200);
    const users = await graphGet(agent, lab, '/users', narrow);
    expect(users.status).toBe(403);
    expect(users.json()).toMatchObject({ error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } });
  });

  it('serves domains and federationConfiguration only with Domain.Read.All (and, for federation, a role that may read it); 404 for an unknown domain', async () => {
    const withDomains = 'https://graph.microsoft.com/User.Read https://graph.microsoft.com/Domain.Read.All openid offline_access';
    const narrow = (await signIn(agent, lab, 'globaladmin@contoso.onmicrosoft.com', 'https://graph.microsoft.com/User.Read openid offline_access')).access_token;
    expect((await graphGet(agent, lab, '/domains', narrow)).json()).toMatchObject({ error: { code: 'Authorization_RequestDenied' } });
    const hybrid = (await signIn(agent, lab, 'hybridadmin@contoso.onmicrosoft.com', withDomains)).access_token;
    const domains = await graphGet(agent, lab, '/domains?$select=id,authenticationType', hybrid);
    expect(domains.json()).toEqual({
      '@odata.context': `${lab.baseUrl}/v1.0/$metadata#domains(id,authenticationType)`,
      value: [
        { id: 'contoso.onmicrosoft.com', authenticationType: 'Managed' },
        { id: 'contoso.com', authenticationType: 'Managed' },
        { id: 'fabrikam.com', authenticationType: 'Federated' },
      ],
    });
    const federation = await graphGet(agent, lab, '/domains/Fabrikam.com/federationConfiguration', hybrid);
    expect(federation.json()).toMatchObject({ value: [{ issuerUri: 'http://fs.fabrikam.com/adfs/services/trust', preferredAuthenticationProtocol: 'wsFed', signingCertificate: expect.any(String) }] });
    const unknown = await graphGet(agent, lab, '/domains/unknown.example/federationConfiguration', hybrid);
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'Request_ResourceNotFound', innerError: { 'request-id': expect.any(String) } } });
    const plain = (await signIn(agent, lab, 'user@contoso.onmicrosoft.com', withDomains)).access_token;
    expect((await graphGet(agent, lab, '/domains', plain)).status).toBe(200);
    expect((await graphGet(agent, lab, '/domains/fabrikam.com/federationConfiguration', plain)).status).toBe(403);
  });

  it('accepts the lab origin as the Graph resource in scopes (how the app names Graph in the lab)', async () => {
    const scopes = `${lab.baseUrl}/User.Read ${lab.baseUrl}/Organization.Read.All openid offline_access`;
    const tokens = await signIn(agent, lab, 'hybridadmin@contoso.onmicrosoft.com', scopes);
    expect(tokens.scope).toContain(`${lab.baseUrl}/Organization.Read.All`);
    expect((await graphGet(agent, lab, '/organization', tokens.access_token)).status).toBe(200);
  });
});

describe('lab Graph: synchronized users', () => {
  it('lists synchronized users with $filter, $select, paging by absolute nextLink', async () => {
    const seen: Record<string, unknown>[] = [];
    let next: string | undefined =
      '/users?$filter=onPremisesSyncEnabled eq true&$select=id,userPrincipalName,onPremisesSyncEnabled,onPremisesImmutableId,onPremisesLastSyncDateTime&$top=3';
    let pages = 0;
    while (next !== undefined) {
      const response = await graphGet(agent, lab, next, adminToken);
      expect(response.status).toBe(200);
      const body = response.json() as { value: Record<string, unknown>[]; '@odata.nextLink'?: string };
      seen.push(...body.value);
      next = body['@odata.nextLink'];
      if (next !== undefined) expect(next.startsWith(`${lab.graphBaseUrl}/users?`)).toBe(true);
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(seen[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      userPrincipalName: 'user1@contoso.com',
      onPremisesSyncEnabled: true,
      onPremisesImmutableId: cloudUser(1).immutableId,
      onPremisesLastSyncDateTime: '2025-05-01T10:31:52Z',
    });
    expect(new Set(seen.map((user) => user.id)).size).toBe(7);
  });

  it('counts with $count=true only with ConsistencyLevel: eventual, like Graph', async () => {
    const path = '/users?$filter=onPremisesSyncEnabled eq true and assignedLicenses/$count eq 0&$count=true&$select=id';
    const without = await graphGet(agent, lab, path, adminToken);
    expect(without.status).toBe(400);
    expect(without.json()).toMatchObject({ error: { code: 'Request_BadRequest', message: '$count is not currently supported.' } });
    const withHeader = await graphGet(agent, lab, path, adminToken, { ConsistencyLevel: 'eventual' });
    expect(withHeader.status).toBe(200);
    expect(withHeader.json()).toMatchObject({ '@odata.count': 7 });
    const tooBig = await graphGet(agent, lab, '/users?$top=1000', adminToken);
    expect(tooBig.json()).toMatchObject({ error: { message: "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive." } });
  });

  it('searches with $search under ConsistencyLevel: eventual', async () => {
    const response = await graphGet(agent, lab, '/users?$search="displayName:User 3"&$select=userPrincipalName', adminToken, { ConsistencyLevel: 'eventual' });
    expect((response.json() as { value: unknown[] }).value).toContainEqual(expect.objectContaining({ userPrincipalName: 'user3@contoso.com' }));
  });

  it('assigns a license only after the usage location is set, and counts the seat', async () => {
    const list = (await graphGet(agent, lab, "/users?$filter=userPrincipalName eq 'user2@contoso.com'&$select=id,usageLocation,assignedLicenses", adminToken)).json() as {
      value: { id: string; usageLocation: string | null; assignedLicenses: unknown[] }[];
    };
    const user = list.value[0];
    expect(user).toMatchObject({ usageLocation: null, assignedLicenses: [] });
    const consumed = async (skuId: string) =>
      ((await graphGet(agent, lab, '/subscribedSkus', adminToken)).json() as { value: { skuId: string; consumedUnits: number; prepaidUnits: { enabled: number } }[] }).value.find(
        (sku) => sku.skuId === skuId,
      );
    const before = await consumed(P1);

    const body = { addLicenses: [{ skuId: P1, disabledPlans: [] }], removeLicenses: [] };
    const refused = await graphSend(agent, lab, 'POST', `/users/${user?.id}/assignLicense`, adminToken, body);
    expect(refused.status).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'Request_BadRequest', message: 'License assignment cannot be done for user with invalid usage location.' } });

    expect((await graphSend(agent, lab, 'PATCH', `/users/${user?.id}`, adminToken, { usageLocation: 'XY' })).status).toBe(400);
    expect((await graphSend(agent, lab, 'PATCH', `/users/${user?.id}`, adminToken, { usageLocation: 'DE' })).status).toBe(204);
    const assigned = await graphSend(agent, lab, 'POST', `/users/${user?.id}/assignLicense`, adminToken, body);
    expect(assigned.status).toBe(200);
    expect(assigned.json()).toMatchObject({ id: user?.id, assignedLicenses: [{ skuId: P1, disabledPlans: [] }] });
    expect((await consumed(P1))?.consumedUnits).toBe((before?.consumedUnits ?? 0) + 1);

    const reread = (await graphGet(agent, lab, `/users/${user?.id}?$select=usageLocation,assignedLicenses`, adminToken)).json();
    expect(reread).toMatchObject({ usageLocation: 'DE', assignedLicenses: [{ skuId: P1 }] });
  });

  it('refuses a license when the subscription has no seat left, with Graph\'s message', async () => {
    const users = ((await graphGet(agent, lab, '/users?$filter=onPremisesSyncEnabled eq true&$select=id', adminToken)).json() as { value: { id: string }[] }).value;
    // EMS E5 has 2 seats in the lab; the third user is refused.
    for (const [index, user] of users.slice(3, 6).entries()) {
      await graphSend(agent, lab, 'PATCH', `/users/${user.id}`, adminToken, { usageLocation: 'US' });
      const response = await graphSend(agent, lab, 'POST', `/users/${user.id}/assignLicense`, adminToken, { addLicenses: [{ skuId: EMS_E5, disabledPlans: [] }], removeLicenses: [] });
      if (index < 2) expect(response.status).toBe(200);
      else expect(response.json()).toMatchObject({ error: { code: 'Request_BadRequest', message: `Subscription with SKU ${EMS_E5} does not have any available licenses.` } });
    }
  });

  it('does not let a Hybrid Identity Administrator assign licenses (403), as in Entra', async () => {
    const hybrid = (await signIn(agent, lab, 'hybridadmin@contoso.onmicrosoft.com', APP_SCOPES)).access_token;
    const user = ((await graphGet(agent, lab, '/users?$filter=onPremisesSyncEnabled eq true&$select=id&$top=1', hybrid)).json() as { value: { id: string }[] }).value[0];
    const response = await graphSend(agent, lab, 'POST', `/users/${user?.id}/assignLicense`, hybrid, { addLicenses: [{ skuId: P1, disabledPlans: [] }], removeLicenses: [] });
    expect(response.status).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'Authorization_RequestDenied' } });
  });

  it('answers 429 and 503 with Retry-After when a failure is planned, then recovers', async () => {
    lab.failNext('/v1.0/subscribedSkus', 429, 7, 2);
    lab.failNext(/\/v1\.0\/users\?/, 503, 3, 1);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const throttled = await graphGet(agent, lab, '/subscribedSkus', adminToken);
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('7');
      expect(throttled.json()).toMatchObject({ error: { code: 'TooManyRequests' } });
    }
    expect((await graphGet(agent, lab, '/subscribedSkus', adminToken)).status).toBe(200);
    const unavailable = await graphGet(agent, lab, '/users?$top=1', adminToken);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('3');
    expect((await graphGet(agent, lab, '/users?$top=1', adminToken)).status).toBe(200);
  });
});

describe('lab Graph: the tenant\'s last sync', () => {
  it('reports the organization with its sync time, following a pending export once its time has passed', async () => {
    const organization = async () =>
      ((await graphGet(agent, lab, '/organization?$select=id,displayName,onPremisesSyncEnabled,onPremisesLastSyncDateTime,verifiedDomains', adminToken)).json() as {
        value: Record<string, unknown>[];
      }).value[0];
    expect(await organization()).toMatchObject({ id: lab.tenantId, displayName: 'Contoso', onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: '2025-05-01T10:31:52Z' });

    const completesAt = new Date(Date.now() + skewMs + 60_000);
    await writeSyncState({
      lastExportTimeUtc: '2025-05-01T10:31:52Z',
      users: Array.from({ length: 7 }, (_unused, index) => cloudUser(index + 1)),
      pendingExport: { completesAtUtc: completesAt.toISOString(), users: Array.from({ length: 8 }, (_unused, index) => cloudUser(index + 1)) },
    });
    // Not yet: the export is still running.
    expect((await organization())?.onPremisesLastSyncDateTime).toBe('2025-05-01T10:31:52Z');
    skewMs += 61_000;
    expect((await organization())?.onPremisesLastSyncDateTime).toBe(`${completesAt.toISOString().slice(0, 19)}Z`);
    const synced = (await graphGet(agent, lab, '/users?$filter=onPremisesSyncEnabled eq true&$count=true&$select=id', adminToken, { ConsistencyLevel: 'eventual' })).json();
    expect(synced).toMatchObject({ '@odata.count': 8 });
  });
});
