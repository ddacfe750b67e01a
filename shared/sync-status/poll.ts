import type { RunRecord } from './status';

/**
 * Where a poll starts reading: the oldest unfinished run the page has, else its newest run (whose end the
 * poll must see). Undefined without runs: then the page reads everything.
 */
export function pollSince(runs: readonly RunRecord[]): string | undefined {
  const unfinished = runs.filter((run) => !run.isRunComplete && run.startUtc !== null).map((run) => run.startUtc as string);
  if (unfinished.length > 0) return unfinished.sort()[0];
  return runs.find((run) => run.startUtc !== null)?.startUtc ?? undefined;
}

/** The page's runs with a poll's runs merged in: a run seen again replaces the old copy; newest first. */
export function mergeRuns(known: readonly RunRecord[], polled: readonly RunRecord[]): RunRecord[] {
  const keyOf = (run: RunRecord): string => run.runHistoryId ?? `${run.connectorName ?? ''}|${run.runProfileName ?? ''}|${run.startUtc ?? ''}`;
  const polledKeys = new Set(polled.map(keyOf));
  return [...polled, ...known.filter((run) => !polledKeys.has(keyOf(run)))].sort((a, b) => (b.startUtc ?? '').localeCompare(a.startUtc ?? ''));
}
