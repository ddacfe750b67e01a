import { AppError } from '../../../shared/core/errors';
import { runLicenseBatch } from '../../../shared/licenses/apply';
import type { GroupsPage, LicensedGroup, LicenseErrorEntry, LicenseErrorList } from '../../../shared/licenses/groups';
import type { ApplyGroupLicenseRequest, ApplyLicensesRequest, ApplyLicensesResult, LicensesProgress } from '../../../shared/licenses/license-change';
import { orderSkus } from '../../../shared/licenses/sku-order';
import type { LicenseAssignment, SubscribedSku, SyncedUser, SyncedUsersPage } from '../../../shared/licenses/skus-and-users';
import { notEnoughUnitsMessage } from '../../../shared/licenses/units';
import type { GraphClient, GroupPage, SyncedUserPage } from '../../clients/graph/graph-client';
import type { Logger } from '../../main/logger';
import type { AuthService } from '../auth/auth-service';
import { PageTokens } from './page-tokens';

/** Users per page of the list ("Load more" reads the next page); groups likewise. */
const usersPageSize = 100;
const groupsPageSize = 100;
/** Groups with members in error read for the tenant-wide list (each is one more request). */
const maxErrorGroups = 50;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type LicensesGraph = Pick<
  GraphClient,
  | 'subscribedSkus'
  | 'firstSyncedUsersPage'
  | 'nextSyncedUsersPage'
  | 'runRequests'
  | 'firstGroupsPage'
  | 'nextGroupsPage'
  | 'group'
  | 'assignGroupLicense'
  | 'groupsWithLicenseErrors'
  | 'membersWithLicenseErrors'
  | 'usersLicenseAssignments'
  | 'groupDisplayNames'
>;

export interface LicensesServiceOptions {
  readonly auth: Pick<AuthService, 'getStatus'>;
  readonly graph: LicensesGraph;
  readonly logger: Logger;
}

const sameId = (left: string, right: string): boolean => left.toLowerCase() === right.toLowerCase();

/**
 * Assign licenses: subscriptions and their service plans, synchronized users with their licenses by
 * source, the groups that can hold licenses, license errors, and the changes (per user in batches, or
 * on a group). Every call needs a signed-in administrator (Graph's token).
 */
export class LicensesService {
  private readonly appliedIds = new Set<string>();
  private readonly pageTokens = new PageTokens();
  private readonly groupNames = new Map<string, string>();

  constructor(private readonly options: LicensesServiceOptions) {}

  /** The tenant's subscriptions, Azure AD Premium P1/P2 and EMS E3/E5 first. */
  async listSkus(): Promise<SubscribedSku[]> {
    this.requireSignIn();
    return this.readSkus();
  }

  /** The first page of synchronized users (optionally searched), or the page after `pageToken`. */
  async listUsers(request: { search?: string | undefined; pageToken?: string | undefined }): Promise<SyncedUsersPage> {
    this.requireSignIn();
    const { graph } = this.options;
    const page =
      request.pageToken === undefined
        ? await graph.firstSyncedUsersPage({ ...(request.search === undefined ? {} : { search: request.search }), pageSize: usersPageSize })
        : await graph.nextSyncedUsersPage(this.recall(request.pageToken));
    return this.toRendererPage(page);
  }

  /** Sets usage locations, then changes one license of many users, at most once per applyId; progress through `onProgress`. */
  async apply(request: ApplyLicensesRequest, onProgress: (progress: LicensesProgress) => void): Promise<ApplyLicensesResult> {
    this.requireSignIn();
    const { graph, logger } = this.options;
    this.refuseRepeated(request.applyId);
    // Checked against the tenant's count now, not the page's: nothing starts when licenses are short.
    const sku = await this.skuFor(request.skuId, request.disabledPlans);
    const needed = request.action === 'assign' ? request.operations.length : 0;
    if (needed > sku.availableUnits) {
      const available = sku.availableUnits;
      throw new AppError('NOT_ENOUGH_LICENSES', notEnoughUnitsMessage({ needed, available, shortfall: needed - available }, sku.productName));
    }
    this.refuseRepeated(request.applyId);
    this.claim(request.applyId);

    const result = await runLicenseBatch({
      action: request.action,
      skuId: sku.skuId,
      disabledPlans: request.disabledPlans,
      operations: request.operations,
      graph,
      sleep,
      onProgress: (progress) => onProgress({ applyId: request.applyId, ...progress }),
    });
    const done = result.outcomes.filter((outcome) => outcome.status === 'done').length;
    logger.info(`[licenses] ${request.action} ${sku.skuPartNumber}: ${done} of ${result.outcomes.length} users changed`);
    const skus = await this.readSkus().catch((error: unknown) => {
      logger.warn('[licenses] subscriptions not read again after the change', error);
      return null;
    });
    return { applyId: request.applyId, outcomes: [...result.outcomes], stoppedBy: result.stoppedBy, skus };
  }

