import { fetch, type Agent } from 'undici';
import type { z } from 'zod';
import { AppError } from '../../../shared/core/errors';
import type { DirectoryRole } from '../../../shared/auth/account';
import type { FederationSettings } from '../../../shared/native-tasks/state';
import type { LicensedGroup } from '../../../shared/licenses/groups';
import { normalizeLicenseError } from '../../../shared/licenses/license-errors';
import { servicePlanFriendlyName } from '../../../shared/licenses/service-plans';
import {
  knownSkuProductNames,
  usageLocationSchema,
  type LicenseAssignment,
  type SubscribedSku,
  type SyncedUser,
  type SyncedUserList,
  type SyncedUserQuery,
} from '../../../shared/licenses/skus-and-users';
import type { DirectoryReader } from './directory-reader';
import { createHttpsAgent, networkErrorText } from '../https/https-agent';
import {
  GraphBatchRunner,
  type GraphBatchRequest,
  type GraphItemReply,
  type GraphRequestOutcome,
  type GraphRunOptions,
  type GraphTransport,
} from './graph-batch';
import { federationSettingsFrom } from './federation-settings';
import { mapGraphFailure } from './graph-errors';
import {
  batchResponseSchema,
  directoryRolePageSchema,
  domainPageSchema,
  federationConfigurationPageSchema,
  graphErrorBodySchema,
  groupPageSchema,
  groupSchema,
  memberPageSchema,
  meSchema,
  organizationPageSchema,
  subscribedSkuPageSchema,
  userPageSchema,
  userSchema,
  type GraphMe,
} from './graph-schemas';
import { isRetryableStatus, parseRetryAfterMs, retryDelayMs } from './retry-after';
import { WriteLimiter } from './write-limiter';

export interface GraphClientConfig {
  /** Graph v1.0 base URL: `https://graph.microsoft.com/v1.0`, or the lab tenant's. */
  baseUrl: string;
  /** The auth service's getAccessToken (silent refresh included). */
  getAccessToken: () => Promise<string>;
  /** A CA certificate trusted by this client's HTTPS agent only (the lab tenant's). */
  caCertificatePem?: string;
  /** Attempts per request when Graph answers 429/503 (default 3). */
  maxAttempts?: number;
  /** Longest pause between attempts, whatever Retry-After says (default 60 s). */
  maxRetryDelayMs?: number;
  /** Pause between attempts; tests inject one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Many requests go as JSON batches of up to 20 (default true). False sends each request alone, one
   * after another: the app always batches; the benchmark switches it off to measure the difference.
   */
  batching?: boolean;
  /** Keeps writes within Graph's documented write limits; tests pass one with a fake clock. */
  writeLimiter?: WriteLimiter;
}

export interface Organization {
  id: string;
  displayName: string | null;
  onPremisesSyncEnabled: boolean | null;
  /** ISO-8601 UTC, or null when the tenant never synchronized. */
  onPremisesLastSyncDateTime: string | null;
  defaultDomain?: string;
}

/** Told about a call while it runs; the license batch uses it to say "Graph is busy" at once. */
export interface GraphCallObserver {
  /**
   * Graph answered 429 or 503; the client now waits and tries again, or gives up when it is out of
   * attempts. `retryAfterMs` is the pause Graph asked for (Retry-After), when it said one.
   */
  onBusy?: (retryAfterMs: number | undefined) => void;
}

/** One page of synchronized users. */
export interface SyncedUserPage {
  users: SyncedUser[];
  /** The tenant's count of matching users (`$count`), when Graph returned it. */
  totalCount?: number;
  /**
   * Graph's @odata.nextLink, for `nextSyncedUsersPage`; absent on the last page. It stays in main
   * (the IPC handler hands the renderer an opaque token for it), never in the renderer.
   */
  nextLink?: string;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH';
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  observer?: GraphCallObserver;
}

