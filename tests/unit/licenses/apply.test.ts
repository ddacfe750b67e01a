import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/core/errors';
import { runLicenseBatch, type BatchProgress, type BusyObserver, type LicenseGraph } from '../../../shared/licenses/apply';
import type { LicenseOperation } from '../../../shared/licenses/plan';

const ems = 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e';
const op = (userId: string, setUsageLocation?: string): LicenseOperation => ({
  userId,
  displayName: `User ${userId}`,
  userPrincipalName: `${userId}@contoso.com`,
  ...(setUsageLocation ? { setUsageLocation } : {}),
});

/** A Graph that records calls and fails the ones a test scripts, in order. */
class FakeGraph implements LicenseGraph {
  readonly calls: string[] = [];
  readonly failures: Array<{ match: string; error: AppError }> = [];
  /** Runs at the start of each call, as the Graph client's retries would (they tell the observer). */
  during: (call: string, observer: BusyObserver | undefined) => Promise<void> = async () => undefined;

  fail(match: string, error: AppError, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ match, error });
  }

  private async take(call: string, observer: BusyObserver | undefined): Promise<void> {
    this.calls.push(call);
    await this.during(call, observer);
    const index = this.failures.findIndex((failure) => call.startsWith(failure.match));
    const failure = this.failures[index];
    if (failure) {
      this.failures.splice(index, 1);
      throw failure.error;
    }
  }

  async setUsageLocation(userId: string, country: string, observer?: BusyObserver): Promise<void> {
    await this.take(`location ${userId} ${country}`, observer);
  }

  async assignLicense(userId: string, add: readonly string[], remove: readonly string[], observer?: BusyObserver): Promise<unknown> {
    await this.take(`${add.length > 0 ? 'add' : 'remove'} ${userId} ${[...add, ...remove].join(',')}`, observer);
    return {};
  }
}

const noWait = async (): Promise<void> => undefined;
const busy = new AppError('THROTTLED', 'Microsoft Graph is throttling requests.', 'Gave up after 3 attempts. TooManyRequests');
const denied = new AppError('ACCESS_DENIED', 'Microsoft Graph refused the request.', 'Authorization_RequestDenied: Insufficient privileges to complete the operation.');