  /** The groups that can hold licenses (security-enabled), searched by name, one page at a time. */
  async listGroups(request: { search?: string | undefined; pageToken?: string | undefined }): Promise<GroupsPage> {
    this.requireSignIn();
    const { graph } = this.options;
    const page: GroupPage =
      request.pageToken === undefined
        ? await graph.firstGroupsPage({ ...(request.search === undefined ? {} : { search: request.search }), pageSize: groupsPageSize })
        : await graph.nextGroupsPage(this.recall(request.pageToken));
    for (const group of page.groups) this.groupNames.set(group.id.toLowerCase(), group.displayName);
    return {
      groups: page.groups,
      ...(page.totalCount === undefined ? {} : { totalCount: page.totalCount }),
      ...(page.nextLink === undefined ? {} : { nextPageToken: this.pageTokens.remember(page.nextLink) }),
    };
  }

  /** One group, with its processing state (the page reads it until processing settles). */
  async getGroup(groupId: string): Promise<LicensedGroup> {
    this.requireSignIn();
    return this.options.graph.group(groupId);
  }

  /**
   * Assigns, changes the service plans of, or removes one license on a group, once per applyId. Graph
   * accepts at once and processes the members afterwards; the group is answered with its processing state.
   */
  async applyGroup(request: ApplyGroupLicenseRequest): Promise<LicensedGroup> {
    this.requireSignIn();
    const { graph, logger } = this.options;
    this.refuseRepeated(request.applyId);
    this.claim(request.applyId);
    try {
      const sku = await this.skuFor(request.skuId, request.disabledPlans);
      const group = await graph.group(request.groupId);
      const holds = group.assignedLicenses.some((license) => sameId(license.skuId, sku.skuId));
      if (request.action !== 'assign' && !holds) {
        throw new AppError('VALIDATION_FAILED', `The group ${group.displayName} does not have ${sku.productName}.`);
      }
      if (request.action === 'remove') await graph.assignGroupLicense(group.id, [], [sku.skuId]);
      else await graph.assignGroupLicense(group.id, [{ skuId: sku.skuId, disabledPlans: request.disabledPlans }], []);
      logger.info(`[licenses] ${request.action} ${sku.skuPartNumber} on group ${group.id}`);
      return await graph.group(group.id);
    } catch (error) {
      // Nothing was sent (or Graph refused it): the same submission may be tried again.
      this.appliedIds.delete(request.applyId);
      throw error;
    }
  }

  /** The members of a group whose license from that group is in error, with the license and the error. */
  async groupLicenseErrors(groupId: string): Promise<LicenseErrorList> {
    this.requireSignIn();
    const group = await this.options.graph.group(groupId);
    this.groupNames.set(group.id.toLowerCase(), group.displayName);
    const { members, truncated } = await this.options.graph.membersWithLicenseErrors(group.id);
    return { entries: await this.errorEntries(members, (assignment) => assignment.assignedByGroup !== null && sameId(assignment.assignedByGroup.id, group.id)), truncated };
  }

  /**
   * Users with license errors across the tenant: only group-based errors are stored (direct assignments
   * fail at once), so the groups with members in error, then their members (licensing-at-scale §1.5).
   */
  async usersWithLicenseErrors(): Promise<LicenseErrorList> {
    this.requireSignIn();
    const { graph } = this.options;
    const groups = await graph.groupsWithLicenseErrors();
    for (const group of groups) if (group.displayName) this.groupNames.set(group.id.toLowerCase(), group.displayName);
    const members = new Map<string, { id: string; displayName: string; userPrincipalName: string }>();
    let truncated = groups.length > maxErrorGroups;
    for (const group of groups.slice(0, maxErrorGroups)) {
      const read = await graph.membersWithLicenseErrors(group.id);
      truncated ||= read.truncated;
      for (const member of read.members) members.set(member.id, member);
    }
    return { entries: await this.errorEntries([...members.values()], (assignment) => assignment.assignedByGroup !== null), truncated };
  }