/** One page of groups that can hold licenses. */
export interface GroupPage {
  groups: LicensedGroup[];
  totalCount?: number;
  /** Graph's @odata.nextLink (kept in main, like the users'); absent on the last page. */
  nextLink?: string;
}

const syncedUserFields = [
  'id',
  'displayName',
  'userPrincipalName',
  'usageLocation',
  'assignedLicenses',
  // Returned only on $select (licensing-at-scale §2.1): says which licenses are direct and which inherited.
  'licenseAssignmentStates',
  'onPremisesSyncEnabled',
  'onPremisesLastSyncDateTime',
].join(',');
// assignedLicenses and licenseProcessingState are returned only on $select (§1.3).
const groupFields = ['id', 'displayName', 'description', 'groupTypes', 'securityEnabled', 'onPremisesSyncEnabled', 'assignedLicenses', 'licenseProcessingState'].join(',');
/** Members in error read per group (each is one user object; the list is paged). */
const maxErrorMembersPerGroup = 999;
const defaultSyncedUserLimit = 1000;
const defaultPageSize = 100;
// $count (and $search, and filtering on onPremisesSyncEnabled with them) are advanced queries,
// on every page, including those read through a nextLink.
const advancedQueryHeaders = { ConsistencyLevel: 'eventual' };

/** Microsoft Graph v1.0 calls of the app, each answer validated; retries 429/503 honouring Retry-After. */
export class GraphClient implements DirectoryReader {
  private readonly agent: Agent;
  private readonly baseUrl: URL;
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly limiter: WriteLimiter;
  private readonly runner: GraphBatchRunner;

  constructor(private readonly config: GraphClientConfig) {
    this.agent = createHttpsAgent(config.caCertificatePem);
    this.baseUrl = new URL(config.baseUrl.replace(/\/+$/, '') + '/');
    this.maxAttempts = Math.max(1, config.maxAttempts ?? 3);
    this.sleep = config.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.limiter = config.writeLimiter ?? new WriteLimiter();
    const transport: GraphTransport = { sendBatch: (requests) => this.sendBatch(requests), sendOne: (request) => this.sendOne(request) };
    this.runner = new GraphBatchRunner({
      transport,
      limiter: this.limiter,
      sleep: this.sleep,
      batching: config.batching ?? true,
      maxDelayMs: config.maxRetryDelayMs ?? 60_000,
    });
  }

  async me(): Promise<GraphMe> {
    return this.request('me', meSchema, { query: { $select: 'id,displayName,userPrincipalName' } });
  }

  /** The signed-in user's active directory roles (PIM-eligible roles appear once activated). */
  async myDirectoryRoles(): Promise<DirectoryRole[]> {
    const roles = await this.readAllPages('me/transitiveMemberOf/microsoft.graph.directoryRole', directoryRolePageSchema, {
      query: { $select: 'displayName,roleTemplateId' },
    });
    return roles.flatMap((role) =>
      role.roleTemplateId ? [{ displayName: role.displayName ?? role.roleTemplateId, roleTemplateId: role.roleTemplateId }] : [],
    );
  }

  async organization(): Promise<Organization | undefined> {
    const page = await this.request('organization', organizationPageSchema, {
      query: { $select: 'id,displayName,onPremisesSyncEnabled,onPremisesLastSyncDateTime,verifiedDomains' },
    });
    const organization = page.value[0];
    if (!organization) return undefined;
    const domains = organization.verifiedDomains ?? [];
    const defaultDomain = (domains.find((domain) => domain.isDefault) ?? domains.find((domain) => domain.isInitial))?.name;
    return {
      id: organization.id,
      displayName: organization.displayName,
      onPremisesSyncEnabled: organization.onPremisesSyncEnabled ?? null,
      onPremisesLastSyncDateTime: organization.onPremisesLastSyncDateTime ?? null,
      ...(defaultDomain === undefined ? {} : { defaultDomain }),
    };
  }

