import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { LAB_TENANT_CUSTOM_DOMAIN, LAB_TENANT_DISPLAY_NAME, LAB_TENANT_DOMAIN, LAB_TENANT_ID } from '../constants';
import { ROLES_THAT_LICENSE_GROUPS, ROLES_THAT_LICENSE_USERS, ROLES_THAT_MANAGE_GROUPS } from '../directory-roles';
import { readBody, sendJson } from '../http';
import { verifyAccessToken, type VerifiedAccessToken } from '../identity/tokens';
import { findLabAccountByObjectId, type LabAccount } from '../lab-accounts';
import { runBatch } from './batch';
import { DEFAULT_USER_PROPERTIES, isValidUsageLocation, userData, type DirectoryUser } from './directory';
import { DOMAIN_PROPERTIES, FEDERATION_PROPERTIES, LAB_DOMAINS, LAB_FEDERATION_CONFIGURATIONS } from './domains';
import { graphErrorBody, graphErrors, type GraphError } from './graph-errors';
import { GraphFailure, type GraphAnswer, type GraphContext, type GraphRequest } from './graph-request';
import { DEFAULT_GROUP_PROPERTIES, type DirectoryGroup } from './groups';
import {
  assignGroupLicense,
  assignLicenseBodySchema,
  assignUserLicense,
  effectiveAssignedLicenses,
  hasLicenseErrorFrom,
  licenseAssignmentStates,
  licenseProcessingState,
  reprocessUser,
  usedSeats,
} from './licensing';
import { encodeSkipToken, parseEntityQuery, parseSelect, projectEntity, runEntityQuery, type Entity, type EntitySpec } from './odata-query';
import { labSkus, subscribedSku } from './skus';
import { requestCost } from './throttling';
import type { TenantWorld } from './world';

