import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { LAB_TENANT_CUSTOM_DOMAIN, LAB_TENANT_DISPLAY_NAME, LAB_TENANT_DOMAIN, LAB_TENANT_ID } from '../constants';
import { ROLES_THAT_MANAGE_USERS } from '../directory-roles';
import { readBody, sendEmpty, sendJson } from '../http';
import type { SigningKey } from '../identity/signing-key';
import { verifyAccessToken, type VerifiedAccessToken } from '../identity/tokens';
import { findLabAccountByObjectId, type LabAccount } from '../lab-accounts';
import { directoryUsers, setUserData, userData, type DirectoryUser } from './directory';
import { graphErrorBody, graphErrors, type GraphError } from './graph-errors';
import { applyAssignLicense, assignLicenseBodySchema, consumedUnits, isValidUsageLocation } from './licenses';
import { LAB_SKUS, subscribedSku } from './skus';
import { effectiveDirectory, type SyncStateReader } from './sync-state';
import type { TenantState, TenantStateStore } from './tenant-state';
import { encodeSkipToken, parseSelect, parseUsersQuery, projectUser, runUsersQuery } from './users-query';

export interface GraphContext {
  baseUrl: string;
  issuer: string;
  key: SigningKey;
  now: () => Date;
  syncState: SyncStateReader;
  tenantState: TenantStateStore;
}

/** Delegated permissions that satisfy each kind of call (any one of them is enough). */
const PERMISSIONS = {
  readSelf: ['User.Read', 'User.ReadWrite', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readOrganization: ['User.Read', 'Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readSkus: ['Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'LicenseAssignment.Read.All', 'LicenseAssignment.ReadWrite.All'],
  readUsers: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  assignLicense: ['LicenseAssignment.ReadWrite.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All'],
  writeUsers: ['User.ReadWrite.All', 'Directory.ReadWrite.All'],
} as const;

class GraphFailure extends Error {
  constructor(readonly graphError: GraphError) {
    super(graphError.message);
  }
}

function requirePermission(token: VerifiedAccessToken, anyOf: readonly string[]): void {
  const granted = token.scopes.map((scope) => scope.toLowerCase());
  if (!anyOf.some((scope) => granted.includes(scope.toLowerCase()))) throw new GraphFailure(graphErrors.accessDenied());
}

/** Delegated writes also need a directory role that allows them, as in Entra. */
function requireUserManagementRole(token: VerifiedAccessToken): void {
  if (!token.roleTemplateIds.some((id) => ROLES_THAT_MANAGE_USERS.includes(id))) throw new GraphFailure(graphErrors.accessDenied());
}

const ODATA_HEADERS = { 'Content-Type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8' };

interface Snapshot {
  state: TenantState;
  users: DirectoryUser[];
  lastSyncDateTime: string | null;
}

async function snapshot(context: GraphContext): Promise<Snapshot> {
  const synced = effectiveDirectory(await context.syncState.read(), context.now());
  const state = await context.tenantState.load();
  return { state, users: directoryUsers(synced, state), lastSyncDateTime: synced.lastSyncDateTime };
}

function findUser(users: readonly DirectoryUser[], idOrName: string): DirectoryUser {
  const wanted = idOrName.toLowerCase();
  const user = users.find(
    (candidate) => candidate.id === wanted || (typeof candidate.properties.userPrincipalName === 'string' && candidate.properties.userPrincipalName.toLowerCase() === wanted),
  );
  if (user === undefined) throw new GraphFailure(graphErrors.notFound(idOrName));
  return user;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse(await readBody(request));
  } catch {
    throw new GraphFailure(graphErrors.invalidBody());
  }
}

function contextUrl(baseUrl: string, entitySet: string, select: string[] | null, entity = false): string {
  const selection = select === null ? '' : `(${select.join(',')})`;
  return `${baseUrl}/v1.0/$metadata#${entitySet}${selection}${entity ? '/$entity' : ''}`;
}

function roleObjects(account: LabAccount, selectParameter: string | null): Record<string, unknown>[] {
  const known = ['id', 'deletedDateTime', 'description', 'displayName', 'roleTemplateId'];
  const select = parseSelect(selectParameter, known);
  if (!select.ok) throw new GraphFailure(select.error);
  return account.roles.map((role) => {
    const full: Record<string, unknown> = { id: role.id, deletedDateTime: null, description: role.description, displayName: role.displayName, roleTemplateId: role.roleTemplateId };
    const picked: Record<string, unknown> = { '@odata.type': '#microsoft.graph.directoryRole' };
    for (const name of select.value ?? known) picked[name] = full[name];
    return picked;
  });
}

