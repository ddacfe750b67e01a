import { AppError } from '../../../shared/core/errors';
import { runLicenseBatch } from '../../../shared/licenses/apply';
import type { ApplyLicensesRequest, ApplyLicensesResult, LicensesProgress } from '../../../shared/licenses/license-change';
import { orderSkus } from '../../../shared/licenses/sku-order';
import type { SubscribedSku, SyncedUsersPage } from '../../../shared/licenses/skus-and-users';
import { notEnoughUnitsMessage } from '../../../shared/licenses/units';
import type { GraphClient, SyncedUserPage } from '../../clients/graph/graph-client';
import type { Logger } from '../../main/logger';
import type { AuthService } from '../auth/auth-service';
import { PageTokens } from './page-tokens';

/** Users per page of the list ("Load more" reads the next page). */
const usersPageSize = 100;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface LicensesServiceOptions {
  readonly auth: Pick<AuthService, 'getStatus'>;
  readonly graph: Pick<GraphClient, 'subscribedSkus' | 'firstSyncedUsersPage' | 'nextSyncedUsersPage' | 'setUsageLocation' | 'assignLicense'>;
  readonly logger: Logger;
}

/**
 * Assign licenses: subscriptions, synchronized users, and the batch that sets usage locations and
 * assigns or removes a license. Every call needs a signed-in administrator (Graph's token).
 */
export class LicensesService {
  private readonly appliedIds = new Set<string>();
  private readonly pageTokens = new PageTokens();

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
    if (request.pageToken === undefined) {
      return this.toRendererPage(await graph.firstSyncedUsersPage({ ...(request.search === undefined ? {} : { search: request.search }), pageSize: usersPageSize }));
    }
    const nextLink = this.pageTokens.recall(request.pageToken);
    if (nextLink === undefined) {
      throw new AppError('VALIDATION_FAILED', 'This list of users is out of date. Read it again from the start.');
    }
    return this.toRendererPage(await graph.nextSyncedUsersPage(nextLink));
  }

  /** Sets usage locations and assigns or removes one license, at most once per applyId; progress through `onProgress`. */
  async apply(request: ApplyLicensesRequest, onProgress: (progress: LicensesProgress) => void): Promise<ApplyLicensesResult> {
    this.requireSignIn();
    const { graph, logger } = this.options;
    if (this.appliedIds.has(request.applyId)) {
      throw new AppError('PLAN_ALREADY_APPLIED', 'These license changes were already submitted. Review the results, or make a new selection.');
    }
    // Checked against the tenant's count now, not the page's: nothing starts when licenses are short.
    const sku = (await this.readSkus()).find((candidate) => candidate.skuId.toLowerCase() === request.skuId.toLowerCase());
    if (!sku) throw new AppError('GRAPH_ERROR', 'The tenant has no subscription with this license any more. Reload the page.', request.skuId);
    const needed = request.action === 'assign' ? request.operations.length : 0;
    if (needed > sku.availableUnits) {
      const available = sku.availableUnits;
      throw new AppError('NOT_ENOUGH_LICENSES', notEnoughUnitsMessage({ needed, available, shortfall: needed - available }, sku.productName));
    }
    this.appliedIds.add(request.applyId);

    const result = await runLicenseBatch({
      action: request.action,
      skuId: sku.skuId,
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

  /** The page for the renderer: Graph's nextLink stays here, behind a token. */
  private toRendererPage(page: SyncedUserPage): SyncedUsersPage {
    return {
      users: page.users,
      ...(page.totalCount === undefined ? {} : { totalCount: page.totalCount }),
      ...(page.nextLink === undefined ? {} : { nextPageToken: this.pageTokens.remember(page.nextLink) }),
    };
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