/** Delegated permissions that satisfy each kind of call (any one of them is enough). */
const PERMISSIONS = {
  readSelf: ['User.Read', 'User.ReadWrite', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readOrganization: ['User.Read', 'Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readSkus: ['LicenseAssignment.Read.All', 'LicenseAssignment.ReadWrite.All', 'Organization.Read.All', 'Organization.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readUsers: ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  readGroups: ['GroupMember.Read.All', 'GroupMember.ReadWrite.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  assignUserLicense: ['LicenseAssignment.ReadWrite.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All'],
  assignGroupLicense: ['LicenseAssignment.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'],
  writeUsers: ['User.ReadWrite.All', 'Directory.ReadWrite.All'],
  writeGroupMembers: ['GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'],
  /** domain-list.md: least privileged Domain.Read.All. */
  readDomains: ['Domain.Read.All', 'Domain.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  /** domain-list-federationconfiguration.md (v1.0): Domain.Read.All, higher Domain.ReadWrite.All; Directory.* is not listed. */
  readFederation: ['Domain.Read.All', 'Domain.ReadWrite.All'],
} as const;

/**
 * Roles a delegated caller needs to read a domain's federation configuration (domain-list-federationconfiguration.md:
 * Global Reader, Security Reader, Domain Name, External Identity Provider, Hybrid Identity and Security Administrator),
 * and Global Administrator, which holds all of their actions.
 */
const ROLES_THAT_READ_FEDERATION = [
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  '5d6b6bb7-de71-4623-b4af-96380a352509',
  '8329153b-31d0-4727-b945-745eb3bc5f31',
  'be2f45a1-457d-42af-a067-6ec1fa63bc45',
  '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2',
  '194ae4cb-b126-40b2-bd5b-6091b380977d',
  '62e90394-69f5-4237-9190-012177145e10',
];

function requirePermission(token: VerifiedAccessToken, anyOf: readonly string[]): void {
  const granted = token.scopes.map((scope) => scope.toLowerCase());
  if (!anyOf.some((scope) => granted.includes(scope.toLowerCase()))) throw new GraphFailure(graphErrors.accessDenied());
}

/** Delegated writes also need a directory role that allows them, as in Entra. */
function requireRole(token: VerifiedAccessToken, roles: readonly string[]): void {
  if (!token.roleTemplateIds.some((id) => roles.includes(id))) throw new GraphFailure(graphErrors.accessDenied());
}

const ODATA_HEADERS = { 'Content-Type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8' };
const ok = (body: unknown, status = 200, headers: Record<string, string> = {}): GraphAnswer => ({ status, body, headers: { ...ODATA_HEADERS, ...headers } });

/** The properties of a user Graph can return: the directory's, and those the tenant's licensing keeps. */
function userEntity(world: TenantWorld, user: DirectoryUser): Entity {
  const data = userData(world.state, user);
  return { ...user.base, usageLocation: data.usageLocation, assignedLicenses: effectiveAssignedLicenses(data), licenseAssignmentStates: licenseAssignmentStates(data) };
}

function groupEntity(world: TenantWorld, group: DirectoryGroup): Entity {
  const data = world.state.groups[group.id];
  const withErrors = group.memberUserIds.some((id) => {
    const user = world.usersById.get(id);
    return user !== undefined && hasLicenseErrorFrom(userData(world.state, user), group.id);
  });
  return {
    ...group.base,
    assignedLicenses: (data?.assignedLicenses ?? []).map((license) => ({ disabledPlans: [...license.disabledPlans], skuId: license.skuId.toLowerCase() })),
    licenseProcessingState: { state: licenseProcessingState(data, world.now) },
    hasMembersWithLicenseErrors: withErrors,
  };
}

const USER_FILTERABLE = [
  'id', 'displayName', 'givenName', 'surname', 'userPrincipalName', 'mail', 'jobTitle', 'department', 'city', 'country',
  'usageLocation', 'accountEnabled', 'userType', 'onPremisesSyncEnabled', 'onPremisesImmutableId', 'onPremisesSamAccountName',
] as const;

function userSpec(world: TenantWorld): EntitySpec {
  const first = world.users[0];
  return {
    resource: 'User',
    filterable: USER_FILTERABLE,
    searchable: ['displayName', 'givenName', 'surname', 'userPrincipalName', 'mail', 'jobTitle', 'department'],
    orderable: ['displayName', 'userPrincipalName'],
    selectable: first === undefined ? [] : Object.keys(userEntity(world, first)),
    defaultProperties: DEFAULT_USER_PROPERTIES,
  };
}

const GROUP_SELECTABLE = [...DEFAULT_GROUP_PROPERTIES, 'assignedLicenses', 'licenseProcessingState', 'hasMembersWithLicenseErrors'];
const GROUP_SPEC: EntitySpec = {
  resource: 'Group',
  filterable: ['id', 'displayName', 'mail', 'mailEnabled', 'mailNickname', 'securityEnabled', 'onPremisesSyncEnabled', 'onPremisesSamAccountName'],
  searchable: ['displayName', 'description', 'mail', 'mailNickname'],
  orderable: ['displayName'],
  selectable: GROUP_SELECTABLE,
  defaultProperties: DEFAULT_GROUP_PROPERTIES,
};
/** Never returned, even when selected (group-list.md); it exists for `$filter` only. */
const GROUP_HIDDEN = ['hasMembersWithLicenseErrors'];

function findUser(world: TenantWorld, idOrName: string): DirectoryUser {
  const wanted = idOrName.toLowerCase();
  const user = world.usersById.get(wanted) ?? world.users.find((candidate) => candidate.userPrincipalName.toLowerCase() === wanted);
  if (user === undefined) throw new GraphFailure(graphErrors.notFound(idOrName));
  return user;
}

function findGroup(world: TenantWorld, id: string): DirectoryGroup {
  const group = world.groupsById.get(id.toLowerCase());
  if (group === undefined) throw new GraphFailure(graphErrors.notFound(id));
  return group;
}

function contextUrl(baseUrl: string, entitySet: string, select: readonly string[] | null, entity = false): string {
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

/** A collection answer: `@odata.count` only when asked (and only on the first page, known-issues.md). */
function collection(context: GraphContext, request: GraphRequest, entitySet: string, entities: readonly Entity[], spec: EntitySpec, hidden: readonly string[] = []): GraphAnswer {
  const consistencyEventual = (request.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
  const query = parseEntityQuery(request.url.searchParams, consistencyEventual, spec);
  if (!query.ok) throw new GraphFailure(query.error);
  const page = runEntityQuery(entities, query.value, spec, hidden);
  return ok({
    '@odata.context': contextUrl(context.baseUrl, entitySet, query.value.select),
    ...(query.value.count && query.value.offset === 0 ? { '@odata.count': page.total } : {}),
    ...(page.nextOffset === null ? {} : { '@odata.nextLink': nextLink(context.baseUrl, request.url, page.nextOffset) }),
    value: page.items,
  });
}

function asUserObject(entity: Entity): Entity {
  return { '@odata.type': '#microsoft.graph.user', ...entity };
}

async function readAssignLicenseBody(request: GraphRequest) {
  const body = assignLicenseBodySchema.safeParse(await request.json());
  if (!body.success) throw new GraphFailure(graphErrors.badRequest('Invalid request body for assignLicense.'));
  return body.data;
}

async function routeUsers(request: GraphRequest, segments: string[], token: VerifiedAccessToken, account: LabAccount, context: GraphContext): Promise<GraphAnswer> {
  const { method } = request;
  const { model } = context;
  const world = await model.world();
  if (segments.length === 1) {
    if (method !== 'GET') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.readUsers);
    return collection(context, request, 'users', world.users.map((user) => userEntity(world, user)), userSpec(world));
  }
  const user = findUser(world, segments[1] ?? '');
  const action = segments[2];
  if (action === 'assignLicense' && segments.length === 3) {
    if (method !== 'POST') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.assignUserLicense);
    requireRole(token, ROLES_THAT_LICENSE_USERS);
    const result = assignUserLicense(world, user, await readAssignLicenseBody(request));
    if (!result.ok) throw new GraphFailure(result.error);
    model.writeUser(user, result.value);
    const entity = userEntity(world, user);
    // 200 with the user's default properties and its licenses (user-assignlicense.md).
    return ok({ '@odata.context': contextUrl(context.baseUrl, 'users', null, true), ...projectEntity(entity, null, DEFAULT_USER_PROPERTIES), assignedLicenses: entity.assignedLicenses });
  }
  if (action === 'reprocessLicenseAssignment' && segments.length === 3) {
    if (method !== 'POST') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.writeUsers);
    requireRole(token, ROLES_THAT_LICENSE_USERS);
    reprocessUser(world, user, (target, data) => model.writeUser(target, data));
    return ok({ '@odata.context': contextUrl(context.baseUrl, 'users', null, true), ...projectEntity(userEntity(world, user), null, DEFAULT_USER_PROPERTIES) });
  }
  if (segments.length !== 2) throw new GraphFailure(graphErrors.segmentNotFound(action ?? ''));
  if (method === 'GET') {
    requirePermission(token, user.id === account.objectId ? PERMISSIONS.readSelf : PERMISSIONS.readUsers);
    const entity = userEntity(world, user);
    const select = parseSelect(request.url.searchParams.get('$select'), Object.keys(entity));
    if (!select.ok) throw new GraphFailure(select.error);
    return ok({ '@odata.context': contextUrl(context.baseUrl, 'users', select.value, true), ...projectEntity(entity, select.value, DEFAULT_USER_PROPERTIES) });
  }
  if (method === 'PATCH') {
    requirePermission(token, PERMISSIONS.writeUsers);
    requireRole(token, ROLES_THAT_LICENSE_USERS);
    const body = z.record(z.string(), z.unknown()).safeParse(await request.json());
    if (!body.success) throw new GraphFailure(graphErrors.invalidBody());
    const unsupported = Object.keys(body.data).filter((name) => name !== 'usageLocation');
    if (unsupported.length > 0) {
      if (user.synced) {
        throw new GraphFailure(graphErrors.badRequest('Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.'));
      }
      throw new GraphFailure(graphErrors.badRequest(`Property '${unsupported[0] ?? ''}' cannot be changed in the lab tenant.`));
    }
    const usageLocation = body.data.usageLocation;
    if (usageLocation !== undefined) {
      if (usageLocation !== null && (typeof usageLocation !== 'string' || !isValidUsageLocation(usageLocation))) {
        throw new GraphFailure(graphErrors.badRequest("Invalid value specified for property 'usageLocation' of resource 'User'."));
      }
      const current = userData(world.state, user);
      model.writeUser(user, { ...current, usageLocation: typeof usageLocation === 'string' ? usageLocation.toUpperCase() : null });
    }
    return { status: 204 };
  }
  throw new GraphFailure(graphErrors.methodNotAllowed());
}

async function routeGroups(request: GraphRequest, segments: string[], token: VerifiedAccessToken, context: GraphContext): Promise<GraphAnswer> {
  const { method } = request;
  const { model } = context;
  const world = await model.world();
  if (segments.length === 1) {
    if (method !== 'GET') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.readGroups);
    return collection(context, request, 'groups', world.groups.map((group) => groupEntity(world, group)), GROUP_SPEC, GROUP_HIDDEN);
  }
  const group = findGroup(world, segments[1] ?? '');
  const rest = segments.slice(2).join('/');
  if (rest === '') {
    if (method !== 'GET') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.readGroups);
    const select = parseSelect(request.url.searchParams.get('$select'), GROUP_SELECTABLE, 'Group');
    if (!select.ok) throw new GraphFailure(select.error);
    return ok({
      '@odata.context': contextUrl(context.baseUrl, 'groups', select.value, true),
      ...projectEntity(groupEntity(world, group), select.value, DEFAULT_GROUP_PROPERTIES, GROUP_HIDDEN),
    });
  }
  if (rest === 'assignLicense') {
    if (method !== 'POST') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.assignGroupLicense);
    requireRole(token, ROLES_THAT_LICENSE_GROUPS);
    const result = assignGroupLicense(world, group, await readAssignLicenseBody(request), context.groupProcessing);
    if (!result.ok) throw new GraphFailure(result.error);
    model.store.change((state) => {
      state.groups[group.id] = result.value;
    });
    // 202: accepted, processed in the background; the group is the only payload (group-assignlicense.md).
    return ok(projectEntity(groupEntity(world, group), ['id', 'groupTypes', 'securityEnabled'], DEFAULT_GROUP_PROPERTIES), 202, {
      Location: `https://graph.microsoft.com/v2/${LAB_TENANT_ID}/directoryObjects/${group.id}/Microsoft.DirectoryServices.Group`,
    });
  }
  if (rest === 'members' || rest === 'members/microsoft.graph.user') {
    if (method !== 'GET') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.readGroups);
    const users = group.memberUserIds.flatMap((id) => {
      const user = world.usersById.get(id);
      return user === undefined ? [] : [asUserObject(userEntity(world, user))];
    });
    const nested = rest === 'members' ? group.memberGroupIds.flatMap((id) => (world.groupsById.has(id) ? [{ '@odata.type': '#microsoft.graph.group', ...groupEntity(world, findGroup(world, id)) }] : [])) : [];
    return collection(context, request, 'directoryObjects', [...users, ...nested], { ...userSpec(world), selectable: [...userSpec(world).selectable, '@odata.type'], defaultProperties: ['@odata.type', ...DEFAULT_USER_PROPERTIES] });
  }
  if (rest === 'members/$ref') {
    if (method !== 'POST') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.writeGroupMembers);
    requireRole(token, ROLES_THAT_MANAGE_GROUPS);
    const body = z.object({ '@odata.id': z.string() }).safeParse(await request.json());
    if (!body.success) throw new GraphFailure(graphErrors.badRequest("Missing '@odata.id' in the request payload."));
    if (group.synced) {
      throw new GraphFailure(graphErrors.badRequest('Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.'));
    }
    const memberId = body.data['@odata.id'].split('/').pop() ?? '';
    const member = findUser(world, memberId);
    if (group.memberUserIds.includes(member.id)) {
      throw new GraphFailure(graphErrors.badRequest('One or more added object references already exist for the following modified properties: \'members\'.'));
    }
    model.store.change((state) => {
      const stored = state.groups[group.id] ?? { assignedLicenses: [], processing: null, addedMembers: [] };
      stored.addedMembers = [...stored.addedMembers, member.id];
      state.groups[group.id] = stored;
    });
    return { status: 204 };
  }
  if (rest === 'membersWithLicenseErrors' || rest === 'membersWithLicenseErrors/microsoft.graph.user') {
    if (method !== 'GET') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.readGroups);
    const inError = world.users.filter((user) => hasLicenseErrorFrom(userData(world.state, user), group.id));
    const spec = userSpec(world);
    return collection(context, request, 'directoryObjects', inError.map((user) => asUserObject(userEntity(world, user))), {
      ...spec,
      selectable: [...spec.selectable, '@odata.type'],
      defaultProperties: ['@odata.type', ...DEFAULT_USER_PROPERTIES],
    });
  }
  throw new GraphFailure(graphErrors.segmentNotFound(segments[2] ?? ''));
}

