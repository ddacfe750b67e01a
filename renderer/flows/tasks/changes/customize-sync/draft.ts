import type { ChangeBaseline } from '../../../../../shared/changes/baseline';
import type { ConnectApi } from '../../../../../shared/contract';
import { initialRunState, type CustomizeDraft } from '../drafts';

/** The draft a task starts from: the server's configuration unchanged. */
export function draftFromBaseline(baseline: ChangeBaseline): CustomizeDraft {
  const rootIncluded = (directory: ChangeBaseline['directories'][number]): boolean =>
    directory.partitions.every((partition) => partition.selected && partition.containerInclusions.some((dn) => dn.toLowerCase() === partition.dn.toLowerCase()) && partition.containerExclusions.length === 0);
  return {
    baseline,
    edit: {
      directories: baseline.directories.map((directory) => ({ connectorName: directory.connectorName, partitions: directory.partitions.map((partition) => ({ ...partition })) })),
      features: { ...baseline.features },
    },
    startSync: true,
    syncAll: Object.fromEntries(baseline.directories.map((directory) => [directory.connectorName, rootIncluded(directory)])),
    run: { ...initialRunState, syncRunning: baseline.syncCycleInProgress },
  };
}

let reading: ReturnType<ConnectApi['changes:get-baseline']> | null = null;

/**
 * The server's configuration for a new draft (main then reads every domain's OUs in the background). A read
 * under way is shared: the task's prepare and Connect your directories may both ask.
 */
export function readCustomizeBaseline(api: ConnectApi): ReturnType<ConnectApi['changes:get-baseline']> {
  reading ??= api['changes:get-baseline']({}).finally(() => {
    reading = null;
  });
  return reading;
}
