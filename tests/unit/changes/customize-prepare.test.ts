import { describe, expect, it } from 'vitest';
import type { ConnectApi } from '../../../shared/contract';
import { initialWizardContext } from '../../../renderer/flows/context';
import { customizeSyncFlow } from '../../../renderer/flows/tasks/changes/customize-sync';
import { readCustomizeBaseline } from '../../../renderer/flows/tasks/changes/customize-sync/draft';
import { contosoBaseline } from './fixtures';

/** An API whose get-baseline answers when the test says, counting the reads. */
function baselineApi(): { api: ConnectApi; reads: () => number; answer: () => void } {
  let reads = 0;
  let answer = (): void => undefined;
  const api = {
    'changes:get-baseline': () => {
      reads += 1;
      return new Promise((resolve) => {
        answer = () => resolve({ ok: true, value: contosoBaseline });
      });
    },
  } as unknown as ConnectApi;
  return { api, reads: () => reads, answer: () => answer() };
}

describe('Customize reads its draft while the admin signs in', () => {
  it('shares one baseline read between the task and Connect your directories', async () => {
    const { api, reads, answer } = baselineApi();
    const chosen = { ...initialWizardContext, task: 'customize-sync' as const };
    const prepared = customizeSyncFlow.prepare?.(api, chosen);
    const page = readCustomizeBaseline(api);
    expect(reads()).toBe(1);
    answer();
    const change = await prepared;
    expect((await page).ok).toBe(true);

    expect(change?.(chosen).customize?.baseline).toEqual(contosoBaseline);
    // Chosen another task meanwhile, or a draft already there: the context is left as it is.
    const other = { ...initialWizardContext, task: 'sync-status' as const };
    expect(change?.(other)).toBe(other);
    const drafted = change?.(chosen);
    expect(drafted && change?.(drafted)).toBe(drafted);

    // Back on the task with its draft (Previous, then Next): nothing is read again.
    expect(await customizeSyncFlow.prepare?.(api, drafted ?? chosen)).toBeNull();
    expect(reads()).toBe(1);
    void readCustomizeBaseline(api);
    expect(reads()).toBe(2);
    answer();
  });
});
