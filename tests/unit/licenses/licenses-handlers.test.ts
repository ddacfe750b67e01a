import { describe, expect, it } from 'vitest';
import { createLicensesHandlers } from '../../../electron/ipc/areas/licenses';
import type { HandlerContext } from '../../../electron/ipc/host';
import { LicensesService, type LicensesServiceOptions } from '../../../electron/services/licenses/licenses-service';
import type { SubscribedSku } from '../../../shared/licenses/skus-and-users';

const ems = 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e';
const sku = (skuId: string, skuPartNumber: string, available: number): SubscribedSku => ({
  skuId,
  skuPartNumber,
  productName: skuPartNumber,
  capabilityStatus: 'Enabled',
  enabledUnits: 5,
  consumedUnits: 5 - available,
  availableUnits: available,
  servicePlans: [{ servicePlanId: 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5', servicePlanName: 'INTUNE_A', friendlyName: 'Microsoft Intune', appliesTo: 'User' }],
});

const syncedUser = (id: string) => ({
  id,
  displayName: id,
  userPrincipalName: `${id}@contoso.com`,
  usageLocation: null,
  assignedSkuIds: [],
  licenseAssignments: [] as { skuId: string; assignedByGroup: { id: string; displayName: string | null } | null; state: string; error: string | null; disabledPlans: string[] }[],
  onPremisesLastSyncDateTime: null,
});

function setUp(options: { signedIn?: boolean; emsAvailable?: number } = {}) {
  let emsAvailable = options.emsAvailable ?? 5;
  const calls: string[] = [];
  const graph = {
    subscribedSkus: async () => [sku('b05e124f-c7cc-45a0-a6aa-8cf78c946968', 'EMSPREMIUM', 2), sku(ems, 'EMS', emsAvailable)],
    firstSyncedUsersPage: async (query: { search?: string; pageSize?: number }) => {
      calls.push(`first page ${query.search ?? ''} ${query.pageSize ?? ''}`.trim());
      return { users: [syncedUser('u1')], totalCount: 2, nextLink: 'https://graph.example/v1.0/users?$skiptoken=secret' };
    },
    nextSyncedUsersPage: async (nextLink: string) => {
      calls.push(`next page ${nextLink}`);
      return { users: [syncedUser('u2')] };
    },
    // The Graph client's batch runner: each request's own outcome.
    runRequests: async (requests: { id: string; method: string; url: string; body: unknown }[], runOptions: { observer?: { onOutcome?: (outcome: unknown) => void } }) =>
      requests.map((request) => {
        if (request.method === 'PATCH') calls.push(`location ${request.url.split('/')[2]} ${(request.body as { usageLocation: string }).usageLocation}`);
        else {
          calls.push(`assign ${request.url.split('/')[2]}`);
          emsAvailable -= 1;
        }
        const outcome = { id: request.id, status: 'done' as const, body: {} };
        runOptions.observer?.onOutcome?.(outcome);
        return outcome;
      }),
    groupDisplayNames: async (ids: string[]) => {
      calls.push(`group names ${ids.join(',')}`);
      return new Map(ids.map((id) => [id, `Group ${id}`]));
    },
    group: async (groupId: string) => ({ id: groupId, displayName: 'EMS pilot', description: null, synced: false, microsoft365: false, assignedLicenses: [], processingState: 'ProcessingComplete' }),
    assignGroupLicense: async (groupId: string, add: { skuId: string; disabledPlans: string[] }[], remove: string[]) =>
      void calls.push(`group ${groupId} add ${add.map((license) => `${license.skuId}-${license.disabledPlans.join('+')}`).join(',')} remove ${remove.join(',')}`),
  };
  const licenses = new LicensesService({
    auth: { getStatus: () => ({ state: options.signedIn === false ? 'signedOut' : 'signedIn', cachePersistence: 'memory' }) },
    graph,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  } as unknown as LicensesServiceOptions);
  const progress: unknown[] = [];
  const context: HandlerContext = { emit: (_channel, payload) => void progress.push(payload) };
  return { handlers: createLicensesHandlers(licenses), context, calls, progress };
}

const operation = (userId: string, setUsageLocation?: string) => ({
  userId,
  displayName: userId,
  userPrincipalName: `${userId}@contoso.com`,
  ...(setUsageLocation ? { setUsageLocation } : {}),
});

describe('licenses handlers', () => {
  it('lists the subscriptions with EMS E3 before EMS E5', async () => {
    const { handlers, context } = setUp();
    const { skus } = await handlers['licenses:list-skus']({}, context);
    expect(skus.map((item) => item.skuPartNumber)).toEqual(['EMS', 'EMSPREMIUM']);
  });

  it('refuses every call before sign-in', async () => {
    const { handlers, context } = setUp({ signedIn: false });
    await expect(handlers['licenses:list-users']({}, context)).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
  });

  it("hands out an opaque token for Graph's next link, and continues from the link behind it", async () => {
    const { handlers, context, calls } = setUp();
    const first = await handlers['licenses:list-users']({ search: 'Ann' }, context);
    expect(first.users.map((user) => user.id)).toEqual(['u1']);
    expect(first.totalCount).toBe(2);
    expect(first.nextPageToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(first)).not.toContain('skiptoken');

    const second = await handlers['licenses:list-users']({ pageToken: first.nextPageToken ?? '' }, context);
    expect(second).toEqual({ users: [syncedUser('u2')] });
    expect(calls).toEqual(['first page Ann 100', 'next page https://graph.example/v1.0/users?$skiptoken=secret']);
  });

  it('refuses a page token it never gave, calling nothing', async () => {
    const { handlers, context, calls } = setUp();
    await expect(handlers['licenses:list-users']({ pageToken: '5b0a3c1e-8d8f-4f51-9a57-2f3f0b6f9d10' }, context)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(calls).toEqual([]);
  });

  it('sets the location, assigns, reports progress and the units read again', async () => {
    const { handlers, context, calls, progress } = setUp();
    const applyId = '7d444840-9dc0-41d1-8e5f-5b8c7c1a8a11';
    const result = await handlers['licenses:apply'](
      { applyId, skuId: ems, action: 'assign', disabledPlans: [], operations: [operation('a'), operation('b', 'DE')] },
      context,
    );
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['done', 'done']);
    expect(calls).toEqual(['location b DE', 'assign a', 'assign b']);
    expect(result.skus?.find((item) => item.skuId === ems)?.availableUnits).toBe(3);
    expect(progress.at(-1)).toEqual({ applyId, completed: 2, total: 2, phase: 'licenses', busy: false, waiting: 0, retryInMs: null, throttled: 0, pacing: false });
  });

  it('changes nothing when the tenant has fewer free licenses than users to license', async () => {
    const { handlers, context, calls } = setUp({ emsAvailable: 1 });
    await expect(
      handlers['licenses:apply'](
        { applyId: 'f3b0f7a4-3f4e-4a3c-9a51-0c5a4d7e2b10', skuId: ems, action: 'assign', disabledPlans: [], operations: [operation('a'), operation('b')] },
        context,
      ),
    ).rejects.toMatchObject({ code: 'NOT_ENOUGH_LICENSES', message: expect.stringContaining('2 users need a license of EMS but only 1 is available') });
    expect(calls).toEqual([]);
  });

  it('applies one submission at most once', async () => {
    const { handlers, context, calls } = setUp();
    const request = { applyId: '0b8f0c0e-2a55-4b9e-9a3f-54a1f0d1c2e3', skuId: ems, action: 'assign' as const, disabledPlans: [], operations: [operation('a')] };
    await handlers['licenses:apply'](request, context);
    await expect(handlers['licenses:apply'](request, context)).rejects.toMatchObject({ code: 'PLAN_ALREADY_APPLIED' });
    expect(calls).toEqual(['assign a']);
  });

  it('refuses service plans that are not part of the license, calling nothing', async () => {
    const { handlers, context, calls } = setUp();
    await expect(
      handlers['licenses:apply'](
        { applyId: '2c6b5f7e-1d3a-4e5b-8c9d-0a1b2c3d4e5f', skuId: ems, action: 'assign', disabledPlans: ['41781fb2-bc02-4b7c-bd55-b576c07bb09d'], operations: [operation('a')] },
        context,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(calls).toEqual([]);
  });

  it('licenses a group with a plan off in one call, and refuses removing a license the group does not have', async () => {
    const { handlers, context, calls } = setUp();
    const groupId = '3f5e7a9c-1b2d-4e6f-8a0b-c1d2e3f4a5b6';
    const answer = await handlers['licenses:apply-group'](
      { applyId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a', groupId, skuId: ems, action: 'assign', disabledPlans: ['c1ec4a95-1f05-45b3-a911-aa3fa01094f5'] },
      context,
    );
    expect(answer).toMatchObject({ id: groupId, displayName: 'EMS pilot' });
    expect(calls).toEqual([`group ${groupId} add ${ems}-c1ec4a95-1f05-45b3-a911-aa3fa01094f5 remove `]);
    await expect(
      handlers['licenses:apply-group']({ applyId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', groupId, skuId: ems, action: 'remove', disabledPlans: [] }, context),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: 'The group EMS pilot does not have EMS.' });
  });
});