function organization(baseUrl: string, lastSyncDateTime: string | null, selectParameter: string | null): Record<string, unknown> {
  const full: Record<string, unknown> = {
    id: LAB_TENANT_ID,
    deletedDateTime: null,
    businessPhones: [],
    city: 'Redmond',
    country: null,
    countryLetterCode: 'US',
    createdDateTime: '2019-03-01T08:00:00Z',
    defaultUsageLocation: null,
    displayName: LAB_TENANT_DISPLAY_NAME,
    onPremisesLastSyncDateTime: lastSyncDateTime,
    // null until the first export: Entra's "never synchronized"; true once a sync has happened.
    onPremisesSyncEnabled: lastSyncDateTime === null ? null : true,
    postalCode: '98052',
    preferredLanguage: 'en',
    state: 'WA',
    street: '1 Lab Way',
    tenantType: 'AAD',
    technicalNotificationMails: [`globaladmin@${LAB_TENANT_DOMAIN}`],
    verifiedDomains: [
      { capabilities: 'Email, OfficeCommunicationsOnline', isDefault: false, isInitial: true, name: LAB_TENANT_DOMAIN, type: 'Managed' },
      { capabilities: 'Email, OfficeCommunicationsOnline', isDefault: true, isInitial: false, name: LAB_TENANT_CUSTOM_DOMAIN, type: 'Managed' },
    ],
  };
  const select = parseSelect(selectParameter, Object.keys(full));
  if (!select.ok) throw new GraphFailure(select.error);
  const value = select.value === null ? full : Object.fromEntries([...new Set(['id', ...select.value])].map((name) => [name, full[name]]));
  return { '@odata.context': contextUrl(baseUrl, 'organization', select.value), value: [value] };
}

/** Builds an absolute @odata.nextLink that keeps the caller's query options. */
function nextLink(baseUrl: string, url: URL, offset: number): string {
  const parts: string[] = [];
  for (const [name, value] of url.searchParams) {
    if (name !== '$skiptoken') parts.push(`${name}=${encodeURIComponent(value)}`);
  }
  parts.push(`$skiptoken=${encodeSkipToken(offset)}`);
  return `${baseUrl}${url.pathname}?${parts.join('&')}`;
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  token: VerifiedAccessToken,
  account: LabAccount,
  context: GraphContext,
): Promise<void> {
  const method = request.method ?? 'GET';
  const segments = url.pathname.split('/').slice(2).map((segment) => decodeURIComponent(segment));
  const path = segments.join('/');
  const consistencyEventual = (request.headers['consistencylevel'] ?? '').toString().toLowerCase() === 'eventual';

  if (path === 'me' || path === 'me/transitiveMemberOf/microsoft.graph.directoryRole' || path === 'me/memberOf/microsoft.graph.directoryRole') {
    if (method !== 'GET') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.readSelf);
    if (path === 'me') {
      const { users } = await snapshot(context);
      const me = findUser(users, account.objectId);
      const select = parseSelect(url.searchParams.get('$select'), Object.keys(me.properties));
      if (!select.ok) throw new GraphFailure(select.error);
      sendJson(response, 200, { '@odata.context': contextUrl(context.baseUrl, 'users', select.value, true), ...projectUser(me.properties, select.value) }, ODATA_HEADERS);
      return;
    }
    sendJson(response, 200, { '@odata.context': `${context.baseUrl}/v1.0/$metadata#directoryRoles`, value: roleObjects(account, url.searchParams.get('$select')) }, ODATA_HEADERS);
    return;
  }

  if (path === 'organization') {
    if (method !== 'GET') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.readOrganization);
    const { lastSyncDateTime } = await snapshot(context);
    sendJson(response, 200, organization(context.baseUrl, lastSyncDateTime, url.searchParams.get('$select')), ODATA_HEADERS);
    return;
  }

  if (path === 'subscribedSkus') {
    if (method !== 'GET') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.readSkus);
    const { state, users } = await snapshot(context);
    const consumed = consumedUnits(users.map((user) => userData(state, user.key)));
    sendJson(
      response,
      200,
      {
        '@odata.context': `${context.baseUrl}/v1.0/$metadata#subscribedSkus`,
        value: LAB_SKUS.map((sku) => subscribedSku(sku, consumed.get(sku.skuId) ?? 0)),
      },
      ODATA_HEADERS,
    );
    return;
  }

  if (path === 'users') {
    if (method !== 'GET') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.readUsers);
    const { users } = await snapshot(context);
    const known = users[0] === undefined ? [] : Object.keys(users[0].properties);
    const query = parseUsersQuery(url.searchParams, consistencyEventual, known);
    if (!query.ok) throw new GraphFailure(query.error);
    const page = runUsersQuery(users, query.value);
    sendJson(
      response,
      200,
      {
        '@odata.context': contextUrl(context.baseUrl, 'users', query.value.select),
        ...(query.value.count ? { '@odata.count': page.total } : {}),
        ...(page.nextOffset === null ? {} : { '@odata.nextLink': nextLink(context.baseUrl, url, page.nextOffset) }),
        value: page.users,
      },
      ODATA_HEADERS,
    );
    return;
  }

  if (segments[0] === 'users' && segments[1] !== undefined && (segments.length === 2 || (segments.length === 3 && segments[2] === 'assignLicense'))) {
    const { state, users } = await snapshot(context);
    const user = findUser(users, segments[1]);
    if (segments.length === 3) {
      if (method !== 'POST') throw new GraphFailure(graphErrors.methodNotAllowed());
      requirePermission(token, PERMISSIONS.assignLicense);
      requireUserManagementRole(token);
      const body = assignLicenseBodySchema.safeParse(await readJson(request));
      if (!body.success) throw new GraphFailure(graphErrors.badRequest('Invalid request body for assignLicense.'));
      const consumed = consumedUnits(users.map((candidate) => userData(state, candidate.key)));
      const result = applyAssignLicense(userData(state, user.key), body.data, consumed);
      if (!result.ok) throw new GraphFailure(result.error);
      await context.tenantState.update((current) => setUserData(current, user.key, result.data));
      const updated = findUser((await snapshot(context)).users, user.id);
      sendJson(
        response,
        200,
        { '@odata.context': contextUrl(context.baseUrl, 'users', null, true), ...projectUser(updated.properties, null), assignedLicenses: updated.properties.assignedLicenses },
        ODATA_HEADERS,
      );
      return;
    }
    if (method === 'GET') {
      requirePermission(token, user.id === account.objectId ? PERMISSIONS.readSelf : PERMISSIONS.readUsers);
      const select = parseSelect(url.searchParams.get('$select'), Object.keys(user.properties));
      if (!select.ok) throw new GraphFailure(select.error);
      sendJson(response, 200, { '@odata.context': contextUrl(context.baseUrl, 'users', select.value, true), ...projectUser(user.properties, select.value) }, ODATA_HEADERS);
      return;
    }
    if (method === 'PATCH') {
      requirePermission(token, PERMISSIONS.writeUsers);
      requireUserManagementRole(token);
      const body = z.record(z.string(), z.unknown()).safeParse(await readJson(request));
      if (!body.success) throw new GraphFailure(graphErrors.invalidBody());
      const properties = Object.keys(body.data);
      const unsupported = properties.filter((name) => name !== 'usageLocation');
      if (unsupported.length > 0) {
        if (user.key.kind === 'synced') {
          throw new GraphFailure(graphErrors.badRequest('Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.'));
        }
        throw new GraphFailure(graphErrors.badRequest(`Property '${unsupported[0] ?? ''}' cannot be changed in the lab tenant.`));
      }
      const usageLocation = body.data.usageLocation;
      if (usageLocation !== undefined) {
        if (usageLocation !== null && (typeof usageLocation !== 'string' || !isValidUsageLocation(usageLocation))) {
          throw new GraphFailure(graphErrors.badRequest("Invalid value specified for property 'usageLocation' of resource 'User'."));
        }
        const current = userData(state, user.key);
        const next = typeof usageLocation === 'string' ? usageLocation.toUpperCase() : null;
        await context.tenantState.update((draft) => setUserData(draft, user.key, { ...current, usageLocation: next }));
      }
      sendEmpty(response, 204);
      return;
    }
    throw new GraphFailure(graphErrors.methodNotAllowed());
  }

  throw new GraphFailure(graphErrors.segmentNotFound(segments[0] ?? ''));
}

