import type { DirectoryRole } from '../auth/account';

/**
 * Directory roles whose holders may assign licenses and set a user's usage location. Hybrid Identity
 * Administrator (enough to configure sync) is not one of them: Graph refuses it with 403.
 */
export const licenseAdminRoles = [
  { displayName: 'Global Administrator', roleTemplateId: '62e90394-69f5-4237-9190-012177145e10' },
  { displayName: 'License Administrator', roleTemplateId: '4d6ac14f-3453-41d0-bef9-a3e0c569773a' },
  { displayName: 'User Administrator', roleTemplateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1' },
] as const;

/** "Global Administrator, License Administrator or User Administrator". */
export const licenseAdminRoleNames = ((): string => {
  const names = licenseAdminRoles.map((role) => role.displayName);
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
})();

/** True when one of the active roles may assign licenses. */
export function canAssignLicenses(roles: readonly DirectoryRole[]): boolean {
  const allowed: readonly string[] = licenseAdminRoles.map((role) => role.roleTemplateId);
  return roles.some((role) => allowed.includes(role.roleTemplateId.toLowerCase()));
}

/** What the page says when Graph refuses a license change for lack of a role. */
export const missingLicenseRoleMessage =
  `The signed-in account may not assign licenses. Assigning licenses and setting a usage location need the ` +
  `${licenseAdminRoleNames} role; Hybrid Identity Administrator is enough to configure synchronization but not for this. ` +
  'Sign in with an account that holds one of these roles (Connect page: "Use another account").';
