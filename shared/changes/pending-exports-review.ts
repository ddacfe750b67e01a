import type { PendingExports } from './staging';

// Apart from staging.ts and its schemas: the staging flow's Next rule is in the renderer's first load.
/** Whether the administrator must confirm the review: some count is not zero, or the counts are unknown. */
export function pendingExportsNeedReview(pending: PendingExports): boolean {
  return (
    pending.source !== 'connector-statistics' ||
    pending.connectors.some((connector) => [connector.adds, connector.updates, connector.deletes].some((value) => value !== 0))
  );
}
