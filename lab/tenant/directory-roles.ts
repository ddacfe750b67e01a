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
 * Roles allowed to change licenses and user properties. In Entra, Hybrid Identity Administrator
 * cannot assign licenses (that takes Global, User or License Administrator); the lab keeps that rule.
 */
export const ROLES_THAT_MANAGE_USERS: readonly string[] = [GLOBAL_ADMINISTRATOR.roleTemplateId];