  /** The tenant's domains with their authentication type (Domain.Read.All). */
  async domains(): Promise<{ name: string; authenticationType: string; isVerified: boolean }[]> {
    const domains = await this.readAllPages('domains', domainPageSchema, { query: { $select: 'id,authenticationType,isVerified' } });
    return domains.map((domain) => ({ name: domain.id, authenticationType: domain.authenticationType, isVerified: domain.isVerified ?? false }));
  }

  /** A federated domain's federation settings; undefined when the domain has none (Domain.Read.All and a role that may read them). */
  async federationConfiguration(domain: string): Promise<FederationSettings | undefined> {
    const page = await this.request(`domains/${encodeURIComponent(domain)}/federationConfiguration`, federationConfigurationPageSchema);
    const configuration = page.value[0];
    return configuration === undefined ? undefined : federationSettingsFrom(configuration);
  }

  async subscribedSkus(): Promise<SubscribedSku[]> {
    const page = await this.request('subscribedSkus', subscribedSkuPageSchema);
    return page.value.map((sku) => ({
      skuId: sku.skuId,
      skuPartNumber: sku.skuPartNumber,
      productName: knownSkuProductNames[sku.skuPartNumber] ?? sku.skuPartNumber,
      capabilityStatus: sku.capabilityStatus,
      enabledUnits: sku.prepaidUnits.enabled,
      consumedUnits: sku.consumedUnits,
      availableUnits: Math.max(0, sku.prepaidUnits.enabled - sku.consumedUnits),
      servicePlans: (sku.servicePlans ?? []).map((plan) => ({
        servicePlanId: plan.servicePlanId,
        servicePlanName: plan.servicePlanName,
        friendlyName: servicePlanFriendlyName(plan.servicePlanId, plan.servicePlanName),
        appliesTo: plan.appliesTo ?? 'User',
      })),
    }));
  }

  /** The first page of the synchronized users matching the search text (display name or UPN). */
  async firstSyncedUsersPage(query: { search?: string; pageSize?: number } = {}): Promise<SyncedUserPage> {
    const parameters: Record<string, string> = {
      $filter: 'onPremisesSyncEnabled eq true',
      $select: syncedUserFields,
      $top: String(Math.max(1, Math.min(999, query.pageSize ?? defaultPageSize))),
      $count: 'true',
    };
    const search = searchExpression(query.search);
    if (search) parameters.$search = search;
    return this.syncedUsersPage('users', parameters);
  }

  /**
   * The page a previous page's nextLink points to (the link carries the query). A link to another
   * host than Graph's is refused: the token would go with it.
   */
  async nextSyncedUsersPage(nextLink: string): Promise<SyncedUserPage> {
    return this.syncedUsersPage(nextLink, undefined);
  }

  /** Users synchronized from on-premises AD, following @odata.nextLink up to the limit. */
  async listSyncedUsers(query: SyncedUserQuery = {}): Promise<SyncedUserList> {
    const limit = query.limit ?? defaultSyncedUserLimit;
    let page = await this.firstSyncedUsersPage({
      ...(query.search === undefined ? {} : { search: query.search }),
      pageSize: Math.min(defaultPageSize, limit),
    });
    const totalCount = page.totalCount;
    const users = [...page.users];
    while (page.nextLink !== undefined && users.length < limit) {
      page = await this.nextSyncedUsersPage(page.nextLink);
      users.push(...page.users);
    }
    return {
      users: users.slice(0, limit),
      ...(totalCount === undefined ? {} : { totalCount }),
      truncated: users.length > limit || page.nextLink !== undefined,
    };
  }

  /** Sets the user's usage location (two-letter country), required before a license is assigned. */
  async setUsageLocation(userId: string, country: string, observer?: GraphCallObserver): Promise<void> {
    const parsed = usageLocationSchema.safeParse(country);
    if (!parsed.success) {
      throw new AppError('VALIDATION_FAILED', 'A usage location is a two-letter country code such as US or DE.', country);
    }
    await this.request(`users/${encodeURIComponent(userId)}`, undefined, {
      method: 'PATCH',
      body: { usageLocation: parsed.data },
      ...(observer ? { observer } : {}),
    });
  }

