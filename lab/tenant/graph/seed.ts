import { mkdir } from 'node:fs/promises';
import { LAB_ACCOUNTS } from '../lab-accounts';
import { readTenantStateFile, writeTenantStateFile, type TenantState } from './tenant-state';

/** Tenant state of a fresh lab: the admin accounts have a usage location and a license or two. */
export function initialTenantState(): TenantState {
  const [hybridAdmin, globalAdmin, user, mfaAdmin] = LAB_ACCOUNTS;
  const cloudUsers: TenantState['cloudUsers'] = {};
  const licensed = (skuId: string) => ({ usageLocation: 'US', assignedLicenses: [{ skuId, disabledPlans: [] }], groupLicenses: [] });
  if (hybridAdmin) cloudUsers[hybridAdmin.objectId] = licensed('078d2b04-f1bd-4111-bbd4-b4b1b354cef4');
  if (globalAdmin) cloudUsers[globalAdmin.objectId] = licensed('84a661c4-e949-4bd2-a560-ed7766fcaf2b');
  if (user) cloudUsers[user.objectId] = { usageLocation: 'US', assignedLicenses: [], groupLicenses: [] };
  if (mfaAdmin) cloudUsers[mfaAdmin.objectId] = licensed('078d2b04-f1bd-4111-bbd4-b4b1b354cef4');
  return { version: 1, syncedUsers: {}, cloudUsers, groups: {}, scale: null };
}

/**
 * Makes the lab tenant in `labFolder` a large tenant: `users` more synchronized users (generated, see
 * scale.ts), seats for them and the Exchange Online subscriptions. Call it before the tenant starts.
 */
export async function seedLargeLabTenant(labFolder: string, users: number): Promise<void> {
  await mkdir(labFolder, { recursive: true });
  const state = (await readTenantStateFile(labFolder)) ?? initialTenantState();
  await writeTenantStateFile(labFolder, { ...state, scale: { users } });
}
