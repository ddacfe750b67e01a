import { z } from 'zod';
import { userData, type DirectoryUser } from './directory';
import { graphErrors, type GraphError } from './graph-errors';
import type { DirectoryGroup } from './groups';
import { EXCLUSIVE_PLANS, findSku, labSkus, PLAN_DEPENDENCIES, PROHIBITED_USAGE_LOCATIONS, seatsOf, type SkuDefinition } from './skus';
import type { AssignedLicense, CloudUserData, GroupData, GroupLicenseEntry, LicenseError, TenantState } from './tenant-state';

export const assignLicenseBodySchema = z.object({
  addLicenses: z.array(z.object({ skuId: z.string(), disabledPlans: z.array(z.string()).nullish() })).optional(),
  removeLicenses: z.array(z.string()).nullish(),
});
export type AssignLicenseBody = z.infer<typeof assignLicenseBodySchema>;

/** What the licensing rules read of the tenant at one moment. */
export interface LicensingWorld {
  users: readonly DirectoryUser[];
  usersById: ReadonlyMap<string, DirectoryUser>;
  groups: readonly DirectoryGroup[];
  state: TenantState;
  large: boolean;
  /** Addresses other mail-enabled objects hold (lower case). */
  takenProxyAddresses: ReadonlySet<string>;
  now: Date;
  /** Seats in use per SKU, kept up to date by the tenant model as users change; counted afresh without it. */
  seats?: () => ReadonlyMap<string, number>;
}

/** Seats in use per SKU (a copy the caller may change). */
export function usedSeats(world: Pick<LicensingWorld, 'users' | 'state' | 'large' | 'seats'>): Map<string, number> {
  return new Map(world.seats ? world.seats() : consumedUnits(world));
}

/** How long a group's license processing takes: queued, then a base time plus a time per member (capped). */
export interface GroupProcessingTiming {
  queuedMs: number;
  baseMs: number;
  perMemberMs: number;
  maxMs: number;
}

export const DEFAULT_GROUP_PROCESSING: GroupProcessingTiming = { queuedMs: 1000, baseMs: 1000, perMemberMs: 5, maxMs: 30_000 };

/**
 * The tenant's default usage location, which group-based licensing uses for users without one (§2.4:
 * the "directory's location"; the lab organization has no `defaultUsageLocation`, so `countryLetterCode`).
 */
const TENANT_USAGE_LOCATION = 'US';

const lower = (value: string): string => value.toLowerCase();
const iso = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;

interface Source {
  skuId: string;
  disabledPlans: readonly string[];
  groupId: string | null;
}

function isActive(entry: GroupLicenseEntry): boolean {
  return entry.state === 'Active' || entry.state === 'ActiveWithError';
}

/** The assignments that give the user a license now: direct ones, and inherited ones not in error. */
function activeSources(data: CloudUserData, exceptGroup?: string): Source[] {
  return [
    ...data.assignedLicenses.map((license) => ({ skuId: lower(license.skuId), disabledPlans: license.disabledPlans, groupId: null })),
    ...data.groupLicenses
      .filter((entry) => isActive(entry) && entry.groupId !== exceptGroup)
      .map((entry) => ({ skuId: lower(entry.skuId), disabledPlans: entry.disabledPlans, groupId: entry.groupId })),
  ];
}

function enabledPlans(sources: readonly Source[], large: boolean): Set<string> {
  const enabled = new Set<string>();
  for (const source of sources) {
    const sku = findSku(source.skuId, large);
    const disabled = new Set(source.disabledPlans.map(lower));
    for (const plan of sku?.servicePlans ?? []) if (!disabled.has(lower(plan.servicePlanId))) enabled.add(lower(plan.servicePlanId));
  }
  return enabled;
}

function dependencyViolations(enabled: ReadonlySet<string>): { plan: string; requires: string }[] {
  return PLAN_DEPENDENCIES.filter((rule) => enabled.has(lower(rule.plan)) && !enabled.has(lower(rule.requires)));
}

function exclusiveConflict(added: ReadonlySet<string>, others: ReadonlySet<string>): readonly [string, string] | undefined {
  return EXCLUSIVE_PLANS.find(([a, b]) => (added.has(a) && others.has(b)) || (added.has(b) && others.has(a)));
}

function providesExchange(sku: SkuDefinition, disabledPlans: readonly string[]): boolean {
  const disabled = new Set(disabledPlans.map(lower));
  return sku.servicePlans.some((plan) => plan.servicePlanName.startsWith('EXCHANGE_') && !disabled.has(lower(plan.servicePlanId)));
}

