/** Directory roles the lab accounts hold. Template ids are Entra's real, tenant-independent ones. */
export interface DirectoryRole {
  /** The role object's id in this tenant (fixed for the lab). */
  id: string;
  roleTemplateId: string;
  displayName: string;
  description: string;
}

export const GLOBAL_ADMINISTRATOR: DirectoryRole = {
  id: '1b6a2f0e-5c3d-4e8a-9f71-0d2c4b6a8e01',
  roleTemplateId: '62e90394-69f5-4237-9190-012177145e10',
  displayName: 'Global Administrator',
  description: 'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.',
};

export const HYBRID_IDENTITY_ADMINISTRATOR: DirectoryRole = {
  id: '2c7b3a1f-6d4e-4f9b-8a82-1e3d5c7b9f02',
  roleTemplateId: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2',
  displayName: 'Hybrid Identity Administrator',
  description:
    'Can manage Active Directory to Microsoft Entra cloud provisioning, Microsoft Entra Connect, pass-through authentication (PTA), password hash synchronization (PHS), seamless single sign-on (seamless SSO), and federation settings.',
};

/**
 * Role template ids of the roles that may change licenses, usage locations and group members (Entra's
 * permissions reference, E30; licensing-at-scale §6). The lab accounts hold Global Administrator or Hybrid
 * Identity Administrator, which has none of these actions: Graph answers it 403.
 */
const LICENSE_ADMINISTRATOR = '4d6ac14f-3453-41d0-bef9-a3e0c569773a';
const USER_ADMINISTRATOR = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const GROUPS_ADMINISTRATOR = 'fdd7a751-b60b-444a-984c-02652fe8fa1c';
const DIRECTORY_WRITERS = '9360feb5-f418-4baa-8175-e2a00bac4301';

/** `microsoft.directory/users/assignLicense`, `users/reprocessLicenseAssignment`, `users/usageLocation/update`. */
export const ROLES_THAT_LICENSE_USERS: readonly string[] = [GLOBAL_ADMINISTRATOR.roleTemplateId, LICENSE_ADMINISTRATOR, USER_ADMINISTRATOR, DIRECTORY_WRITERS];
/** `microsoft.directory/groups/assignLicense`: Groups Administrator too. */
export const ROLES_THAT_LICENSE_GROUPS: readonly string[] = [...ROLES_THAT_LICENSE_USERS, GROUPS_ADMINISTRATOR];
/** Group membership (`POST /groups/{id}/members/$ref`); License Administrator cannot manage groups. */
export const ROLES_THAT_MANAGE_GROUPS: readonly string[] = [GLOBAL_ADMINISTRATOR.roleTemplateId, USER_ADMINISTRATOR, GROUPS_ADMINISTRATOR, DIRECTORY_WRITERS];