  private async errorEntries(
    members: readonly { id: string; displayName: string; userPrincipalName: string }[],
    concerns: (assignment: LicenseAssignment) => boolean,
  ): Promise<LicenseErrorEntry[]> {
    const assignments = await this.options.graph.usersLicenseAssignments(members.map((member) => member.id));
    await this.learnGroupNames([...assignments.values()].flat());
    return members.flatMap((member) =>
      (assignments.get(member.id) ?? [])
        .filter((assignment) => assignment.error !== null && concerns(assignment))
        .map((assignment) => ({
          userId: member.id,
          displayName: member.displayName,
          userPrincipalName: member.userPrincipalName,
          skuId: assignment.skuId,
          error: assignment.error ?? '',
          group: this.named(assignment.assignedByGroup),
        })),
    );
  }

  /** The page for the renderer: Graph's nextLink stays here, behind a token; inherited licenses name their group. */
  private async toRendererPage(page: SyncedUserPage): Promise<SyncedUsersPage> {
    await this.learnGroupNames(page.users.flatMap((user) => user.licenseAssignments));
    const users: SyncedUser[] = page.users.map((user) => ({
      ...user,
      licenseAssignments: user.licenseAssignments.map((assignment) => ({ ...assignment, assignedByGroup: this.named(assignment.assignedByGroup) })),
    }));
    return {
      users,
      ...(page.totalCount === undefined ? {} : { totalCount: page.totalCount }),
      ...(page.nextLink === undefined ? {} : { nextPageToken: this.pageTokens.remember(page.nextLink) }),
    };
  }

  private named(group: LicenseAssignment['assignedByGroup']): LicenseAssignment['assignedByGroup'] {
    if (group === null) return null;
    return { id: group.id, displayName: this.groupNames.get(group.id.toLowerCase()) ?? group.displayName };
  }

  /** Reads the names of groups not met yet (in batches); a group that cannot be read keeps its id. */
  private async learnGroupNames(assignments: readonly LicenseAssignment[]): Promise<void> {
    const unknown = [...new Set(assignments.flatMap((assignment) => (assignment.assignedByGroup ? [assignment.assignedByGroup.id.toLowerCase()] : [])))].filter(
      (id) => !this.groupNames.has(id),
    );
    if (unknown.length === 0) return;
    const names = await this.options.graph.groupDisplayNames(unknown).catch((error: unknown) => {
      this.options.logger.warn('[licenses] group names not read', error);
      return new Map<string, string>();
    });
    for (const [id, name] of names) this.groupNames.set(id, name);
  }

  /** The SKU, read again now, and the plans to switch off checked against it. */
  private async skuFor(skuId: string, disabledPlans: readonly string[]): Promise<SubscribedSku> {
    const sku = (await this.readSkus()).find((candidate) => sameId(candidate.skuId, skuId));
    if (!sku) throw new AppError('GRAPH_ERROR', 'The tenant has no subscription with this license any more. Reload the page.', skuId);
    const switchable = sku.servicePlans.filter((plan) => plan.appliesTo === 'User');
    const unknown = disabledPlans.filter((planId) => !switchable.some((plan) => sameId(plan.servicePlanId, planId)));
    if (unknown.length > 0) {
      throw new AppError('VALIDATION_FAILED', `These service plans are not part of ${sku.productName}: ${unknown.join(', ')}.`);
    }
    return sku;
  }

  /** Each submission is applied at most once. */
  private refuseRepeated(applyId: string): void {
    if (this.appliedIds.has(applyId)) {
      throw new AppError('PLAN_ALREADY_APPLIED', 'These license changes were already submitted. Review the results, or make a new selection.');
    }
  }

  private claim(applyId: string): void {
    this.appliedIds.add(applyId);
  }

  private recall(pageToken: string): string {
    const nextLink = this.pageTokens.recall(pageToken);
    if (nextLink === undefined) throw new AppError('VALIDATION_FAILED', 'This list is out of date. Read it again from the start.');
    return nextLink;
  }

  private requireSignIn(): void {
    if (this.options.auth.getStatus().state !== 'signedIn') {
      throw new AppError('NOT_SIGNED_IN', 'Sign in to Azure AD on the Connect page first.');
    }
  }

  private async readSkus(): Promise<SubscribedSku[]> {
    return orderSkus(await this.options.graph.subscribedSkus());
  }
}