/** One seat per user per SKU, however many assignments give it (§2.3); licenses in error take none. */
export function consumedUnits(world: Pick<LicensingWorld, 'users' | 'state' | 'large'>): Map<string, number> {
  const counts = new Map<string, number>(labSkus(world.large).map((sku) => [lower(sku.skuId), 0]));
  // Only users with data of their own hold licenses; users the directory no longer has hold none.
  const present = presentKeys(world.users);
  const holders = [
    ...Object.entries(world.state.syncedUsers).filter(([immutableId]) => present.synced.has(immutableId)),
    ...Object.entries(world.state.cloudUsers).filter(([objectId]) => present.cloud.has(objectId)),
  ];
  for (const [, data] of holders) {
    for (const skuId of new Set(activeSources(data).map((source) => source.skuId))) {
      counts.set(skuId, (counts.get(skuId) ?? 0) + 1);
    }
  }
  return counts;
}

const presentCache = new WeakMap<readonly DirectoryUser[], { synced: Set<string>; cloud: Set<string> }>();
function presentKeys(users: readonly DirectoryUser[]): { synced: Set<string>; cloud: Set<string> } {
  let keys = presentCache.get(users);
  if (keys === undefined) {
    keys = { synced: new Set(), cloud: new Set() };
    for (const user of users) {
      if (user.key.kind === 'synced') keys.synced.add(user.key.immutableId);
      else keys.cloud.add(user.key.objectId);
    }
    presentCache.set(users, keys);
  }
  return keys;
}

/** `assignedLicenses` as Graph shows it: direct and inherited, one per SKU, the plans enabled by any source (§2.1, §2.3). */
export function effectiveAssignedLicenses(data: CloudUserData): { disabledPlans: string[]; skuId: string }[] {
  const bySku = new Map<string, { skuId: string; disabled: Set<string> | null }>();
  for (const source of activeSources(data)) {
    const current = bySku.get(source.skuId);
    const disabled = new Set(source.disabledPlans);
    if (current === undefined) bySku.set(source.skuId, { skuId: source.skuId, disabled });
    else current.disabled = new Set([...(current.disabled ?? [])].filter((plan) => disabled.has(plan)));
  }
  return [...bySku.values()].map((license) => ({ disabledPlans: [...(license.disabled ?? [])], skuId: license.skuId }));
}

/** `licenseAssignmentStates`: one entry per SKU per source; healthy entries say `"error": "None"`, as Microsoft's sample (E26). */
export function licenseAssignmentStates(data: CloudUserData): Record<string, unknown>[] {
  return [
    ...data.assignedLicenses.map((license) => ({
      assignedByGroup: null,
      disabledPlans: [...license.disabledPlans],
      error: 'None',
      lastUpdatedDateTime: license.lastUpdatedDateTime ?? null,
      skuId: lower(license.skuId),
      state: 'Active',
    })),
    ...data.groupLicenses.map((entry) => ({
      assignedByGroup: entry.groupId,
      disabledPlans: [...entry.disabledPlans],
      error: entry.error ?? 'None',
      lastUpdatedDateTime: entry.lastUpdatedDateTime,
      skuId: lower(entry.skuId),
      state: entry.state,
    })),
  ];
}

export type Applied<T> = { ok: true; value: T } | { ok: false; error: GraphError };

function missingParameters(body: AssignLicenseBody): GraphError | null {
  const missing = [body.addLicenses === undefined ? 'addLicenses' : null, body.removeLicenses === undefined ? 'removeLicenses' : null].filter(
    (name): name is string => name !== null,
  );
  if (missing.length === 0) return null;
  return graphErrors.badRequest(
    `One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: ${missing.join(', ')}.`,
  );
}

/** The additions of a body with each plan checked against its SKU (I8: a plan of another SKU is refused). */
function readAdditions(body: AssignLicenseBody, large: boolean): Applied<{ sku: SkuDefinition; license: AssignedLicense }[]> {
  const additions: { sku: SkuDefinition; license: AssignedLicense }[] = [];
  for (const addition of body.addLicenses ?? []) {
    const sku = findSku(addition.skuId, large);
    if (sku === undefined) return { ok: false, error: graphErrors.badRequest(`License ${addition.skuId} does not correspond to a valid company License.`) };
    const disabledPlans: string[] = [];
    for (const planId of addition.disabledPlans ?? []) {
      const plan = sku.servicePlans.find((candidate) => lower(candidate.servicePlanId) === lower(planId));
      if (plan === undefined) {
        return { ok: false, error: graphErrors.badRequest(`Service plan ${planId} does not correspond to a valid service plan of License ${sku.skuId}.`) };
      }
      if (!disabledPlans.includes(plan.servicePlanId)) disabledPlans.push(plan.servicePlanId);
    }
    additions.push({ sku, license: { skuId: sku.skuId, disabledPlans } });
  }
  return { ok: true, value: additions };
}