/** `GET /domains`, `GET /domains/{id}` and `GET /domains/{id}/federationConfiguration` (no OData options but $select). */
function routeDomains(request: GraphRequest, segments: string[], token: VerifiedAccessToken, context: GraphContext): GraphAnswer {
  if (request.method !== 'GET') throw new GraphFailure(graphErrors.methodNotAllowed());
  requirePermission(token, PERMISSIONS.readDomains);
  const pick = (entities: readonly Record<string, unknown>[], known: readonly string[]) => {
    const select = parseSelect(request.url.searchParams.get('$select'), known);
    if (!select.ok) throw new GraphFailure(select.error);
    const names = select.value;
    return { select: names, value: names === null ? [...entities] : entities.map((entity) => Object.fromEntries(names.map((name) => [name, entity[name]]))) };
  };
  if (segments.length === 1) {
    const { select, value } = pick(LAB_DOMAINS, DOMAIN_PROPERTIES);
    return ok({ '@odata.context': contextUrl(context.baseUrl, 'domains', select), value });
  }
  const id = segments[1] ?? '';
  // Domain names are case-insensitive ids in Graph.
  const found = LAB_DOMAINS.find((candidate) => String(candidate.id).toLowerCase() === id.toLowerCase());
  if (found === undefined) throw new GraphFailure(graphErrors.notFound(id));
  if (segments.length === 2) {
    const { select, value } = pick([found], DOMAIN_PROPERTIES);
    return ok({ '@odata.context': contextUrl(context.baseUrl, 'domains', select, true), ...value[0] });
  }
  if (segments[2] !== 'federationConfiguration') throw new GraphFailure(graphErrors.segmentNotFound(segments[2] ?? ''));
  requirePermission(token, PERMISSIONS.readFederation);
  requireRole(token, ROLES_THAT_READ_FEDERATION);
  const { select, value } = pick(LAB_FEDERATION_CONFIGURATIONS[String(found.id)] ?? [], FEDERATION_PROPERTIES);
  return ok({ '@odata.context': `${context.baseUrl}/v1.0/$metadata#domains('${String(found.id)}')/federationConfiguration${select === null ? '' : `(${select.join(',')})`}`, value });
}