  /**
   * Many requests, each with its own id and outcome: JSON batches of up to 20 (or one by one with
   * `batching: false`), writes paced by the write limiter, a request sent again only when its own status
   * says Graph did not carry it out, after the longest Retry-After (graph-batch.ts).
   */
  runRequests(requests: readonly GraphBatchRequest[], options: GraphRunOptions = {}): Promise<GraphRequestOutcome[]> {
    return this.runner.run(requests, options);
  }

  /** The first page of the groups that can hold licenses (security-enabled), optionally searched by name. */
  async firstGroupsPage(query: { search?: string; pageSize?: number } = {}): Promise<GroupPage> {
    const parameters: Record<string, string> = {
      $filter: 'securityEnabled eq true',
      $select: groupFields,
      $top: String(Math.max(1, Math.min(999, query.pageSize ?? defaultPageSize))),
      $count: 'true',
    };
    const cleaned = (query.search ?? '').replace(/["\\]/g, '').trim();
    if (cleaned !== '') parameters.$search = `"displayName:${cleaned}"`;
    return this.groupsPage('groups', parameters);
  }

  /** The page a previous groups page's nextLink points to. */
  async nextGroupsPage(nextLink: string): Promise<GroupPage> {
    return this.groupsPage(nextLink, undefined);
  }

  /** One group with its licenses and `licenseProcessingState`. */
  async group(groupId: string): Promise<LicensedGroup> {
    return toLicensedGroup(await this.request(`groups/${encodeURIComponent(groupId)}`, groupSchema, { query: { $select: groupFields } }));
  }

  /**
   * `POST /groups/{id}/assignLicense`, always with both arrays (I7). Graph answers 202 at once; the
   * members are processed in the background (read `group()` until its processing state settles).
   */
  async assignGroupLicense(groupId: string, addLicenses: readonly { skuId: string; disabledPlans: readonly string[] }[], removeSkuIds: readonly string[]): Promise<void> {
    await this.limiter.acquire(1);
    await this.request(`groups/${encodeURIComponent(groupId)}/assignLicense`, undefined, {
      method: 'POST',
      body: { addLicenses: addLicenses.map((license) => ({ skuId: license.skuId, disabledPlans: [...license.disabledPlans] })), removeLicenses: [...removeSkuIds] },
    });
  }

  /**
   * Groups with members in license error. `hasMembersWithLicenseErrors` works only without
   * ConsistencyLevel (Graph answers 400 with it, licensing-at-scale §1.4).
   */
  async groupsWithLicenseErrors(): Promise<{ id: string; displayName: string | null }[]> {
    const groups = await this.readAllPages('groups', groupPageSchema, { query: { $filter: 'hasMembersWithLicenseErrors eq true', $select: 'id,displayName' } });
    return groups.map((group) => ({ id: group.id, displayName: group.displayName }));
  }

  /** The members of a group whose license from a group is in error (users only; at most 999 per group). */
  async membersWithLicenseErrors(groupId: string): Promise<{ members: { id: string; displayName: string; userPrincipalName: string }[]; truncated: boolean }> {
    const members = await this.readAllPages(`groups/${encodeURIComponent(groupId)}/membersWithLicenseErrors`, memberPageSchema, {
      query: { $select: 'id,displayName,userPrincipalName', $top: '999' },
    }, Math.ceil(maxErrorMembersPerGroup / 999));
    const users = members.filter((member) => member['@odata.type'] === undefined || member['@odata.type'] === '#microsoft.graph.user');
    return {
      members: users.slice(0, maxErrorMembersPerGroup).map((member) => ({
        id: member.id,
        displayName: member.displayName ?? member.userPrincipalName ?? member.id,
        userPrincipalName: member.userPrincipalName ?? '',
      })),
      truncated: users.length > maxErrorMembersPerGroup,
    };
  }

  /** Each user's licenses by source (`licenseAssignmentStates`), read in batches. Users Graph could not read are left out. */
  async usersLicenseAssignments(userIds: readonly string[]): Promise<Map<string, LicenseAssignment[]>> {
    const requests = [...new Set(userIds)].map((id, index): GraphBatchRequest => ({
      id: String(index),
      method: 'GET',
      url: `/users/${encodeURIComponent(id)}?$select=id,licenseAssignmentStates`,
    }));
    const result = new Map<string, LicenseAssignment[]>();
    for (const outcome of await this.runRequests(requests)) {
      if (outcome.status !== 'done') continue;
      const parsed = userSchema.pick({ id: true, licenseAssignmentStates: true }).safeParse(outcome.body);
      if (parsed.success) result.set(parsed.data.id, toLicenseAssignments(parsed.data.licenseAssignmentStates));
    }
    return result;
  }

  /** Display names of groups, read in batches; a group Graph could not read is left out. */
  async groupDisplayNames(groupIds: readonly string[]): Promise<Map<string, string>> {
    const requests = [...new Set(groupIds)].map((id, index): GraphBatchRequest => ({ id: String(index), method: 'GET', url: `/groups/${encodeURIComponent(id)}?$select=id,displayName` }));
    const names = new Map<string, string>();
    for (const outcome of await this.runRequests(requests)) {
      if (outcome.status !== 'done') continue;
      const parsed = groupSchema.pick({ id: true, displayName: true }).safeParse(outcome.body);
      if (parsed.success && parsed.data.displayName !== null) names.set(parsed.data.id.toLowerCase(), parsed.data.displayName);
    }
    return names;
  }

  /** Adds and removes license SKUs of a user; returns the SKUs Graph now reports assigned. */
  async assignLicense(
    userId: string,
    addSkuIds: readonly string[],
    removeSkuIds: readonly string[] = [],
    observer?: GraphCallObserver,
  ): Promise<{ id: string; assignedSkuIds: string[] }> {
    const user = await this.request(`users/${encodeURIComponent(userId)}/assignLicense`, userSchema, {
      method: 'POST',
      body: {
        addLicenses: addSkuIds.map((skuId) => ({ skuId, disabledPlans: [] })),
        removeLicenses: [...removeSkuIds],
      },
      ...(observer ? { observer } : {}),
    });
    // Graph answers with the user's default properties: usageLocation is not among them.
    return { id: user.id, assignedSkuIds: (user.assignedLicenses ?? []).map((license) => license.skuId) };
  }

  /** Releases the HTTPS agent (tests, app shutdown). */
  async close(): Promise<void> {
    await this.agent.close();
  }

  private async groupsPage(pathOrLink: string, query: Record<string, string> | undefined): Promise<GroupPage> {
    // $count and $search are advanced queries: ConsistencyLevel on every page.
    const page = await this.request(pathOrLink, groupPageSchema, { ...(query ? { query } : {}), headers: advancedQueryHeaders });
    const nextLink = page['@odata.nextLink'];
    const totalCount = page['@odata.count'];
    return {
      groups: page.value.map(toLicensedGroup),
      ...(totalCount === undefined ? {} : { totalCount }),
      ...(nextLink === undefined ? {} : { nextLink }),
    };
  }

  /** `POST /$batch`: each request's own reply. A refused batch as a whole is a reply per request, or an error. */
  private async sendBatch(requests: readonly GraphBatchRequest[]): Promise<GraphItemReply[]> {
    const url = this.resolve('$batch', undefined);
    const token = await this.config.getAccessToken();
    const response = await this.send(url, token, {
      method: 'POST',
      body: {
        requests: requests.map((request) => {
          // A body needs its Content-Type (json-batching.md).
          const headers = { ...request.headers, ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }) };
          return {
            id: request.id,
            method: request.method,
            url: request.url,
            ...(Object.keys(headers).length === 0 ? {} : { headers }),
            ...(request.body === undefined ? {} : { body: request.body }),
          };
        }),
      },
    });
    const text = await response.text();
    if (isRetryableStatus(response.status)) {
      // Graph refused the batch itself: none of its requests ran, each is tried again.
      const headers: Record<string, string> = {};
      const retryAfter = response.headers.get('retry-after');
      if (retryAfter !== null) headers['Retry-After'] = retryAfter;
      return requests.map((request) => ({ id: request.id, status: response.status, headers, body: safeJson(text) }));
    }
    if (!response.ok) throw mapGraphFailure({ status: response.status, ...graphError(text) });
    const batch = parseAnswer(batchResponseSchema, text, url);
    return batch.responses.map((reply) => ({ id: reply.id, status: reply.status, headers: reply.headers ?? {}, body: reply.body }));
  }