const dependencyMessage = (rule: { plan: string; requires: string }) =>
  `License assignment failed because service plan ${rule.plan} depends on the service plan(s) ${rule.requires}.`;

/**
 * `POST /users/{id}/assignLicense` on one user's data, with Graph's checks and messages. Direct
 * assignments fail synchronously (E23): no seat, conflicting or missing plans, a usage location where
 * the service is not offered, a proxy address in use. Inherited licenses cannot be removed on the user.
 */
export function assignUserLicense(world: LicensingWorld, user: DirectoryUser, body: AssignLicenseBody): Applied<CloudUserData> {
  const missing = missingParameters(body);
  if (missing !== null) return { ok: false, error: missing };
  const data = userData(world.state, user);
  const additions = readAdditions(body, world.large);
  if (!additions.ok) return additions;
  if (additions.value.length > 0 && (data.usageLocation === null || data.usageLocation === '')) {
    return { ok: false, error: graphErrors.badRequest('License assignment cannot be done for user with invalid usage location.') };
  }
  const before = enabledPlans(activeSources(data), world.large);
  let direct: AssignedLicense[] = data.assignedLicenses.map((license) => ({ ...license, disabledPlans: [...license.disabledPlans] }));
  for (const skuId of body.removeLicenses ?? []) {
    const sku = findSku(skuId, world.large);
    if (sku === undefined) return { ok: false, error: graphErrors.badRequest(`License ${skuId} does not correspond to a valid company License.`) };
    if (!direct.some((license) => lower(license.skuId) === lower(sku.skuId))) {
      const inherited = data.groupLicenses.some((entry) => lower(entry.skuId) === lower(sku.skuId));
      return {
        ok: false,
        error: graphErrors.badRequest(
          inherited ? 'User license is inherited from a group membership and it cannot be removed directly from the user.' : 'User does not have a corresponding license.',
        ),
      };
    }
    direct = direct.filter((license) => lower(license.skuId) !== lower(sku.skuId));
  }
  const consumed = usedSeats(world);
  const held = new Set(activeSources(data).map((source) => source.skuId));
  const stamp = iso(world.now);
  for (const { sku, license } of additions.value) {
    const location = (data.usageLocation ?? '').toUpperCase();
    if (PROHIBITED_USAGE_LOCATIONS.has(location)) {
      const plan = sku.servicePlans[0]?.servicePlanId ?? sku.skuId;
      return { ok: false, error: graphErrors.badRequest(`License assignment failed because service plan ${plan} is not available in usage location ${location}.`) };
    }
    if (world.takenProxyAddresses.has(lower(user.mail ?? '')) && providesExchange(sku, license.disabledPlans)) {
      return { ok: false, error: graphErrors.badRequest(`License assignment failed because the proxy address smtp:${user.mail ?? ''} is already being used.`) };
    }
    if (!held.has(lower(sku.skuId)) && (consumed.get(lower(sku.skuId)) ?? 0) >= seatsOf(sku, world.large)) {
      return { ok: false, error: graphErrors.badRequest(`Subscription with SKU ${sku.skuId} does not have any available licenses.`) };
    }
    const existing = direct.find((candidate) => lower(candidate.skuId) === lower(sku.skuId));
    if (existing !== undefined) {
      existing.disabledPlans = license.disabledPlans;
      existing.lastUpdatedDateTime = stamp;
    } else {
      direct.push({ ...license, lastUpdatedDateTime: stamp });
    }
  }
  const next: CloudUserData = { ...data, assignedLicenses: direct };
  const sources = activeSources(next);
  for (const { sku, license } of additions.value) {
    const added = enabledPlans([{ skuId: sku.skuId, disabledPlans: license.disabledPlans, groupId: null }], world.large);
    const others = enabledPlans(
      sources.filter((source) => source.skuId !== lower(sku.skuId)),
      world.large,
    );
    const conflict = exclusiveConflict(added, others);
    if (conflict !== undefined) {
      return { ok: false, error: graphErrors.badRequest(`License assignment failed because service plans ${conflict[0]}, ${conflict[1]} are mutually exclusive.`) };
    }
  }
  const after = enabledPlans(sources, world.large);
  const introduced = dependencyViolations(after).find((rule) => !dependencyViolations(before).some((old) => old.plan === rule.plan));
  if (introduced !== undefined) return { ok: false, error: graphErrors.badRequest(dependencyMessage(introduced)) };
  return { ok: true, value: next };
}