/** Serves one Graph request (top level or inside a batch) for an authenticated caller. */
async function route(request: GraphRequest, token: VerifiedAccessToken, account: LabAccount, context: GraphContext): Promise<GraphAnswer> {
  const { method } = request;
  const segments = request.url.pathname.split('/').slice(2).map((segment) => decodeURIComponent(segment));
  const path = segments.join('/');

  if (path === 'me' || path === 'me/transitiveMemberOf/microsoft.graph.directoryRole' || path === 'me/memberOf/microsoft.graph.directoryRole') {
    if (method !== 'GET') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.readSelf);
    if (path === 'me') {
      const world = await context.model.world();
      const entity = userEntity(world, findUser(world, account.objectId));
      const select = parseSelect(request.url.searchParams.get('$select'), Object.keys(entity));
      if (!select.ok) throw new GraphFailure(select.error);
      return ok({ '@odata.context': contextUrl(context.baseUrl, 'users', select.value, true), ...projectEntity(entity, select.value, DEFAULT_USER_PROPERTIES) });
    }
    return ok({ '@odata.context': `${context.baseUrl}/v1.0/$metadata#directoryRoles`, value: roleObjects(account, request.url.searchParams.get('$select')) });
  }
  if (path === 'organization') {
    if (method !== 'GET') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.readOrganization);
    const world = await context.model.world();
    return ok(organization(context.baseUrl, world.lastSyncDateTime, request.url.searchParams.get('$select')));
  }
  if (path === 'subscribedSkus') {
    if (method !== 'GET') throw new GraphFailure(graphErrors.methodNotAllowed());
    requirePermission(token, PERMISSIONS.readSkus);
    const world = await context.model.world();
    const consumed = usedSeats(world);
    return ok({
      '@odata.context': `${context.baseUrl}/v1.0/$metadata#subscribedSkus`,
      value: labSkus(world.large).map((sku) => subscribedSku(sku, consumed.get(sku.skuId.toLowerCase()) ?? 0, world.large)),
    });
  }
  if (segments[0] === 'domains' && segments.length <= 3) return routeDomains(request, segments, token, context);
  if (segments[0] === 'users' && segments.length <= 3) return routeUsers(request, segments, token, account, context);
  if (segments[0] === 'groups' && segments.length <= 4) return routeGroups(request, segments, token, context);
  throw new GraphFailure(graphErrors.segmentNotFound(segments[0] ?? ''));
}

