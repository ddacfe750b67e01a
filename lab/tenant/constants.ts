/**
 * Fixed identities of the lab tenant. They never change, so lab configuration, tests and saved
 * MSAL caches stay valid across restarts.
 */
export const LAB_TENANT_ID = '6f3c1b9e-2d4a-4c8e-9b1f-7a5d3e2c4b10';
export const LAB_TENANT_DOMAIN = 'contoso.onmicrosoft.com';
export const LAB_TENANT_CUSTOM_DOMAIN = 'contoso.com';
export const LAB_TENANT_DISPLAY_NAME = 'Contoso';

/** The lab's public client (a "Mobile and desktop applications" registration with redirect http://localhost). */
export const LAB_CLIENT_ID = '4c7e0b52-9a1d-4f3e-8b6a-2d9c5e1f0a37';
export const LAB_CLIENT_DISPLAY_NAME = 'Azure AD Connect Wizard (lab)';

/** Microsoft Graph's well-known application id: the audience of Graph access tokens. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/**
 * LAB ONLY: the password of every lab account. It protects nothing real; the lab tenant listens on
 * 127.0.0.1 and its accounts exist only inside this process.
 */
export const LAB_PASSWORD = 'LabPassw0rd!';

/** LAB ONLY: the one-time code the MFA lab account accepts. */
export const LAB_MFA_CODE = '123456';

/** The delegated Graph scopes an administrator has consented to for the lab client. */
export const CONSENTED_GRAPH_SCOPES = [
  'User.Read',
  'User.Read.All',
  'User.ReadWrite.All',
  'Directory.Read.All',
  'Organization.Read.All',
  'LicenseAssignment.Read.All',
  'LicenseAssignment.ReadWrite.All',
  'GroupMember.Read.All',
  'GroupMember.ReadWrite.All',
  'OnPremDirectorySynchronization.Read.All',
  'Domain.Read.All',
] as const;

export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;