/**
 * `POST /groups/{id}/assignLicense`: both parameters required (I7), only security-enabled groups (§1.1).
 * Answers at once; members are processed later (`settleGroupLicensing`).
 */
export function assignGroupLicense(
  world: LicensingWorld,
  group: DirectoryGroup,
  body: AssignLicenseBody,
  timing: GroupProcessingTiming,
): Applied<GroupData> {
  const missing = missingParameters(body);
  if (missing !== null) return { ok: false, error: missing };
  if (!group.securityEnabled) {
    return { ok: false, error: graphErrors.badRequest('License assignment is only supported for security-enabled groups.') };
  }
  const additions = readAdditions(body, world.large);
  if (!additions.ok) return additions;
  const current = world.state.groups[group.id] ?? { assignedLicenses: [], processing: null, addedMembers: [] };
  let licenses = current.assignedLicenses.map((license) => ({ ...license, disabledPlans: [...license.disabledPlans] }));
  for (const skuId of body.removeLicenses ?? []) {
    const sku = findSku(skuId, world.large);
    if (sku === undefined) return { ok: false, error: graphErrors.badRequest(`License ${skuId} does not correspond to a valid company License.`) };
    if (!licenses.some((license) => lower(license.skuId) === lower(sku.skuId))) {
      return { ok: false, error: graphErrors.badRequest('Group does not have a corresponding license.') };
    }
    licenses = licenses.filter((license) => lower(license.skuId) !== lower(sku.skuId));
  }
  for (const { sku, license } of additions.value) {
    const existing = licenses.find((candidate) => lower(candidate.skuId) === lower(sku.skuId));
    if (existing !== undefined) existing.disabledPlans = license.disabledPlans;
    else licenses.push(license);
  }
  return { ok: true, value: { ...current, assignedLicenses: licenses, processing: processingWindow(world.now.getTime(), group.memberUserIds.length, timing) } };
}

function processingWindow(now: number, members: number, timing: GroupProcessingTiming): NonNullable<GroupData['processing']> {
  const startsAt = now + timing.queuedMs;
  return { queuedAt: now, startsAt, completesAt: startsAt + Math.min(timing.maxMs, timing.baseMs + timing.perMemberMs * members) };
}

/** `licenseProcessingState.state`: queued, in progress, or complete (§1.3). */
export function licenseProcessingState(data: GroupData | undefined, now: Date): 'QueuedForProcessing' | 'ProcessingInProgress' | 'ProcessingComplete' {
  const processing = data?.processing ?? null;
  if (processing === null || now.getTime() >= processing.completesAt) return 'ProcessingComplete';
  return now.getTime() < processing.startsAt ? 'QueuedForProcessing' : 'ProcessingInProgress';
}

/** The group's entries on the user that carry an error (what `membersWithLicenseErrors` lists). */
export function hasLicenseErrorFrom(data: CloudUserData, groupId: string): boolean {
  return data.groupLicenses.some((entry) => entry.groupId === groupId && entry.error !== null);
}

/**
 * What a group gives one member, all or nothing (§1.2): each SKU is checked in turn (usage location, a
 * conflicting plan, a proxy address in use, a free seat); if one fails, that SKU carries its error and
 * the group's others `Other`, and none is given. A dependent plan whose requirement the group disables
 * ends up disabled (E21).
 */