  /** One request alone, answered in the same shape as a batch's reply (`batching: false`). */
  private async sendOne(request: GraphBatchRequest): Promise<GraphItemReply> {
    // The same relative URL a batch would carry, below the base URL (its query kept as written).
    const url = this.resolve(request.url.replace(/^\//, ''), undefined);
    const token = await this.config.getAccessToken();
    const response = await this.send(url, token, {
      method: request.method,
      ...(request.body === undefined ? {} : { body: request.body }),
      ...(request.headers ? { headers: { ...request.headers } } : {}),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const text = await response.text();
    return { id: request.id, status: response.status, headers, body: text === '' ? undefined : safeJson(text) };
  }

  private async syncedUsersPage(pathOrLink: string, query: Record<string, string> | undefined): Promise<SyncedUserPage> {
    const page = await this.request(pathOrLink, userPageSchema, { ...(query ? { query } : {}), headers: advancedQueryHeaders });
    const nextLink = page['@odata.nextLink'];
    const totalCount = page['@odata.count'];
    return {
      users: page.value.map(toSyncedUser),
      ...(totalCount === undefined ? {} : { totalCount }),
      ...(nextLink === undefined ? {} : { nextLink }),
    };
  }

  private async readAllPages<T>(
    path: string,
    schema: z.ZodType<{ value: T[]; '@odata.nextLink'?: string | undefined }>,
    options: RequestOptions,
    maxPages = 50,
  ): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = path;
    let pageOptions: RequestOptions = options;
    for (let pages = 0; next !== undefined && pages < maxPages; pages++) {
      const page: { value: T[]; '@odata.nextLink'?: string | undefined } = await this.request(next, schema, pageOptions);
      items.push(...page.value);
      next = page['@odata.nextLink'];
      pageOptions = { ...options, query: undefined };
    }
    return items;
  }

  private request<T>(pathOrLink: string, schema: z.ZodType<T>, options?: RequestOptions): Promise<T>;
  private request(pathOrLink: string, schema: undefined, options?: RequestOptions): Promise<undefined>;
  private async request<T>(pathOrLink: string, schema: z.ZodType<T> | undefined, options: RequestOptions = {}): Promise<T | undefined> {
    const url = this.resolve(pathOrLink, options.query);
    for (let attempt = 1; ; attempt++) {
      const token = await this.config.getAccessToken();
      const response = await this.send(url, token, options);
      const busy = isRetryableStatus(response.status);
      if (busy) options.observer?.onBusy?.(parseRetryAfterMs(response.headers.get('retry-after')));
      if (busy && attempt < this.maxAttempts) {
        await response.body?.cancel();
        await this.sleep(retryDelayMs(response.headers.get('retry-after'), attempt, this.config.maxRetryDelayMs ?? 60_000));
        continue;
      }
      const text = await response.text();
      if (!response.ok) {
        const failure = mapGraphFailure({ status: response.status, ...graphError(text) });
        if (busy) {
          throw new AppError(failure.code, failure.message, `Gave up after ${attempt} attempts. ${failure.detail ?? ''}`.trim());
        }
        throw failure;
      }
      if (schema === undefined) return undefined;
      return parseAnswer(schema, text, url);
    }
  }

  private async send(url: URL, token: string, options: RequestOptions) {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await fetch(url, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        dispatcher: this.agent,
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      throw new AppError(
        'NETWORK_UNREACHABLE',
        'Microsoft Graph could not be reached. Check the network connection and the proxy settings of this server.',
        `${url.host}: ${networkErrorText(error)}`,
      );
    }
  }

  /** A path below the base URL, or a nextLink, which must stay on Graph's host (the token goes with it). */
  private resolve(pathOrLink: string, query: Record<string, string> | undefined): URL {
    const url = /^https:\/\//i.test(pathOrLink) ? new URL(pathOrLink) : new URL(pathOrLink, this.baseUrl);
    if (url.origin !== this.baseUrl.origin) {
      throw new AppError('GRAPH_ERROR', 'Microsoft Graph returned a link to another host.', url.origin);
    }
    if (query) {
      // Built by hand: URLSearchParams writes spaces as '+', which OData does not read as a space.
      const pairs = Object.entries(query).map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
      url.search = pairs.join('&');
    }
    return url;
  }
}

function toSyncedUser(user: z.output<typeof userSchema>): SyncedUser {
  return {
    id: user.id,
    displayName: user.displayName ?? user.userPrincipalName,
    userPrincipalName: user.userPrincipalName,
    usageLocation: user.usageLocation ?? null,
    assignedSkuIds: (user.assignedLicenses ?? []).map((license) => license.skuId),
    licenseAssignments: toLicenseAssignments(user.licenseAssignmentStates),
    onPremisesLastSyncDateTime: user.onPremisesLastSyncDateTime ?? null,
  };
}

/** Graph's entries, with `"None"` and null read as no error; group names are filled in by the service. */
function toLicenseAssignments(states: z.output<typeof userSchema>['licenseAssignmentStates']): LicenseAssignment[] {
  return (states ?? []).flatMap((state) =>
    state.skuId
      ? [
          {
            skuId: state.skuId,
            assignedByGroup: state.assignedByGroup ? { id: state.assignedByGroup, displayName: null } : null,
            state: state.state ?? 'Active',
            error: normalizeLicenseError(state.error),
            disabledPlans: state.disabledPlans ?? [],
          },
        ]
      : [],
  );
}

function toLicensedGroup(group: z.output<typeof groupSchema>): LicensedGroup {
  const processing = group.licenseProcessingState;
  return {
    id: group.id,
    displayName: group.displayName ?? group.id,
    description: group.description ?? null,
    synced: group.onPremisesSyncEnabled === true,
    microsoft365: (group.groupTypes ?? []).includes('Unified'),
    assignedLicenses: (group.assignedLicenses ?? []).map((license) => ({ skuId: license.skuId, disabledPlans: license.disabledPlans ?? [] })),
    // Graph omits it for a group that never had licenses: nothing to process.
    processingState: (typeof processing === 'string' ? processing : processing?.state) ?? 'ProcessingComplete',
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `"displayName:ann" OR "userPrincipalName:ann"`; quotes and backslashes are dropped from the typed text. */
export function searchExpression(text: string | undefined): string | undefined {
  const cleaned = (text ?? '').replace(/["\\]/g, '').trim();
  if (cleaned === '') return undefined;
  return `"displayName:${cleaned}" OR "userPrincipalName:${cleaned}"`;
}

function graphError(text: string): { code?: string; message?: string } {
  try {
    const parsed = graphErrorBodySchema.safeParse(JSON.parse(text));
    if (!parsed.success) return {};
    const { code, message } = parsed.data.error;
    return { ...(code === undefined ? {} : { code }), ...(message === undefined ? {} : { message }) };
  } catch {
    return {};
  }
}

function parseAnswer<T>(schema: z.ZodType<T>, text: string, url: URL): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('GRAPH_ERROR', 'Microsoft Graph returned an answer that is not JSON.', url.pathname);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new AppError('GRAPH_ERROR', 'Microsoft Graph returned an unexpected answer.', `${url.pathname}: ${issues}`);
  }
  return parsed.data;
}
