/** The national clouds an administrator can pick in the settings; the lab passes its own URLs instead. */
export const azureClouds = {
  AzurePublic: { loginUrl: 'https://login.microsoftonline.com', graphResource: 'https://graph.microsoft.com' },
  AzureUSGovernment: { loginUrl: 'https://login.microsoftonline.us', graphResource: 'https://graph.microsoft.us' },
  AzureChina: { loginUrl: 'https://login.chinacloudapi.cn', graphResource: 'https://microsoftgraph.chinacloudapi.cn' },
} as const;
export type AzureCloud = keyof typeof azureClouds;

/**
 * Delegated Graph permissions the app uses, each the least privileged for its calls (licensing-at-scale §6;
 * README: register these on your public client):
 * - `User.Read`: the signed-in user, their directory roles, the organization (last sync time);
 * - `User.ReadWrite.All`: a user's usage location (PATCH), and reading users with their license states;
 * - `LicenseAssignment.ReadWrite.All`: assignLicense on users and groups;
 * - `LicenseAssignment.Read.All`: the subscriptions (`subscribedSkus`); the write permission does not cover reads;
 * - `GroupMember.Read.All`: groups with their licenses and processing state, and their members with license errors;
 * - `Domain.Read.All`: the domains with their authentication type and the federated ones' federation configuration
 *   (Manage federation, Change user sign-in); least privileged for both calls in v1.0.
 */
export const appGraphPermissions = [
  'User.Read',
  'User.ReadWrite.All',
  'LicenseAssignment.ReadWrite.All',
  'LicenseAssignment.Read.All',
  'GroupMember.Read.All',
  'Domain.Read.All',
] as const;

/** `https://login.microsoftonline.com/<tenant>` from the cloud and tenant settings (tenant id or domain). */
export function authorityFor(cloud: AzureCloud, tenant: string): string {
  return `${azureClouds[cloud].loginUrl}/${encodeURIComponent(tenant.trim())}`;
}

export function graphBaseUrlFor(cloud: AzureCloud): string {
  return `${azureClouds[cloud].graphResource}/v1.0`;
}

/** Fully qualified scopes (`https://graph.microsoft.com/User.Read`) for a Graph resource. */
export function graphScopesFor(graphResource: string, permissions: readonly string[] = appGraphPermissions): string[] {
  return permissions.map((permission) => `${graphResource.replace(/\/+$/, '')}/${permission}`);
}