function evaluateMember(world: LicensingWorld, data: CloudUserData, user: DirectoryUser, group: DirectoryGroup, consumed: Map<string, number>): GroupLicenseEntry[] {
  const licenses = world.state.groups[group.id]?.assignedLicenses ?? [];
  const previous = data.groupLicenses.filter((entry) => entry.groupId === group.id);
  const others = activeSources(data, group.id);
  const otherPlans = enabledPlans(others, world.large);
  const holds = (skuId: string): boolean =>
    others.some((source) => source.skuId === lower(skuId)) || previous.some((entry) => lower(entry.skuId) === lower(skuId) && isActive(entry));
  const location = (data.usageLocation ?? TENANT_USAGE_LOCATION).toUpperCase();
  const candidates = licenses.flatMap((license) => {
    const sku = findSku(license.skuId, world.large);
    if (sku === undefined) return [];
    const disabled = new Set(license.disabledPlans.map(lower));
    for (const rule of PLAN_DEPENDENCIES) if (disabled.has(lower(rule.requires))) disabled.add(lower(rule.plan));
    const disabledPlans = sku.servicePlans.map((plan) => plan.servicePlanId).filter((id) => disabled.has(lower(id)));
    const plans = enabledPlans([{ skuId: sku.skuId, disabledPlans, groupId: group.id }], world.large);
    let error: LicenseError | null = null;
    if (PROHIBITED_USAGE_LOCATIONS.has(location)) error = 'ProhibitedInUsageLocationViolation';
    else if (exclusiveConflict(plans, otherPlans) !== undefined) error = 'MutuallyExclusiveViolation';
    else if (world.takenProxyAddresses.has(lower(user.mail ?? '')) && providesExchange(sku, disabledPlans)) error = 'UniquenessViolation';
    else if (!holds(sku.skuId) && (consumed.get(lower(sku.skuId)) ?? 0) >= seatsOf(sku, world.large)) error = 'CountViolation';
    return [{ sku, disabledPlans, error }];
  });
  const failed = candidates.some((candidate) => candidate.error !== null);
  const stamp = iso(world.now);
  return candidates.map(({ sku, disabledPlans, error }) => {
    const next: GroupLicenseEntry = {
      groupId: group.id,
      skuId: lower(sku.skuId),
      disabledPlans,
      state: failed ? 'Error' : 'Active',
      error: failed ? (error ?? 'Other') : null,
      lastUpdatedDateTime: stamp,
    };
    const old = previous.find((entry) => lower(entry.skuId) === next.skuId);
    const unchanged =
      old !== undefined && old.state === next.state && old.error === next.error && old.disabledPlans.join() === next.disabledPlans.join();
    return unchanged ? old : next;
  });
}

/** Seats taken or freed when a user's data changes from `before` to `after`. */
export function countSeats(consumed: Map<string, number>, before: CloudUserData, after: CloudUserData): void {
  const had = new Set(activeSources(before).map((source) => source.skuId));
  const has = new Set(activeSources(after).map((source) => source.skuId));
  for (const skuId of has) if (!had.has(skuId)) consumed.set(skuId, (consumed.get(skuId) ?? 0) + 1);
  for (const skuId of had) if (!has.has(skuId)) consumed.set(skuId, (consumed.get(skuId) ?? 1) - 1);
}

/**
 * A group's entries leave a user who left the group, or whose SKU the group no longer has; but not when
 * another assignment's plan needs a plan only this entry gives (`DependencyViolation`, E23 2025: the
 * license stays, in error, until the dependency is fixed).
 */
function withoutGroupEntries(world: LicensingWorld, data: CloudUserData, groupId: string, keep: (entry: GroupLicenseEntry) => boolean): GroupLicenseEntry[] {
  const result: GroupLicenseEntry[] = [];
  for (const entry of data.groupLicenses) {
    if (entry.groupId !== groupId || keep(entry)) {
      result.push(entry);
      continue;
    }
    const remaining = activeSources({ ...data, groupLicenses: data.groupLicenses.filter((other) => other !== entry) });
    const stillEnabled = enabledPlans(remaining, world.large);
    const blocked = dependencyViolations(stillEnabled).some((rule) => enabledPlans(activeSources({ ...data, assignedLicenses: [], groupLicenses: [entry] }), world.large).has(lower(rule.requires)));
    if (blocked) {
      result.push({ ...entry, state: 'ActiveWithError', error: 'DependencyViolation', lastUpdatedDateTime: iso(world.now) });
    }
  }
  return result;
}

/**
 * Processes one group: its members get its licenses (members in UPN order take the remaining seats),
 * users who left and SKUs the group lost are removed. Nested groups' members get nothing (§1.1).
 */