describe('runLicenseBatch', () => {
  it('sets the usage location before assigning, and reports each user done', async () => {
    const graph = new FakeGraph();
    const result = await runLicenseBatch({ action: 'assign', skuId: ems, operations: [op('a'), op('b', 'DE')], graph, sleep: noWait, concurrency: 1 });
    expect(graph.calls).toEqual([`add a ${ems}`, 'location b DE', `add b ${ems}`]);
    expect(result.outcomes).toEqual([
      { userId: 'a', displayName: 'User a', userPrincipalName: 'a@contoso.com', status: 'done', usageLocationSet: null, reason: null },
      { userId: 'b', displayName: 'User b', userPrincipalName: 'b@contoso.com', status: 'done', usageLocationSet: 'DE', reason: null },
    ]);
    expect(result.stoppedBy).toBeNull();
  });

  it('assigns again while Graph has not yet seen a usage location just set', async () => {
    const graph = new FakeGraph();
    graph.fail('add b', new AppError('USAGE_LOCATION_MISSING', 'The user has no usage location.'), 2);
    const waits: number[] = [];
    const result = await runLicenseBatch({
      action: 'assign', skuId: ems, operations: [op('b', 'FR')], graph, sleep: async (ms) => void waits.push(ms),
    });
    expect(result.outcomes[0]?.status).toBe('done');
    expect(graph.calls.filter((call) => call.startsWith('add b'))).toHaveLength(3);
    expect(waits).toEqual([2000, 4000]);
  });

  it('fails a user without a location (none was set) with a clear reason and goes on with the others', async () => {
    const graph = new FakeGraph();
    graph.fail('add a', new AppError('USAGE_LOCATION_MISSING', 'The user has no usage location.'));
    const result = await runLicenseBatch({ action: 'assign', skuId: ems, operations: [op('a'), op('b')], graph, sleep: noWait, concurrency: 1 });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'done']);
    expect(result.outcomes[0]?.reason).toContain('no usage location');
    expect(result.stoppedBy).toBeNull();
  });

  it('says Graph is busy while it waits, and succeeds when Graph answers again', async () => {
    const graph = new FakeGraph();
    graph.fail('add a', busy);
    const progress: BatchProgress[] = [];
    const result = await runLicenseBatch({
      action: 'assign', skuId: ems, operations: [op('a')], graph, sleep: noWait, onProgress: (value) => progress.push(value),
    });
    expect(result.outcomes[0]?.status).toBe('done');
    expect(progress).toContainEqual({ completed: 0, total: 1, busy: true });
    expect(progress.at(-1)).toEqual({ completed: 1, total: 1, busy: false });
  });

  it("says Graph is busy from its first 429, while the client still retries, until the call ends", async () => {
    const graph = new FakeGraph();
    const progress: BatchProgress[] = [];
    graph.during = async (call, observer) => {
      if (call !== `add a ${ems}`) return;
      observer?.onBusy?.(1000);
      // The client waits and tries again: busy is already said.
      expect(progress.at(-1)).toEqual({ completed: 0, total: 2, busy: true });
      observer?.onBusy?.(1000);
    };
    const result = await runLicenseBatch({
      action: 'assign', skuId: ems, operations: [op('a'), op('b')], graph, sleep: noWait, concurrency: 1, onProgress: (value) => progress.push(value),
    });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['done', 'done']);
    expect(progress.filter((value) => value.busy)).toEqual([{ completed: 0, total: 2, busy: true }]);
    expect(progress.slice(-2)).toEqual([
      { completed: 1, total: 2, busy: false },
      { completed: 2, total: 2, busy: false },
    ]);
  });

  it("tries a busy call again after the pause Graph's Retry-After asked for, or the fallback pauses when it said none", async () => {
    const graph = new FakeGraph();
    graph.fail('add a', busy, 2);
    graph.fail('add b', busy, 2);
    graph.during = async (call, observer) => {
      if (call.startsWith('add a')) observer?.onBusy?.(1500);
      if (call.startsWith('add b')) observer?.onBusy?.(undefined);
    };
    const waits: number[] = [];
    const result = await runLicenseBatch({
      action: 'assign', skuId: ems, operations: [op('a'), op('b')], graph, concurrency: 1, busyDelaysMs: [5000, 15000],
      sleep: async (ms) => void waits.push(ms),
    });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['done', 'done']);
    expect(waits).toEqual([1500, 1500, 5000, 15000]);
  });

  it('gives up when Graph stays busy, and does not try the remaining users', async () => {
    const graph = new FakeGraph();
    graph.fail('add a', busy, 3);
    const result = await runLicenseBatch({
      action: 'assign', skuId: ems, operations: [op('a'), op('b'), op('c')], graph, sleep: noWait, concurrency: 1,
    });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'notAttempted', 'notAttempted']);
    expect(result.stoppedBy?.message).toContain('still busy');
    expect(result.outcomes[1]?.reason).toContain('Not changed');
    expect(graph.calls).not.toContain(`add b ${ems}`);
  });

  it('stops at the first 403 and names the roles that may assign licenses', async () => {
    const graph = new FakeGraph();
    graph.fail('location a', denied);
    const result = await runLicenseBatch({
      action: 'assign', skuId: ems, operations: [op('a', 'US'), op('b')], graph, sleep: noWait, concurrency: 1,
    });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'notAttempted']);
    expect(result.outcomes[0]?.reason).toContain('Global Administrator, License Administrator or User Administrator');
    expect(result.stoppedBy?.message).toContain('Hybrid Identity Administrator');
  });

  it('removes the license without touching the usage location', async () => {
    const graph = new FakeGraph();
    const result = await runLicenseBatch({ action: 'remove', skuId: ems, operations: [op('a')], graph, sleep: noWait });
    expect(graph.calls).toEqual([`remove a ${ems}`]);
    expect(result.outcomes[0]?.status).toBe('done');
  });
});