/** Handles a request under /v1.0: validates the bearer token, then serves the Graph call. */
export async function handleGraphRequest(request: IncomingMessage, response: ServerResponse, url: URL, context: GraphContext): Promise<void> {
  const requestId = randomUUID();
  const clientHeader = request.headers['client-request-id'];
  const clientRequestId = typeof clientHeader === 'string' ? clientHeader : requestId;
  const headers = { 'request-id': requestId, 'client-request-id': clientRequestId };
  const fail = (error: GraphError, extra: Record<string, string> = {}) =>
    sendJson(response, error.status, graphErrorBody(error, requestId, clientRequestId, context.now()), { ...headers, ...extra });
  try {
    const authorization = request.headers.authorization ?? '';
    const bearer = /^Bearer\s+(.*)$/i.exec(authorization)?.[1]?.trim() ?? '';
    const check = await verifyAccessToken(bearer, context.key, context.issuer, context.now());
    if (!check.ok) {
      fail(graphErrors.invalidToken(check.message), {
        'WWW-Authenticate': `Bearer realm="", authorization_uri="${context.baseUrl}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
      });
      return;
    }
    const account = findLabAccountByObjectId(check.token.objectId);
    if (account === undefined) {
      fail(graphErrors.invalidToken('Access token validation failure. The user or its tenant no longer exists.'));
      return;
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    await route(request, response, url, check.token, account, context);
  } catch (error) {
    if (error instanceof GraphFailure) {
      fail(error.graphError);
      return;
    }
    throw error;
  }
}
