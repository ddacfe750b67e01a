import { describe, expect, it } from 'vitest';
import type { SyncedUser } from '../../../shared/licenses/skus-and-users';
import { planLicenseChange, usersNeedingUsageLocation } from '../../../shared/licenses/plan';
import { checkUnits, notEnoughUnitsMessage } from '../../../shared/licenses/units';

const ems = 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e';

/** A user with the given SKUs assigned directly (`inheritedFrom`: the same SKUs through that group instead). */
function user(id: string, usageLocation: string | null, assignedSkuIds: string[] = [], inheritedFrom?: { id: string; displayName: string }): SyncedUser {
  return {
    id,
    displayName: `User ${id}`,
    userPrincipalName: `${id}@contoso.com`,
    usageLocation,
    assignedSkuIds,
    licenseAssignments: assignedSkuIds.map((skuId) => ({ skuId, assignedByGroup: inheritedFrom ?? null, state: 'Active', error: null, disabledPlans: [] })),
    onPremisesLastSyncDateTime: null,
  };
}

const pilot = { id: '1132b215-826f-42a9-8cfe-1643d19d17fd', displayName: 'EMS pilot' };
const intune = 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5';

describe('planLicenseChange', () => {
  it('assigns to users with a location directly and sets the chosen country first for the others', () => {
    const plan = planLicenseChange({
      action: 'assign',
      skuId: ems,
      users: [user('a', 'US'), user('b', null), user('c', null)],
      chosenLocations: { b: 'de' },
      defaultLocation: 'FR',
    });
    expect(plan.operations).toEqual([
      { userId: 'a', displayName: 'User a', userPrincipalName: 'a@contoso.com' },
      { userId: 'b', displayName: 'User b', userPrincipalName: 'b@contoso.com', setUsageLocation: 'DE' },
      { userId: 'c', displayName: 'User c', userPrincipalName: 'c@contoso.com', setUsageLocation: 'FR' },
    ]);
    expect(plan.missingUsageLocation).toEqual([]);
  });

  it('lists users without a location and without a valid country as missing one', () => {
    const plan = planLicenseChange({
      action: 'assign',
      skuId: ems,
      users: [user('a', null), user('b', null)],
      chosenLocations: { a: 'XX' },
      defaultLocation: null,
    });
    expect(plan.operations).toEqual([]);
    expect(plan.missingUsageLocation.map((missing) => missing.id)).toEqual(['a', 'b']);
  });

  it('skips users who already have the license (any case of the skuId) when assigning', () => {
    const plan = planLicenseChange({ action: 'assign', skuId: ems, users: [user('a', 'US', [ems.toUpperCase()]), user('b', 'US')], chosenLocations: {} });
    expect(plan.operations.map((operation) => operation.userId)).toEqual(['b']);
    expect(plan.skipped).toEqual([{ user: user('a', 'US', [ems.toUpperCase()]), reason: 'Already has this license.' }]);
  });

  it('removes only from users who have the license and never asks for a location', () => {
    const plan = planLicenseChange({ action: 'remove', skuId: ems, users: [user('a', null, [ems]), user('b', 'US')], chosenLocations: {} });
    expect(plan.operations).toEqual([{ userId: 'a', displayName: 'User a', userPrincipalName: 'a@contoso.com' }]);
    expect(plan.skipped.map((skipped) => skipped.reason)).toEqual(['Does not have this license.']);
    expect(usersNeedingUsageLocation('remove', ems, [user('a', null)])).toEqual([]);
  });

  it('refuses removing an inherited license from the user, naming the group; removes only the direct copy of one held both ways', () => {
    const inherited = user('a', 'US', [ems], pilot);
    const both: SyncedUser = { ...user('b', 'US', [ems]), licenseAssignments: [...user('b', 'US', [ems]).licenseAssignments, ...inherited.licenseAssignments] };
    const plan = planLicenseChange({ action: 'remove', skuId: ems, users: [inherited, both], chosenLocations: {} });
    expect(plan.operations.map((operation) => operation.userId)).toEqual(['b']);
    expect(plan.refused).toEqual([
      { user: inherited, reason: 'The license is inherited from EMS pilot and cannot be removed from the user: remove it from the group, or the user from the group.' },
    ]);
  });

  it('changes service plans only where the license is direct, and skips users who already have them', () => {
    const direct = user('a', 'US', [ems]);
    const alreadyOff: SyncedUser = { ...user('b', 'US', [ems]), licenseAssignments: [{ skuId: ems, assignedByGroup: null, state: 'Active', error: null, disabledPlans: [intune] }] };
    const plan = planLicenseChange({ action: 'plans', skuId: ems, disabledPlans: [intune], users: [direct, alreadyOff, user('c', 'US', [ems], pilot), user('d', 'US')], chosenLocations: {} });
    expect(plan.operations.map((operation) => operation.userId)).toEqual(['a']);
    expect(plan.skipped.map((skipped) => skipped.reason)).toEqual(['Already has these service plans.', 'Does not have this license.']);
    expect(plan.refused.map((refused) => refused.reason)).toEqual(['The license is inherited from EMS pilot: change its service plans on the group.']);
    expect(plan.disabledPlans).toEqual([intune]);
  });

  it('does not assign directly a license a user already inherits', () => {
    const plan = planLicenseChange({ action: 'assign', skuId: ems, users: [user('a', 'US', [ems], pilot)], chosenLocations: {} });
    expect(plan.skipped.map((skipped) => skipped.reason)).toEqual(['Already has this license through EMS pilot.']);
  });

  it('asks for a country only for users who will get the license and have none', () => {
    const needing = usersNeedingUsageLocation('assign', ems, [user('a', null), user('b', 'US'), user('c', null, [ems])]);
    expect(needing.map((candidate) => candidate.id)).toEqual(['a']);
  });
});

describe('checkUnits', () => {
  const assignTo = (users: SyncedUser[]) => planLicenseChange({ action: 'assign', skuId: ems, users, chosenLocations: {}, defaultLocation: null });

  it('says how many licenses are missing when more users are selected than licenses are free', () => {
    const plan = assignTo(['1', '2', '3', '4', '5', '6', '7'].map((id) => user(id, id === '7' ? null : 'US')));
    const check = checkUnits(plan, 5);
    expect(check).toEqual({ needed: 7, available: 5, shortfall: 2 });
    expect(notEnoughUnitsMessage(check, 'Enterprise Mobility + Security E3')).toBe(
      '7 users need a license of Enterprise Mobility + Security E3 but only 5 are available. Select 2 fewer users, or add licenses to the subscription first.',
    );
  });

  it('does not count users who already have the license', () => {
    const plan = assignTo([user('a', 'US', [ems]), user('b', 'US'), user('c', 'US')]);
    expect(checkUnits(plan, 2)).toEqual({ needed: 2, available: 2, shortfall: 0 });
  });

  it('needs no free license to remove one, and treats a negative count as none', () => {
    const plan = planLicenseChange({ action: 'remove', skuId: ems, users: [user('a', 'US', [ems])], chosenLocations: {} });
    expect(checkUnits(plan, 0).shortfall).toBe(0);
    const check = checkUnits(assignTo([user('a', 'US')]), -3);
    expect(check).toEqual({ needed: 1, available: 0, shortfall: 1 });
    expect(notEnoughUnitsMessage(check, 'EMS')).toBe('1 user needs a license of EMS but none is available. Select 1 fewer user, or add licenses to the subscription first.');
  });
});
