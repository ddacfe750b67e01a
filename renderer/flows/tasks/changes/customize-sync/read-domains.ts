import type { AppErrorData } from '../../../../../shared/core/errors';
import type { Result } from '../../../../../shared/core/result';

/**
 * Reads a directory's domains one after another, in order: `onFirst` gets the first domain while the others are
 * still read (only when there are others). All at once, their reads would share one PowerShell session page by
 * page and all arrive late. Stops at the first failure, which names the domain and keeps the domains read before
 * it; null once `isCurrent` says nobody waits for the answer.
 */
export async function readDomainsInOrder<T>(
  domains: readonly string[],
  read: (domain: string) => Promise<Result<T>>,
  onFirst: (first: T) => void,
  isCurrent: () => boolean,
): Promise<{ ok: true; value: T[] } | { ok: false; error: AppErrorData; domain: string; readSoFar: T[] } | null> {
  const values: T[] = [];
  for (const domain of domains) {
    const result = await read(domain);
    if (!isCurrent()) return null;
    if (!result.ok) return { ok: false, error: result.error, domain, readSoFar: values };
    values.push(result.value);
    if (values.length === 1 && domains.length > 1) onFirst(result.value);
  }
  return { ok: true, value: values };
}

/** One read of a directory's domains, and the first domain (by index) main reads from the server instead of its copy (null: none). */
export interface DomainsRead {
  readonly count: number;
  readonly refreshFrom: number | null;
}

export const firstRead: DomainsRead = { count: 0, refreshFrom: null };

/** A Refresh: every domain from the server again. */
export const refreshRead = (previous: DomainsRead): DomainsRead => ({ count: previous.count + 1, refreshFrom: 0 });

/**
 * Try again after the read failed at `failedIndex`: the domains before it were read as the failed read asked (from
 * the server when it was a Refresh), so main's copy of them is current; the failed domain and those after it are read
 * as that read would have read them.
 */
export const retryRead = (previous: DomainsRead, failedIndex: number): DomainsRead => ({
  count: previous.count + 1,
  refreshFrom: previous.refreshFrom === null ? null : Math.max(previous.refreshFrom, failedIndex),
});

/** Whether this read asks main for the domain at `index` from the server. */
export const readsFromServer = (read: DomainsRead, index: number): boolean => read.refreshFrom !== null && index >= read.refreshFrom;
