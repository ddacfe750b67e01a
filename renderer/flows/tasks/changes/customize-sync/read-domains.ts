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
): Promise<{ ok: true; value: T[] } | { ok: false; error: AppErrorData; domain: string; readBefore: T[] } | null> {
  const values: T[] = [];
  for (const domain of domains) {
    const result = await read(domain);
    if (!isCurrent()) return null;
    if (!result.ok) return { ok: false, error: result.error, domain, readBefore: values };
    values.push(result.value);
    if (values.length === 1 && domains.length > 1) onFirst(result.value);
  }
  return { ok: true, value: values };
}
