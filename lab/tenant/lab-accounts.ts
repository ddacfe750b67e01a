import { LAB_TENANT_CUSTOM_DOMAIN, LAB_TENANT_DOMAIN } from './constants';
import { GLOBAL_ADMINISTRATOR, HYBRID_IDENTITY_ADMINISTRATOR, type DirectoryRole } from './directory-roles';

/** A cloud-only account of the lab tenant that can sign in. All use the lab password. */
export interface LabAccount {
  objectId: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string | null;
  roles: readonly DirectoryRole[];
  mfaRequired: boolean;
  passwordExpired: boolean;
}

export const LAB_ACCOUNTS: readonly LabAccount[] = [
  {
    objectId: 'a1f0c3d2-4b5e-4f60-8a71-9b2c3d4e5f01',
    userPrincipalName: `hybridadmin@${LAB_TENANT_DOMAIN}`,
    displayName: 'Hybrid Admin',
    givenName: 'Hybrid',
    surname: 'Admin',
    jobTitle: 'Identity engineer',
    roles: [HYBRID_IDENTITY_ADMINISTRATOR],
    mfaRequired: false,
    passwordExpired: false,
  },
  {
    objectId: 'a1f0c3d2-4b5e-4f60-8a71-9b2c3d4e5f02',
    userPrincipalName: `globaladmin@${LAB_TENANT_DOMAIN}`,
    displayName: 'Global Admin',
    givenName: 'Global',
    surname: 'Admin',
    jobTitle: 'IT director',
    roles: [GLOBAL_ADMINISTRATOR],
    mfaRequired: false,
    passwordExpired: false,
  },
  {
    objectId: 'a1f0c3d2-4b5e-4f60-8a71-9b2c3d4e5f03',
    userPrincipalName: `user@${LAB_TENANT_DOMAIN}`,
    displayName: 'Lab User',
    givenName: 'Lab',
    surname: 'User',
    jobTitle: null,
    roles: [],
    mfaRequired: false,
    passwordExpired: false,
  },
  {
    objectId: 'a1f0c3d2-4b5e-4f60-8a71-9b2c3d4e5f04',
    userPrincipalName: `mfaadmin@${LAB_TENANT_DOMAIN}`,
    displayName: 'MFA Admin',
    givenName: 'MFA',
    surname: 'Admin',
    jobTitle: 'Identity engineer',
    roles: [HYBRID_IDENTITY_ADMINISTRATOR],
    mfaRequired: true,
    passwordExpired: false,
  },
  {
    objectId: 'a1f0c3d2-4b5e-4f60-8a71-9b2c3d4e5f05',
    userPrincipalName: `expired@${LAB_TENANT_DOMAIN}`,
    displayName: 'Expired Password',
    givenName: 'Expired',
    surname: 'Password',
    jobTitle: null,
    roles: [HYBRID_IDENTITY_ADMINISTRATOR],
    mfaRequired: false,
    passwordExpired: true,
  },
];

export function findLabAccountByObjectId(objectId: string): LabAccount | undefined {
  return LAB_ACCOUNTS.find((account) => account.objectId === objectId);
}

export function findLabAccountByName(userName: string): LabAccount | undefined {
  const wanted = userName.trim().toLowerCase();
  return LAB_ACCOUNTS.find((account) => account.userPrincipalName.toLowerCase() === wanted);
}

export function isHomeDomain(domain: string): boolean {
  const lower = domain.toLowerCase();
  return lower === LAB_TENANT_DOMAIN || lower === LAB_TENANT_CUSTOM_DOMAIN;
}
