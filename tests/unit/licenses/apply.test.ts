import { describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../../shared/core/errors';
import {
  runLicenseBatch,
  type BatchProgress,
  type LicenseGraph,
  type LicenseWriteObserver,
  type LicenseWriteOutcome,
  type LicenseWriteRequest,
} from '../../../shared/licenses/apply';
import type { LicenseOperation } from '../../../shared/licenses/plan';

const ems = 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e';
const intune = 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5';
const op = (userId: string, setUsageLocation?: string): LicenseOperation => ({
  userId,
  displayName: `User ${userId}`,
  userPrincipalName: `${userId}@contoso.com`,
  ...(setUsageLocation ? { setUsageLocation } : {}),
});

type Script = (request: LicenseWriteRequest, round: number) => AppErrorData | null;

/**
 * A Graph that answers each run as the Graph client would: each request's own outcome, told to the
 * observer, and none sent after a failure the batch stops on.
 */
class FakeGraph implements LicenseGraph {
  readonly runs: LicenseWriteRequest[][] = [];
  script: Script = () => null;
  /** Called before the outcomes of each run, as the client's retries tell the observer. */
  during: (observer: LicenseWriteObserver | undefined) => void = () => undefined;

  async runRequests(
    requests: readonly LicenseWriteRequest[],
    options: { observer?: LicenseWriteObserver; stopOn?: (error: AppErrorData) => boolean },
  ): Promise<readonly LicenseWriteOutcome[]> {
    const round = this.runs.length;
    this.runs.push([...requests]);
    this.during(options.observer);
    const outcomes: LicenseWriteOutcome[] = [];
    let stopped = false;
    for (const request of requests) {
      if (stopped) {
        outcomes.push({ id: request.id, status: 'notAttempted' });
        continue;
      }
      const error = this.script(request, round);
      const outcome: LicenseWriteOutcome = error === null ? { id: request.id, status: 'done' } : { id: request.id, status: 'failed', error };
      if (error !== null && options.stopOn?.(error)) stopped = true;
      options.observer?.onOutcome?.(outcome);
      outcomes.push(outcome);
    }
    return outcomes;
  }
}

const noWait = async (): Promise<void> => undefined;
const denied: AppErrorData = { code: 'ACCESS_DENIED', message: 'Microsoft Graph refused the request.', detail: 'Authorization_RequestDenied' };
const invalidCountry: AppErrorData = { code: 'GRAPH_ERROR', message: "Microsoft Graph answered with an error (HTTP 400).", detail: "Invalid value specified for property 'usageLocation'" };
const noLocation: AppErrorData = { code: 'USAGE_LOCATION_MISSING', message: 'The user has no usage location.' };

describe('runLicenseBatch', () => {
  it('sets every usage location first, then changes every license: two phases, never PATCH→assign pairs in one run', async () => {
    const graph = new FakeGraph();
    const result = await runLicenseBatch({ action: 'assign', skuId: ems, disabledPlans: [intune], operations: [op('a'), op('b', 'DE'), op('c', 'FR')], graph, sleep: noWait });
    expect(graph.runs.map((run) => run.map((request) => `${request.method} ${request.url}`))).toEqual([
      ['PATCH /users/b', 'PATCH /users/c'],
      ['POST /users/a/assignLicense', 'POST /users/b/assignLicense', 'POST /users/c/assignLicense'],
    ]);
    expect(graph.runs[0]?.[0]?.body).toEqual({ usageLocation: 'DE' });
    expect(graph.runs[1]?.[0]?.body).toEqual({ addLicenses: [{ skuId: ems, disabledPlans: [intune] }], removeLicenses: [] });
    // Each request has its own id.
    const ids = graph.runs.flat().map((request) => request.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.outcomes).toEqual([
      { userId: 'a', displayName: 'User a', userPrincipalName: 'a@contoso.com', status: 'done', usageLocationSet: null, reason: null },
      { userId: 'b', displayName: 'User b', userPrincipalName: 'b@contoso.com', status: 'done', usageLocationSet: 'DE', reason: null },
      { userId: 'c', displayName: 'User c', userPrincipalName: 'c@contoso.com', status: 'done', usageLocationSet: 'FR', reason: null },
    ]);
    expect(result.stoppedBy).toBeNull();
  });

  it('does not change the license of a user whose usage location could not be set, and says why', async () => {
    const graph = new FakeGraph();
    graph.script = (request) => (request.url === '/users/b' ? invalidCountry : null);
    const result = await runLicenseBatch({ action: 'assign', skuId: ems, disabledPlans: [], operations: [op('a', 'US'), op('b', 'XX')], graph, sleep: noWait });
    expect(graph.runs[1]?.map((request) => request.url)).toEqual(['/users/a/assignLicense']);
    expect(result.outcomes[1]).toMatchObject({ userId: 'b', status: 'failed', usageLocationSet: null, reason: expect.stringMatching(/^The usage location could not be set, so the license was not changed/) });
    expect(result.outcomes[0]).toMatchObject({ status: 'done', usageLocationSet: 'US' });
  });

  it('assigns again, after a pause, only to users Graph does not yet see a location for (replication)', async () => {
    const graph = new FakeGraph();
    graph.script = (request, round) => (round === 1 && request.url === '/users/b/assignLicense' ? noLocation : null);
    const sleeps: number[] = [];
    const result = await runLicenseBatch({
      action: 'assign',
      skuId: ems,
      disabledPlans: [],
      operations: [op('a', 'US'), op('b', 'DE')],
      graph,
      sleep: async (ms) => void sleeps.push(ms),
      locationDelaysMs: [1500],
    });
    expect(graph.runs.map((run) => run.map((request) => request.url))).toEqual([['/users/a', '/users/b'], ['/users/a/assignLicense', '/users/b/assignLicense'], ['/users/b/assignLicense']]);
    expect(sleeps).toEqual([1500]);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['done', 'done']);
  });

  it('stops on a failure that would repeat for everyone; the users not tried are listed as not changed', async () => {
    const graph = new FakeGraph();
    graph.script = () => denied;
    const result = await runLicenseBatch({ action: 'assign', skuId: ems, disabledPlans: [], operations: [op('a'), op('b'), op('c')], graph, sleep: noWait });
    expect(result.stoppedBy).toMatchObject({ code: 'ACCESS_DENIED', message: expect.stringContaining('Global Administrator, License Administrator or User Administrator') });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'notAttempted', 'notAttempted']);
    expect(result.outcomes[2]?.reason).toMatch(/^Not changed: The signed-in account may not assign licenses/);
  });

  it('a refused usage-location phase stops before any license is changed', async () => {
    const graph = new FakeGraph();
    graph.script = () => denied;
    const result = await runLicenseBatch({ action: 'assign', skuId: ems, disabledPlans: [], operations: [op('a', 'US'), op('b')], graph, sleep: noWait });
    expect(graph.runs).toHaveLength(1);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'notAttempted']);
  });

  it('removes with an empty addLicenses, and changes plans by posting the SKU again with the new list', async () => {
    const remove = new FakeGraph();
    await runLicenseBatch({ action: 'remove', skuId: ems, disabledPlans: [], operations: [op('a')], graph: remove, sleep: noWait });
    expect(remove.runs[0]?.[0]?.body).toEqual({ addLicenses: [], removeLicenses: [ems] });
    const plans = new FakeGraph();
    await runLicenseBatch({ action: 'plans', skuId: ems, disabledPlans: [intune], operations: [op('a')], graph: plans, sleep: noWait });
    expect(plans.runs[0]?.[0]?.body).toEqual({ addLicenses: [{ skuId: ems, disabledPlans: [intune] }], removeLicenses: [] });
  });

  it('reports progress: the phase, users done of all, and Graph throttling while it lasts', async () => {
    const graph = new FakeGraph();
    graph.during = (observer) => {
      observer?.onThrottled?.({ waitMs: 2128, waiting: 3 });
      observer?.onResumed?.();
    };
    const progress: BatchProgress[] = [];
    await runLicenseBatch({
      action: 'assign',
      skuId: ems,
      disabledPlans: [],
      operations: [op('a', 'US'), op('b')],
      graph,
      sleep: noWait,
      onProgress: (update) => progress.push(update),
      progressIntervalMs: 0,
    });
    expect(progress[0]).toEqual({ completed: 0, total: 2, phase: 'usageLocation', busy: false, waiting: 0, retryInMs: null, throttled: 0, pacing: false });
    expect(progress).toContainEqual({ completed: 0, total: 2, phase: 'usageLocation', busy: true, waiting: 3, retryInMs: 2128, throttled: 3, pacing: false });
    expect(progress.at(-1)).toEqual({ completed: 2, total: 2, phase: 'licenses', busy: false, waiting: 0, retryInMs: null, throttled: 6, pacing: false });
  });

  it('reports a thousand outcomes in a few updates, always the first, each phase and the last', async () => {
    const graph = new FakeGraph();
    const progress: BatchProgress[] = [];
    let clock = 0;
    graph.during = () => {
      clock += 100;
    };
    const operations = Array.from({ length: 1000 }, (_unused, index) => op(`u${index}`, index % 4 === 0 ? 'FR' : undefined));
    await runLicenseBatch({ action: 'assign', skuId: ems, disabledPlans: [], operations, graph, sleep: noWait, onProgress: (update) => progress.push(update), now: () => clock });
    expect(progress.map((update) => [update.phase, update.completed])).toEqual([
      ['usageLocation', 0],
      ['licenses', 0],
      ['licenses', 1000],
    ]);
    expect(progress.at(-1)).toMatchObject({ completed: 1000, total: 1000 });
  });
});
