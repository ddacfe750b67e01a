import { describe, expect, it } from 'vitest';
import { firstRead, readDomainsInOrder, readsFromServer, refreshRead, retryRead } from '../../../renderer/flows/tasks/changes/customize-sync/read-domains';
import type { Result } from '../../../shared/core/result';

/** A read whose answers the test gives, one domain at a time, recording when each read starts. */
function controlledRead() {
  const started: string[] = [];
  const answers = new Map<string, (result: Result<string>) => void>();
  const read = (domain: string): Promise<Result<string>> => {
    started.push(domain);
    return new Promise((resolve) => answers.set(domain, resolve));
  };
  const answer = async (domain: string, result: Result<string>): Promise<void> => {
    answers.get(domain)?.(result);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { started, read, answer };
}

describe('readDomainsInOrder', () => {
  it('reads one domain after another and hands over the first while the others are read', async () => {
    const { started, read, answer } = controlledRead();
    const firsts: string[] = [];
    const done = readDomainsInOrder(['a', 'b', 'c'], read, (first) => firsts.push(first), () => true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(['a']);
    await answer('a', { ok: true, value: 'A' });
    expect(firsts).toEqual(['A']);
    expect(started).toEqual(['a', 'b']);
    await answer('b', { ok: true, value: 'B' });
    await answer('c', { ok: true, value: 'C' });
    expect(await done).toEqual({ ok: true, value: ['A', 'B', 'C'] });
    expect(firsts).toEqual(['A']);
  });

  it('hands over nothing early for a single domain, stops at a failure naming the domain and keeping those read before, and answers null when nobody waits', async () => {
    const single = controlledRead();
    const firsts: string[] = [];
    const one = readDomainsInOrder(['a'], single.read, (first) => firsts.push(first), () => true);
    await single.answer('a', { ok: true, value: 'A' });
    expect(await one).toEqual({ ok: true, value: ['A'] });
    expect(firsts).toEqual([]);

    const failing = controlledRead();
    const failed = readDomainsInOrder(['a', 'b', 'c'], failing.read, () => undefined, () => true);
    await failing.answer('a', { ok: true, value: 'A' });
    await failing.answer('b', { ok: false, error: { code: 'POWERSHELL_ERROR', message: 'The domain controller did not answer.' } });
    expect(await failed).toEqual({
      ok: false,
      error: { code: 'POWERSHELL_ERROR', message: 'The domain controller did not answer.' },
      domain: 'b',
      readSoFar: ['A'],
    });
    expect(failing.started).toEqual(['a', 'b']);

    let current = true;
    const left = controlledRead();
    const abandoned = readDomainsInOrder(['a', 'b'], left.read, () => undefined, () => current);
    current = false;
    await left.answer('a', { ok: true, value: 'A' });
    expect(await abandoned).toBeNull();
    expect(left.started).toEqual(['a']);
  });

  it('Try again reads from the server only what the failed read would have: nothing after a plain read, the failed domain and those after it after a Refresh', () => {
    const domains = [0, 1, 2, 3];
    const fromServer = (read: typeof firstRead) => domains.filter((index) => readsFromServer(read, index));
    expect(fromServer(firstRead)).toEqual([]);
    expect(fromServer(retryRead(firstRead, 2))).toEqual([]);
    const refresh = refreshRead(firstRead);
    expect(fromServer(refresh)).toEqual([0, 1, 2, 3]);
    // The Refresh failed at domain 2: 0 and 1 are fresh in main's copy; 3 holds what was read before the Refresh.
    const retry = retryRead(refresh, 2);
    expect(fromServer(retry)).toEqual([2, 3]);
    expect(fromServer(retryRead(retry, 3))).toEqual([3]);
    expect([refresh.count, retry.count]).toEqual([1, 2]);
  });
});