export function processGroup(world: LicensingWorld, group: DirectoryGroup, write: (user: DirectoryUser, data: CloudUserData) => void): void {
  const consumed = usedSeats(world);
  const skus = new Set((world.state.groups[group.id]?.assignedLicenses ?? []).map((license) => lower(license.skuId)));
  const members = new Set(group.memberUserIds);
  for (const user of world.users) {
    const data = userData(world.state, user);
    if (!data.groupLicenses.some((entry) => entry.groupId === group.id)) continue;
    const isMember = members.has(user.id);
    const groupLicenses = withoutGroupEntries(world, data, group.id, (entry) => isMember && skus.has(lower(entry.skuId)));
    if (groupLicenses.length !== data.groupLicenses.length || groupLicenses.some((entry, index) => entry !== data.groupLicenses[index])) {
      const next = { ...data, groupLicenses };
      countSeats(consumed, data, next);
      write(user, next);
    }
  }
  const ordered = group.memberUserIds
    .map((id) => world.usersById.get(id))
    .filter((user): user is DirectoryUser => user !== undefined)
    .sort((left, right) => left.userPrincipalName.localeCompare(right.userPrincipalName, 'en'));
  for (const user of ordered) reevaluateMember(world, user, group, consumed, write);
}

function reevaluateMember(
  world: LicensingWorld,
  user: DirectoryUser,
  group: DirectoryGroup,
  consumed: Map<string, number>,
  write: (user: DirectoryUser, data: CloudUserData) => void,
): void {
  const data = userData(world.state, user);
  const entries = evaluateMember(world, data, user, group, consumed);
  // Entries of SKUs the group no longer has are withoutGroupEntries' business (kept only when blocked).
  const evaluated = new Set(entries.map((entry) => entry.skuId));
  const kept = data.groupLicenses.filter((entry) => entry.groupId !== group.id || !evaluated.has(lower(entry.skuId)));
  const before = data.groupLicenses.filter((entry) => entry.groupId === group.id && evaluated.has(lower(entry.skuId)));
  if (entries.length === before.length && entries.every((entry, index) => entry === before[index])) return;
  const next = { ...data, groupLicenses: [...kept, ...entries] };
  countSeats(consumed, data, next);
  write(user, next);
}

/** `POST /users/{id}/reprocessLicenseAssignment`: the user's groups are applied to the user again (§2.5). */
export function reprocessUser(world: LicensingWorld, user: DirectoryUser, write: (user: DirectoryUser, data: CloudUserData) => void): void {
  const consumed = usedSeats(world);
  for (const group of world.groups) {
    if (!group.memberUserIds.includes(user.id) || (world.state.groups[group.id]?.assignedLicenses.length ?? 0) === 0) continue;
    reevaluateMember(world, user, group, consumed, write);
  }
}

/**
 * Brings group-based licensing up to `world.now`: groups whose processing has ended are applied, and a
 * licensed group whose members changed (a sync brought users in, a member was added) is queued again,
 * as Entra does within minutes of a membership change (E20).
 */
export function settleGroupLicensing(
  world: LicensingWorld,
  timing: GroupProcessingTiming,
  change: (mutate: (state: TenantState) => void) => void,
  write: (user: DirectoryUser, data: CloudUserData) => void,
): void {
  const now = world.now.getTime();
  for (const group of world.groups) {
    const data = world.state.groups[group.id];
    if (data?.processing && now >= data.processing.completesAt) {
      processGroup(world, group, write);
      change((state) => {
        const stored = state.groups[group.id];
        if (stored) stored.processing = null;
      });
    }
  }
  // No group holds or is processing licenses: no member can hold a group's license either (beyond the
  // DependencyViolation ones, which stay by design), so there is no membership to compare.
  if (!Object.values(world.state.groups).some((group) => group.assignedLicenses.length > 0 || group.processing !== null)) return;
  const holders = new Map<string, Set<string>>();
  for (const user of world.users) {
    for (const entry of userData(world.state, user).groupLicenses) {
      if (entry.error === 'DependencyViolation') continue;
      const set = holders.get(entry.groupId) ?? new Set<string>();
      set.add(user.id);
      holders.set(entry.groupId, set);
    }
  }
  for (const group of world.groups) {
    const data = world.state.groups[group.id];
    if (data === undefined || data.processing !== null) continue;
    const held = holders.get(group.id) ?? new Set<string>();
    const wanted = data.assignedLicenses.length === 0 ? new Set<string>() : new Set(group.memberUserIds);
    const drift = held.size !== wanted.size || [...wanted].some((id) => !held.has(id));
    if (drift) {
      change((state) => {
        const stored = state.groups[group.id];
        if (stored) stored.processing = processingWindow(now, group.memberUserIds.length, timing);
      });
    }
  }
}
