import { describe, expect, it } from 'vitest';
import { disabledPlanNames, processingStateText, userDisabledPlans, userLicenseText } from '../../../shared/licenses/describe';
import { licenseErrorFix, licenseErrorReason, normalizeLicenseError } from '../../../shared/licenses/license-errors';
import type { LicenseAssignment, SubscribedSku, SyncedUser } from '../../../shared/licenses/skus-and-users';

const ems = 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e';
const intune = 'c1ec4a95-1f05-45b3-a911-aa3fa01094f5';
const pilot = { id: 'g1', displayName: 'EMS pilot' };
const sales = { id: 'g2', displayName: 'Dept - Sales' };

function user(assignments: LicenseAssignment[]): SyncedUser {
  return {
    id: 'u',
    displayName: 'Ann',
    userPrincipalName: 'ann@contoso.com',
    usageLocation: 'US',
    assignedSkuIds: assignments.some((assignment) => assignment.error === null) ? [ems] : [],
    licenseAssignments: assignments,
    onPremisesLastSyncDateTime: null,
  };
}
const entry = (assignedByGroup: LicenseAssignment['assignedByGroup'], error: string | null = null, disabledPlans: string[] = []): LicenseAssignment => ({
  skuId: ems,
  assignedByGroup,
  state: error === null ? 'Active' : 'Error',
  error,
  disabledPlans,
});

describe('how a user has a license, in words', () => {
  it('says direct, inherited (from which groups), both, or the error in plain words', () => {
    expect(userLicenseText(user([entry(null)]), ems)).toBe('Direct');
    expect(userLicenseText(user([entry(pilot), entry(sales)]), ems)).toBe('Inherited from EMS pilot and Dept - Sales');
    expect(userLicenseText(user([entry(null), entry(pilot)]), ems)).toBe('Direct and inherited from EMS pilot');
    expect(userLicenseText(user([entry(pilot, 'CountViolation')]), ems)).toBe('Error from EMS pilot: Not enough licenses');
    expect(userLicenseText(user([]), ems)).toBe('Not assigned');
  });

  it('names the plans switched off by their friendly names', () => {
    const sku = { servicePlans: [{ servicePlanId: intune, servicePlanName: 'INTUNE_A', friendlyName: 'Microsoft Intune', appliesTo: 'User' }] } as SubscribedSku;
    const someone = user([entry(pilot, null, [intune])]);
    expect(disabledPlanNames(sku, userDisabledPlans(someone, ems))).toBe('Microsoft Intune');
    expect(processingStateText('QueuedForProcessing')).toBe('Queued for processing');
    expect(processingStateText('SomethingNew')).toBe('SomethingNew');
  });
});

describe('license errors in plain words', () => {
  it('reads null, "None" and the old "Others" safely, and keeps an unknown value as Graph wrote it', () => {
    expect([null, undefined, 'None', ' none ', ''].map(normalizeLicenseError)).toEqual([null, null, null, null, null]);
    expect(normalizeLicenseError('Others')).toBe('Other');
    expect(licenseErrorReason('UniquenessViolation')).toBe('Duplicate proxy address');
    expect(licenseErrorReason('ProhibitedInUsageLocationViolation')).toBe('Usage location not allowed');
    expect(licenseErrorReason('MutuallyExclusiveViolation')).toBe('Conflicting service plans');
    expect(licenseErrorReason('DependencyViolation')).toBe('Missing dependency');
    expect(licenseErrorReason('BrandNewViolation')).toBe('BrandNewViolation');
    expect(licenseErrorFix('CountViolation')).toContain('Buy or free licenses');
    expect(licenseErrorFix('BrandNewViolation')).toBe('');
  });
});
