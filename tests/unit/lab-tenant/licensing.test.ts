import { describe, expect, it } from 'vitest';
import { directoryUsers, setUserData, userData, type DirectoryUser } from '../../../lab/tenant/graph/directory';
import { directoryGroups, type DirectoryGroup } from '../../../lab/tenant/graph/groups';
import {
  assignGroupLicense,
  assignUserLicense,
  consumedUnits,
  effectiveAssignedLicenses,
  licenseAssignmentStates,
  licenseProcessingState,
  settleGroupLicensing,
  type LicensingWorld,
} from '../../../lab/tenant/graph/licensing';
import { FORMER_FRONT_DESK_INDEX, generatedUser, takenProxyAddresses } from '../../../lab/tenant/graph/scale';
import { initialTenantState } from '../../../lab/tenant/graph/seed';
import type { CloudUser } from '../../../lab/tenant/graph/sync-state';
import type { TenantState } from '../../../lab/tenant/graph/tenant-state';

const P1 = '078d2b04-f1bd-4111-bbd4-b4b1b354cef4';
const EMS = 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e';
const EXCHANGE_PLAN_1 = '4b9405b0-7788-4568-add1-99614e613b69';
const EXCHANGE_KIOSK = '80b2d799-d2ba-4d2a-8842-fb0d0f3a4b82';
const RMS_ENTERPRISE = 'bea4c11e-220a-4e6d-8eb8-8ea15d019f90';
const RMS_PREMIUM = '6c57d4b6-3b23-47a5-9bc9-69f17b4947b3';
const INTUNE = 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5';
const timing = { queuedMs: 1000, baseMs: 1000, perMemberMs: 10, maxMs: 30_000 };

function exported(index: number, department: string): CloudUser {
  return {
    immutableId: Buffer.from(`lab-${index}`).toString('base64'),
    objectGuid: null,
    userPrincipalName: `user${String(index).padStart(2, '0')}@contoso.com`,
    displayName: `User ${index}`,
    givenName: null,
    surname: null,
    mail: `user${index}@contoso.com`,
    department,
    jobTitle: null,
    city: null,
    country: null,
    onPremisesSamAccountName: null,
    onPremisesDistinguishedName: null,
    onPremisesDomainName: 'contoso.com',
  };
}

/** A tenant of `engineers` Engineering users and three Sales users (plus the generated ones of a large tenant). */
class Tenant {
  state: TenantState;
  now = new Date('2025-06-01T10:00:00Z');
  private exportedUsers: CloudUser[];

  constructor(engineers: number, scale = 0) {
    this.state = { ...initialTenantState(), scale: scale > 0 ? { users: scale } : null };
    this.exportedUsers = [
      ...Array.from({ length: engineers }, (_unused, index) => exported(index + 1, 'Engineering')),
      ...[1, 2, 3].map((index) => exported(50 + index, 'Sales')),
    ];
  }

  world(): LicensingWorld & { groups: DirectoryGroup[] } {
    const users = directoryUsers({ users: this.exportedUsers, lastSyncDateTime: null }, this.state.scale?.users ?? 0);
    return {
      users,
      usersById: new Map(users.map((user) => [user.id, user])),
      groups: directoryGroups(users, this.state, null),
      state: this.state,
      large: (this.state.scale?.users ?? 0) > 0,
      takenProxyAddresses: takenProxyAddresses(this.state.scale?.users ?? 0),
      now: this.now,
    };
  }

  user(upn: string): DirectoryUser {
    const user = this.world().users.find((candidate) => candidate.userPrincipalName === upn);
    if (!user) throw new Error(`no ${upn}`);
    return user;
  }

  group(name: string): DirectoryGroup {
    const group = this.world().groups.find((candidate) => candidate.displayName === name);
    if (!group) throw new Error(`no ${name}`);
    return group;
  }

  setLocation(upn: string, usageLocation: string | null): void {
    const user = this.user(upn);
    setUserData(this.state, user, { ...userData(this.state, user), usageLocation });
  }

