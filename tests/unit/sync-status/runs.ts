import type { RunRecord } from '../../../shared/sync-status/status';

/** A run of the history, `startOffset` seconds after `base`, lasting `seconds`. */
export function run(
  base: string,
  startOffset: number,
  connectorName: string,
  runProfileName: string,
  options: { seconds?: number; result?: string; complete?: boolean } = {},
): RunRecord {
  const start = Date.parse(base) + startOffset * 1000;
  const complete = options.complete ?? true;
  return {
    runHistoryId: `${connectorName}|${runProfileName}|${start}`,
    connectorName,
    runProfileName,
    result: complete ? (options.result ?? 'success') : 'in-progress',
    isRunComplete: complete,
    startUtc: new Date(start).toISOString(),
    endUtc: complete ? new Date(start + (options.seconds ?? 1) * 1000).toISOString() : null,
    counts: null,
  };
}

const ad = 'contoso.com';
const aad = 'contoso.onmicrosoft.com - AAD';

/** A delta (or full) cycle as the real scheduler runs it: imports, synchronizations, exports. */
export function cycle(base: string, options: { full?: boolean; staging?: boolean; results?: Partial<Record<number, string>> } = {}): RunRecord[] {
  const kind = options.full ? 'Full' : 'Delta';
  const steps: [string, string][] = [
    [ad, `${kind} Import`],
    [aad, `${kind} Import`],
    [ad, `${kind} Synchronization`],
    [aad, `${kind} Synchronization`],
  ];
  if (!options.staging) steps.push([aad, 'Export'], [ad, 'Export']);
  return steps.map(([connector, profile], index) => run(base, index, connector, profile, { result: options.results?.[index] }));
}