/** The answer to a request: a GraphFailure becomes Graph's error body. */
async function answer(request: GraphRequest, token: VerifiedAccessToken, account: LabAccount, context: GraphContext, requestId: string, clientRequestId: string): Promise<GraphAnswer> {
  try {
    return await route(request, token, account, context);
  } catch (error) {
    if (!(error instanceof GraphFailure)) throw error;
    return { status: error.graphError.status, body: graphErrorBody(error.graphError, requestId, clientRequestId, context.now()), headers: { 'Content-Type': 'application/json' } };
  }
}

/** Checks a request against Graph's limits (throttling.ts); a throttled request gets the documented 429. */
async function admit(request: GraphRequest, context: GraphContext, requestId: string, clientRequestId: string): Promise<GraphAnswer | { status: 0; headers: Record<string, string> }> {
  const path = request.url.pathname.split('/').slice(2).join('/');
  const decision = context.throttle.admit(requestCost(request.method, path, request.url.searchParams), await context.model.userCount());
  if (!decision.throttled) return { status: 0, headers: decision.headers };
  return {
    status: 429,
    body: graphErrorBody(graphErrors.throttled(), requestId, clientRequestId, context.now()),
    headers: { 'Content-Type': 'application/json', 'Retry-After': String(Number(decision.retryAfterSeconds.toFixed(3))), ...decision.headers },
  };
}

