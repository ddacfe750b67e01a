import { createHash } from 'node:crypto';
import { LAB_ACCOUNTS, type LabAccount } from '../lab-accounts';
import { generatedUsers } from './scale';
import type { CloudUser, SyncedDirectory } from './sync-state';
import { EMPTY_USER_DATA, type CloudUserData, type TenantState } from './tenant-state';

export type UserKey = { kind: 'synced'; immutableId: string } | { kind: 'cloud'; objectId: string };

/**
 * A user object of the tenant: the properties that do not depend on the tenant's own state (names,
 * on-premises attributes). Usage location and licenses come from the tenant state (see `licensing.ts`).
 */
export interface DirectoryUser {
  id: string;
  key: UserKey;
  userPrincipalName: string;
  mail: string | null;
  department: string | null;
  synced: boolean;
  /** The usage location a generated user starts with, before the tenant state has an entry for it. */
  seedUsageLocation: string | null;
  base: Readonly<Record<string, unknown>>;
}

/** A stable name-based GUID (v5 layout) for lab objects. */
export function nameBasedId(name: string): string {
  const hash = createHash('sha1').update(name).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Graph ids of synchronized users: a stable name-based GUID of the immutableId. */
export function syncedUserId(immutableId: string): string {
  return nameBasedId(`lab-tenant/user/${immutableId}`);
}

const commonProperties = { accountEnabled: true, businessPhones: [], mobilePhone: null, officeLocation: null, preferredLanguage: null, userType: 'Member' };

function syncedUser(user: CloudUser, lastSync: string | null, seedUsageLocation: string | null): DirectoryUser {
  const id = syncedUserId(user.immutableId);
  return {
    id,
    key: { kind: 'synced', immutableId: user.immutableId },
    userPrincipalName: user.userPrincipalName,
    mail: user.mail,
    department: user.department,
    synced: true,
    seedUsageLocation,
    base: {
      id,
      ...commonProperties,
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

function cloudUser(account: LabAccount): DirectoryUser {
  return {
    id: account.objectId,
    key: { kind: 'cloud', objectId: account.objectId },
    userPrincipalName: account.userPrincipalName,
    mail: null,
    department: null,
    synced: false,
    seedUsageLocation: null,
    base: {
      id: account.objectId,
      ...commonProperties,
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

/**
 * Every user of the tenant: the cloud-only lab accounts, the users the lab sync server exported, then
 * the large-tenant seed's users. Built once per sync-state change, not per request.
 */
export function directoryUsers(synced: SyncedDirectory, scaleUsers: number): DirectoryUser[] {
  const exported = new Set(synced.users.map((user) => user.immutableId));
  return [
    ...LAB_ACCOUNTS.map(cloudUser),
    ...synced.users.map((user) => syncedUser(user, synced.lastSyncDateTime, null)),
    ...generatedUsers(scaleUsers)
      .filter((user) => !exported.has(user.immutableId))
      .map((user) => syncedUser(user, synced.lastSyncDateTime, user.seedUsageLocation)),
  ];
}

export function userData(state: TenantState, user: DirectoryUser): CloudUserData {
  const stored = user.key.kind === 'synced' ? state.syncedUsers[user.key.immutableId] : state.cloudUsers[user.key.objectId];
  return stored ?? { ...EMPTY_USER_DATA, usageLocation: user.seedUsageLocation };
}

export function setUserData(state: TenantState, user: DirectoryUser, data: CloudUserData): void {
  if (user.key.kind === 'synced') state.syncedUsers[user.key.immutableId] = data;
  else state.cloudUsers[user.key.objectId] = data;
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

/** Non-country region codes ICU knows that Entra does not accept as a usage location. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'AA', 'XA', 'XB']);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** A usage location is an ISO 3166-1 alpha-2 country code. */
export function isValidUsageLocation(value: string): boolean {
  const code = value.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  try {
    return regionNames.of(code) !== undefined;
  } catch {
    return false;
  }
}