  assignUser(upn: string, body: Parameters<typeof assignUserLicense>[2]) {
    const user = this.user(upn);
    const result = assignUserLicense(this.world(), user, body);
    if (result.ok) setUserData(this.state, user, result.value);
    return result;
  }

  assignGroup(name: string, body: Parameters<typeof assignGroupLicense>[2]) {
    const group = this.group(name);
    const result = assignGroupLicense(this.world(), group, body, timing);
    if (result.ok) this.state.groups[group.id] = result.value;
    return result;
  }

  /** Moves the clock and lets group-based licensing catch up, as every Graph request does. */
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
    settleGroupLicensing(this.world(), timing, (mutate) => mutate(this.state), (user, data) => setUserData(this.state, user, data));
  }

  states(upn: string) {
    return licenseAssignmentStates(userData(this.state, this.user(upn)));
  }
}

describe('direct assignments (POST /users/{id}/assignLicense)', () => {
  it('needs both parameters, a usage location, a free seat and plans of the SKU', () => {
    const tenant = new Tenant(2);
    expect(tenant.assignUser('user01@contoso.com', { addLicenses: [{ skuId: P1 }] })).toMatchObject({
      ok: false,
      error: { status: 400, message: "One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: removeLicenses." },
    });
    expect(tenant.assignUser('user01@contoso.com', { addLicenses: [{ skuId: P1 }], removeLicenses: [] })).toMatchObject({
      ok: false,
      error: { message: 'License assignment cannot be done for user with invalid usage location.' },
    });
    tenant.setLocation('user01@contoso.com', 'DE');
    expect(tenant.assignUser('user01@contoso.com', { addLicenses: [{ skuId: P1, disabledPlans: [INTUNE] }], removeLicenses: [] })).toMatchObject({
      ok: false,
      error: { message: `Service plan ${INTUNE} does not correspond to a valid service plan of License ${P1}.` },
    });
    expect(tenant.assignUser('user01@contoso.com', { addLicenses: [{ skuId: P1 }], removeLicenses: [] }).ok).toBe(true);
    expect(consumedUnits(tenant.world()).get(P1)).toBe(3); // two lab admins hold P1 from the seed
  });

  it('refuses to disable a plan another enabled plan depends on, and a usage location where nothing is offered', () => {
    const tenant = new Tenant(2);
    tenant.setLocation('user01@contoso.com', 'US');
    expect(tenant.assignUser('user01@contoso.com', { addLicenses: [{ skuId: EMS, disabledPlans: [RMS_ENTERPRISE] }], removeLicenses: [] })).toMatchObject({
      ok: false,
      error: { message: `License assignment failed because service plan ${RMS_PREMIUM} depends on the service plan(s) ${RMS_ENTERPRISE}.` },
    });
    tenant.setLocation('user02@contoso.com', 'KP');
    expect(tenant.assignUser('user02@contoso.com', { addLicenses: [{ skuId: P1 }], removeLicenses: [] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('is not available in usage location KP') },
    });
  });

  it('refuses a plan that conflicts with one the user has (large tenant: Exchange Online Kiosk vs Plan 1)', () => {
    const tenant = new Tenant(1, 10);
    const upn = generatedUser(0).userPrincipalName;
    tenant.setLocation(upn, 'US');
    expect(tenant.assignUser(upn, { addLicenses: [{ skuId: EXCHANGE_KIOSK, disabledPlans: [] }], removeLicenses: [] }).ok).toBe(true);
    expect(tenant.assignUser(upn, { addLicenses: [{ skuId: EXCHANGE_PLAN_1, disabledPlans: [] }], removeLicenses: [] })).toMatchObject({
      ok: false,
      error: { message: 'License assignment failed because service plans 4a82b400-a79f-41a4-b4e2-e94f5787b113, 9aaf7827-d63c-4b61-89c3-182f06f82e5c are mutually exclusive.' },
    });
  });
});