/** Handles a request under /v1.0: validates the bearer token, then serves the Graph call or the `$batch`. */
export async function handleGraphRequest(request: IncomingMessage, response: ServerResponse, url: URL, context: GraphContext): Promise<void> {
  const requestId = randomUUID();
  const clientHeader = request.headers['client-request-id'];
  const clientRequestId = typeof clientHeader === 'string' ? clientHeader : requestId;
  const headers = { 'request-id': requestId, 'client-request-id': clientRequestId };
  const send = (reply: GraphAnswer): void => {
    if (reply.body === undefined) {
      response.writeHead(reply.status, { 'Cache-Control': 'no-store', ...headers, ...reply.headers });
      response.end();
      return;
    }
    sendJson(response, reply.status, reply.body, { ...headers, ...reply.headers });
  };
  const fail = (error: GraphError, extra: Record<string, string> = {}) =>
    sendJson(response, error.status, graphErrorBody(error, requestId, clientRequestId, context.now()), { ...headers, ...extra });

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
  let bodyText: Promise<string> | null = null;
  const graphRequest: GraphRequest = {
    method: request.method ?? 'GET',
    url,
    headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value])),
    json: async () => {
      bodyText ??= readBody(request);
      try {
        return JSON.parse(await bodyText) as unknown;
      } catch {
        throw new GraphFailure(graphErrors.invalidBody());
      }
    },
  };
  try {
    if (url.pathname === '/v1.0/$batch') {
      send(await context.model.batch(() => runBatch(graphRequest, context, (item) => serveOne(item, check.token, account, context, randomUUID()))));
      return;
    }
    send(await serveOne(graphRequest, check.token, account, context, requestId));
  } catch (error) {
    if (error instanceof GraphFailure) {
      fail(error.graphError);
      return;
    }
    throw error;
  } finally {
    await context.model.store.flush();
  }
}

/** Throttling, then the route: what every request goes through, top level or in a batch. */
async function serveOne(request: GraphRequest, token: VerifiedAccessToken, account: LabAccount, context: GraphContext, requestId: string): Promise<GraphAnswer> {
  const clientRequestId = request.headers['client-request-id'] ?? requestId;
  const admitted = await admit(request, context, requestId, clientRequestId);
  if (admitted.status !== 0) return admitted;
  const reply = await answer(request, token, account, context, requestId, clientRequestId);
  return { ...reply, headers: { ...admitted.headers, ...reply.headers } };
}
