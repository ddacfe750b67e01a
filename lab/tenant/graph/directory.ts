import { createHash } from 'node:crypto';
import { LAB_ACCOUNTS, type LabAccount } from '../lab-accounts';
import type { SyncedDirectory, CloudUser } from './sync-state';
import { EMPTY_USER_DATA, type CloudUserData, type TenantState } from './tenant-state';

export type UserKey = { kind: 'synced'; immutableId: string } | { kind: 'cloud'; objectId: string };

/** A user object of the tenant with every property the lab knows, in Graph's names. */
export interface DirectoryUser {
  id: string;
  key: UserKey;
  properties: Record<string, unknown>;
}

/** Graph ids of synchronized users: a stable name-based GUID (v5 layout) of the immutableId. */
export function syncedUserId(immutableId: string): string {
  const hash = createHash('sha1').update(`lab-tenant/user/${immutableId}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function baseProperties(id: string, data: CloudUserData): Record<string, unknown> {
  return {
    id,
    accountEnabled: true,
    businessPhones: [],
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    userType: 'Member',
    usageLocation: data.usageLocation,
    assignedLicenses: data.assignedLicenses.map((license) => ({ disabledPlans: [...license.disabledPlans], skuId: license.skuId })),
  };
}

function syncedUser(user: CloudUser, lastSync: string | null, data: CloudUserData): DirectoryUser {
  const id = syncedUserId(user.immutableId);
  return {
    id,
    key: { kind: 'synced', immutableId: user.immutableId },
    properties: {
      ...baseProperties(id, data),
      displayName: user.displayName,
      givenName: user.givenName,
      surname: user.surname,
      userPrincipalName: user.userPrincipalName,
      mail: user.mail,
      jobTitle: user.jobTitle,
      department: user.department,
      city: user.city,
      country: user.country,
      onPremisesImmutableId: user.immutableId,
      onPremisesSyncEnabled: true,
      onPremisesLastSyncDateTime: lastSync,
      onPremisesSamAccountName: user.onPremisesSamAccountName,
      onPremisesDistinguishedName: user.onPremisesDistinguishedName,
      onPremisesDomainName: user.onPremisesDomainName,
      onPremisesUserPrincipalName: user.userPrincipalName,
    },
  };
}

function cloudUser(account: LabAccount, data: CloudUserData): DirectoryUser {
  return {
    id: account.objectId,
    key: { kind: 'cloud', objectId: account.objectId },
    properties: {
      ...baseProperties(account.objectId, data),
      displayName: account.displayName,
      givenName: account.givenName,
      surname: account.surname,
      userPrincipalName: account.userPrincipalName,
      mail: null,
      jobTitle: account.jobTitle,
      department: null,
      city: null,
      country: null,
      onPremisesImmutableId: null,
      onPremisesSyncEnabled: null,
      onPremisesLastSyncDateTime: null,
      onPremisesSamAccountName: null,
      onPremisesDistinguishedName: null,
      onPremisesDomainName: null,
      onPremisesUserPrincipalName: null,
    },
  };
}

/** Every user of the tenant: the cloud-only lab accounts, then the synchronized users. */
export function directoryUsers(synced: SyncedDirectory, state: TenantState): DirectoryUser[] {
  return [
    ...LAB_ACCOUNTS.map((account) => cloudUser(account, state.cloudUsers[account.objectId] ?? EMPTY_USER_DATA)),
    ...synced.users.map((user) => syncedUser(user, synced.lastSyncDateTime, state.syncedUsers[user.immutableId] ?? EMPTY_USER_DATA)),
  ];
}

export function userData(state: TenantState, key: UserKey): CloudUserData {
  return (key.kind === 'synced' ? state.syncedUsers[key.immutableId] : state.cloudUsers[key.objectId]) ?? EMPTY_USER_DATA;
}

export function setUserData(state: TenantState, key: UserKey, data: CloudUserData): void {
  if (key.kind === 'synced') state.syncedUsers[key.immutableId] = data;
  else state.cloudUsers[key.objectId] = data;
}

/** Properties Graph returns for a user when the request has no $select. */
export const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;
