import { AppError } from '../../../shared/core/errors';
import type { licensesChannels } from '../../../shared/contract/licenses';
import type { SyncedUsersPage } from '../../../shared/licenses/skus-and-users';
import { runLicenseBatch } from '../../../shared/licenses/apply';
import { orderSkus } from '../../../shared/licenses/sku-order';
import { notEnoughUnitsMessage } from '../../../shared/licenses/units';
import type { SubscribedSku } from '../../../shared/licenses/skus-and-users';
import { PageTokens } from '../../services/graph/page-tokens';
import type { SyncedUserPage } from '../../services/graph/graph-client';
import type { Services } from '../../main/services';
import type { AreaHandlers } from '../handlers';

/** Users per page of the list ("Load more" reads the next page). */
const usersPageSize = 100;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The licenses area: subscriptions, synchronized users, and the batch that sets usage locations and
 * assigns or removes a license. Every call needs a signed-in administrator (Graph's token).
 */
export function createLicensesHandlers(services: Services): AreaHandlers<typeof licensesChannels> {
  const { auth, graph, logger } = services;
  const appliedIds = new Set<string>();
  const pageTokens = new PageTokens();

  /** The page for the renderer: Graph's nextLink stays here, behind a token. */
  const toRendererPage = (page: SyncedUserPage): SyncedUsersPage => ({
    users: page.users,
    ...(page.totalCount === undefined ? {} : { totalCount: page.totalCount }),
    ...(page.nextLink === undefined ? {} : { nextPageToken: pageTokens.remember(page.nextLink) }),
  });

  const requireSignIn = (): void => {
    if (auth.getStatus().state !== 'signedIn') {
      throw new AppError('NOT_SIGNED_IN', 'Sign in to Azure AD on the Connect page first.');
    }
  };

  const readSkus = async (): Promise<SubscribedSku[]> => orderSkus(await graph.subscribedSkus());

  return {
    'licenses:list-skus': async () => {
      requireSignIn();
      return { skus: await readSkus() };
    },
    'licenses:list-users': async ({ search, pageToken }) => {
      requireSignIn();
      if (pageToken === undefined) {
        return toRendererPage(await graph.firstSyncedUsersPage({ ...(search === undefined ? {} : { search }), pageSize: usersPageSize }));
      }
      const nextLink = pageTokens.recall(pageToken);
      if (nextLink === undefined) {
        throw new AppError('VALIDATION_FAILED', 'This list of users is out of date. Read it again from the start.');
      }
      return toRendererPage(await graph.nextSyncedUsersPage(nextLink));
    },
    'licenses:apply': async (request, context) => {
      requireSignIn();
      if (appliedIds.has(request.applyId)) {
        throw new AppError('PLAN_ALREADY_APPLIED', 'These license changes were already submitted. Review the results, or make a new selection.');
      }
      // Checked against the tenant's count now, not the page's: nothing starts when licenses are short.
      const sku = (await readSkus()).find((candidate) => candidate.skuId.toLowerCase() === request.skuId.toLowerCase());
      if (!sku) throw new AppError('GRAPH_ERROR', 'The tenant has no subscription with this license any more. Reload the page.', request.skuId);
      const needed = request.action === 'assign' ? request.operations.length : 0;
      if (needed > sku.availableUnits) {
        const available = sku.availableUnits;
        throw new AppError('NOT_ENOUGH_LICENSES', notEnoughUnitsMessage({ needed, available, shortfall: needed - available }, sku.productName));
      }
      appliedIds.add(request.applyId);

      const result = await runLicenseBatch({
        action: request.action,
        skuId: sku.skuId,
        operations: request.operations,
        graph,
        sleep,
        onProgress: (progress) => context.emit('licenses:progress', { applyId: request.applyId, ...progress }),
      });
      const done = result.outcomes.filter((outcome) => outcome.status === 'done').length;
      logger.info(`[licenses] ${request.action} ${sku.skuPartNumber}: ${done} of ${result.outcomes.length} users changed`);
      const skus = await readSkus().catch((error: unknown) => {
        logger.warn('[licenses] subscriptions not read again after the change', error);
        return null;
      });
      return { applyId: request.applyId, outcomes: [...result.outcomes], stoppedBy: result.stoppedBy, skus };
    },
  };
}
