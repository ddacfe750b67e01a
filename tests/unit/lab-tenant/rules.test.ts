import { describe, expect, it } from 'vitest';
import { effectiveDirectory, type CloudSection } from '../../../lab/tenant/graph/sync-state';
import { parseEntityQuery, type EntitySpec } from '../../../lab/tenant/graph/odata-query';
import { isValidUsageLocation, syncedUserId } from '../../../lab/tenant/graph/directory';
import { isAllowedRedirectUri } from '../../../lab/tenant/identity/routes';
import { resolveScopes } from '../../../lab/tenant/identity/scopes';
import { evaluateSignIn } from '../../../lab/tenant/identity/sign-in-outcome';

const CLIENT = '4c7e0b52-9a1d-4f3e-8b6a-2d9c5e1f0a37';

describe('sign-in outcomes', () => {
  it.each([
    ['hybridadmin@contoso.onmicrosoft.com', 'LabPassw0rd!', 'signedIn', undefined],
    ['HybridAdmin@Contoso.onmicrosoft.com', 'LabPassw0rd!', 'signedIn', undefined],
    ['mfaadmin@contoso.onmicrosoft.com', 'LabPassw0rd!', 'mfaRequired', undefined],
    ['hybridadmin@contoso.onmicrosoft.com', 'labpassw0rd!', 'retry', 50126],
    ['ghost@contoso.onmicrosoft.com', 'LabPassw0rd!', 'retry', 50034],
    ['expired@contoso.onmicrosoft.com', 'LabPassw0rd!', 'failed', 50055],
    ['expired@contoso.onmicrosoft.com', 'wrong', 'retry', 50126],
    ['me@hotmail.com', 'anything', 'failed', 50020],
    ['admin@fabrikam.onmicrosoft.com', 'LabPassw0rd!', 'failed', 90072],
    ['admin@fabrikam.onmicrosoft.com', 'wrong', 'retry', 50126],
  ])('%s with %s → %s (%s)', (user, password, kind, code) => {
    const outcome = evaluateSignIn(user, password, CLIENT);
    expect(outcome.kind).toBe(kind);
    if (code !== undefined && (outcome.kind === 'retry' || outcome.kind === 'failed')) expect(outcome.error.code).toBe(code);
  });
});

describe('scopes', () => {
  it('grants consented Graph permissions in any naming and echoes them as requested', () => {
    const result = resolveScopes('https://graph.microsoft.com/User.Read Organization.Read.All https://lab:1/User.Read.All openid offline_access', CLIENT, ['https://lab:1']);
    expect(result).toMatchObject({
      ok: true,
      granted: { graphScopes: ['User.Read', 'Organization.Read.All', 'User.Read.All'], offlineAccess: true, openId: true },
    });
    if (result.ok) expect(result.granted.responseScope).toBe('https://graph.microsoft.com/User.Read Organization.Read.All https://lab:1/User.Read.All openid');
  });

  it('refuses permissions without consent, unknown resources and an empty scope', () => {
    expect(resolveScopes('https://graph.microsoft.com/Mail.Send', CLIENT)).toMatchObject({ ok: false, error: { code: 65001 } });
    expect(resolveScopes('https://management.azure.com/user_impersonation', CLIENT)).toMatchObject({ ok: false, error: { code: 500011 } });
    expect(resolveScopes('', CLIENT)).toMatchObject({ ok: false, error: { code: 900144 } });
  });
});

describe('redirect URIs', () => {
  it('accepts only http://localhost with any port or path', () => {
    expect(isAllowedRedirectUri('http://localhost')).toBe(true);
    expect(isAllowedRedirectUri('http://localhost:53123/')).toBe(true);
    expect(isAllowedRedirectUri('https://localhost:53123')).toBe(false);
    expect(isAllowedRedirectUri('http://127.0.0.1:53123')).toBe(false);
    expect(isAllowedRedirectUri('http://localhost.evil.example')).toBe(false);
    expect(isAllowedRedirectUri('http://localhost:1/?next=x')).toBe(false);
  });
});

describe('users query', () => {
  const known = ['id', 'displayName', 'userPrincipalName', 'onPremisesSyncEnabled', 'assignedLicenses'];
  const spec: EntitySpec = { resource: 'User', filterable: known, searchable: ['displayName'], orderable: ['displayName'], selectable: known, defaultProperties: known };
  it('needs ConsistencyLevel: eventual for advanced filters, and knows only real properties', () => {
    expect(parseEntityQuery(new URLSearchParams({ $filter: 'onPremisesSyncEnabled ne true' }), false, spec)).toMatchObject({ ok: false, error: { code: 'Request_UnsupportedQuery' } });
    expect(parseEntityQuery(new URLSearchParams({ $filter: 'onPremisesSyncEnabled ne true', $count: 'true' }), true, spec)).toMatchObject({ ok: true });
    expect(parseEntityQuery(new URLSearchParams({ $select: 'id,shoeSize' }), false, spec)).toMatchObject({ ok: false, error: { message: expect.stringContaining("'shoeSize'") } });
    expect(parseEntityQuery(new URLSearchParams({ $skiptoken: 'garbage' }), false, spec)).toMatchObject({ ok: false });
  });
});

describe('usage locations', () => {
  it('accepts ISO 3166 alpha-2 usage locations only', () => {
    expect(['US', 'DE', 'fr', 'JP'].every(isValidUsageLocation)).toBe(true);
    expect(['XY', 'EU', 'USA', 'U', '12', ''].some(isValidUsageLocation)).toBe(false);
  });
});

describe('synchronized directory', () => {
  const user = (upn: string) => ({
    immutableId: Buffer.from(upn).toString('base64'), objectGuid: null, userPrincipalName: upn, displayName: upn, givenName: null, surname: null, mail: null,
    department: null, jobTitle: null, city: null, country: null, onPremisesSamAccountName: null, onPremisesDistinguishedName: null, onPremisesDomainName: null,
  });
  const cloud: CloudSection = {
    lastExportTimeUtc: '2025-05-01T10:00:00.000Z',
    users: [user('a@contoso.com')],
    pendingExport: { completesAtUtc: '2025-05-01T10:05:00Z', users: [user('a@contoso.com'), user('b@contoso.com')] },
  };
  it('applies a pending export once its completion time has passed', () => {
    expect(effectiveDirectory(cloud, new Date('2025-05-01T10:04:59Z'))).toMatchObject({ lastSyncDateTime: '2025-05-01T10:00:00Z', users: [{}] });
    expect(effectiveDirectory(cloud, new Date('2025-05-01T10:05:00Z'))).toMatchObject({ lastSyncDateTime: '2025-05-01T10:05:00Z', users: [{}, {}] });
    expect(effectiveDirectory(null, new Date())).toEqual({ users: [], lastSyncDateTime: null });
  });
  it('derives a stable GUID user id from the immutableId', () => {
    expect(syncedUserId('abc==')).toBe(syncedUserId('abc=='));
    expect(syncedUserId('abc==')).not.toBe(syncedUserId('abd=='));
    expect(syncedUserId('abc==')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