describe('group-based licensing (POST /groups/{id}/assignLicense)', () => {
  it('accepts security groups only, then processes the members after a delay', () => {
    const tenant = new Tenant(6);
    expect(tenant.assignGroup('Sales announcements', { addLicenses: [{ skuId: P1 }], removeLicenses: [] })).toMatchObject({ ok: false, error: { status: 400 } });
    expect(tenant.assignGroup('All Company', { addLicenses: [{ skuId: P1 }], removeLicenses: [] })).toMatchObject({ ok: false });
    expect(tenant.assignGroup('EMS pilot', { addLicenses: [{ skuId: EMS, disabledPlans: [INTUNE] }] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('The missing parameters are: removeLicenses.') },
    });
    expect(tenant.assignGroup('EMS pilot', { addLicenses: [{ skuId: EMS, disabledPlans: [INTUNE] }], removeLicenses: [] }).ok).toBe(true);
    const group = tenant.group('EMS pilot');
    expect(licenseProcessingState(tenant.state.groups[group.id], tenant.now)).toBe('QueuedForProcessing');
    tenant.advance(1500);
    expect(licenseProcessingState(tenant.state.groups[group.id], tenant.now)).toBe('ProcessingInProgress');
    expect(tenant.states('user01@contoso.com')).toEqual([]);
    tenant.advance(1000);
    expect(licenseProcessingState(tenant.state.groups[group.id], tenant.now)).toBe('ProcessingComplete');

    // Five seats of EMS E3 for six members: the first five by UPN get it, inherited with Intune off; the sixth is in error.
    expect(tenant.states('user01@contoso.com')).toEqual([
      { assignedByGroup: group.id, disabledPlans: [INTUNE], error: 'None', lastUpdatedDateTime: '2025-06-01T10:00:02Z', skuId: EMS, state: 'Active' },
    ]);
    expect(tenant.states('user06@contoso.com')).toEqual([expect.objectContaining({ assignedByGroup: group.id, state: 'Error', error: 'CountViolation' })]);
    expect(effectiveAssignedLicenses(userData(tenant.state, tenant.user('user06@contoso.com')))).toEqual([]);
    expect(consumedUnits(tenant.world()).get(EMS)).toBe(5);
    // Group licensing uses the tenant's location for users without one, and never sets theirs.
    expect(userData(tenant.state, tenant.user('user01@contoso.com')).usageLocation).toBeNull();
  });

  it('is all or nothing per user: the group\'s other license fails with Other', () => {
    const tenant = new Tenant(6);
    tenant.assignGroup('EMS pilot', { addLicenses: [{ skuId: P1, disabledPlans: [] }, { skuId: EMS, disabledPlans: [] }], removeLicenses: [] });
    tenant.advance(5000);
    expect(tenant.states('user06@contoso.com').map((entry) => [entry.skuId, entry.state, entry.error])).toEqual([
      [P1, 'Error', 'Other'],
      [EMS, 'Error', 'CountViolation'],
    ]);
    expect(consumedUnits(tenant.world()).get(P1)).toBe(2 + 5);
  });

  it('reprocesses when the group grows past the free seats, and refuses removing an inherited license on the user', () => {
    const tenant = new Tenant(5);
    tenant.assignGroup('EMS pilot', { addLicenses: [{ skuId: EMS, disabledPlans: [] }], removeLicenses: [] });
    tenant.advance(5000);
    expect(consumedUnits(tenant.world()).get(EMS)).toBe(5);

    const newcomer = tenant.user('user51@contoso.com');
    const group = tenant.group('EMS pilot');
    tenant.state.groups[group.id]?.addedMembers.push(newcomer.id);
    tenant.advance(0);
    expect(licenseProcessingState(tenant.state.groups[group.id], tenant.now)).toBe('QueuedForProcessing');
    tenant.advance(5000);
    expect(tenant.states('user51@contoso.com')).toEqual([expect.objectContaining({ state: 'Error', error: 'CountViolation' })]);

    tenant.setLocation('user01@contoso.com', 'US');
    expect(tenant.assignUser('user01@contoso.com', { addLicenses: [], removeLicenses: [EMS] })).toMatchObject({
      ok: false,
      error: { message: 'User license is inherited from a group membership and it cannot be removed directly from the user.' },
    });
    // A direct copy on top takes no second seat; removing it leaves the inherited one.
    expect(tenant.assignUser('user01@contoso.com', { addLicenses: [{ skuId: EMS, disabledPlans: [] }], removeLicenses: [] }).ok).toBe(true);
    expect(consumedUnits(tenant.world()).get(EMS)).toBe(5);
    expect(tenant.assignUser('user01@contoso.com', { addLicenses: [], removeLicenses: [EMS] }).ok).toBe(true);
    expect(tenant.states('user01@contoso.com')).toEqual([expect.objectContaining({ assignedByGroup: group.id, state: 'Active' })]);
  });

  it('gives nested groups\' members nothing, and records usage-location and proxy-address errors', () => {
    const tenant = new Tenant(5, FORMER_FRONT_DESK_INDEX + 1);
    tenant.assignGroup('IT Admins', { addLicenses: [{ skuId: EMS, disabledPlans: [] }], removeLicenses: [] });
    tenant.assignGroup('EMS pilot', { addLicenses: [{ skuId: EMS, disabledPlans: [] }], removeLicenses: [] });
    tenant.setLocation('globaladmin@contoso.onmicrosoft.com', 'IR');
    tenant.advance(40_000);
    expect(tenant.states('user@contoso.onmicrosoft.com')).toEqual([]);
    expect(tenant.states('hybridadmin@contoso.onmicrosoft.com')).toEqual([
      expect.objectContaining({ assignedByGroup: null, skuId: P1 }),
      expect.objectContaining({ skuId: EMS, state: 'Active' }),
    ]);
    expect(tenant.states('globaladmin@contoso.onmicrosoft.com')).toEqual([
      expect.objectContaining({ assignedByGroup: null, skuId: '84a661c4-e949-4bd2-a560-ed7766fcaf2b' }),
      expect.objectContaining({ skuId: EMS, state: 'Error', error: 'ProhibitedInUsageLocationViolation' }),
    ]);
    const holder = generatedUser(FORMER_FRONT_DESK_INDEX).userPrincipalName;
    expect(tenant.group('EMS pilot').memberUserIds).toContain(tenant.user(holder).id);
    expect(tenant.states(holder)).toEqual([expect.objectContaining({ state: 'Error', error: 'UniquenessViolation' })]);
  });

  it('keeps a license whose removal would break another assignment\'s plan (DependencyViolation)', () => {
    const tenant = new Tenant(5);
    tenant.assignGroup('EMS pilot', { addLicenses: [{ skuId: EMS, disabledPlans: [] }], removeLicenses: [] });
    tenant.advance(5000);
    tenant.setLocation('user01@contoso.com', 'US');
    // EMS E5 directly with Azure Rights Management off: allowed while the group's EMS E3 provides it.
    const e5 = 'b05e124f-c7cc-45a0-a6aa-8cf78c946968';
    expect(tenant.assignUser('user01@contoso.com', { addLicenses: [{ skuId: e5, disabledPlans: [RMS_ENTERPRISE] }], removeLicenses: [] }).ok).toBe(true);
    tenant.assignGroup('EMS pilot', { addLicenses: [], removeLicenses: [EMS] });
    tenant.advance(5000);
    expect(tenant.states('user02@contoso.com')).toEqual([]);
    expect(tenant.states('user01@contoso.com')).toEqual([
      expect.objectContaining({ assignedByGroup: null, skuId: e5 }),
      expect.objectContaining({ skuId: EMS, state: 'ActiveWithError', error: 'DependencyViolation' }),
    ]);
  });
});
