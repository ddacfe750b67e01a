import { z } from 'zod';
import { appErrorDataSchema } from '../core/errors';

/** Directory role template ids that may run the wizard's tasks (native wizard: either role is accepted). */
export const adminRoleTemplateIds = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  hybridIdentityAdministrator: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2',
} as const;

export const allowedAdminRoleTemplateIds: readonly string[] = Object.values(adminRoleTemplateIds);

export const directoryRoleSchema = z.object({
  displayName: z.string(),
  roleTemplateId: z.string(),
});
export type DirectoryRole = z.infer<typeof directoryRoleSchema>;

/** True when one of the roles lets the account configure synchronization. */
export function hasAdminRole(roles: readonly DirectoryRole[]): boolean {
  return roles.some((role) => allowedAdminRoleTemplateIds.includes(role.roleTemplateId.toLowerCase()));
}

/** The signed-in administrator as the renderer may see it: display data only, never a token. */
export const signedInAccountSchema = z.object({
  displayName: z.string(),
  username: z.string(),
  tenantId: z.string(),
  /** The tenant's default (or initial) verified domain, else the domain of the username. */
  tenantDomain: z.string(),
  tenantDisplayName: z.string().optional(),
  roles: z.array(directoryRoleSchema),
});
export type SignedInAccount = z.infer<typeof signedInAccountSchema>;

/** Where the token cache lives: encrypted on disk (DPAPI, keychain, libsecret) or only in memory. */
export const tokenCachePersistenceSchema = z.enum(['encrypted', 'memory']);
export type TokenCachePersistence = z.infer<typeof tokenCachePersistenceSchema>;

export const signInStateSchema = z.enum(['signedOut', 'signingIn', 'signedIn']);

export const signInMethodSchema = z.enum(['browser', 'deviceCode']);
export type SignInMethod = z.infer<typeof signInMethodSchema>;

export const signInStatusSchema = z.object({
  state: signInStateSchema,
  /** Present only when signed in with an allowed role. */
  account: signedInAccountSchema.optional(),
  /** Why the last sign-in attempt failed (cleared by the next attempt). */
  lastError: appErrorDataSchema.optional(),
  cachePersistence: tokenCachePersistenceSchema,
  /** Why the cache stays in memory, for the page to explain. */
  cachePersistenceReason: z.string().optional(),
});
export type SignInStatus = z.infer<typeof signInStatusSchema>;

/** What the page shows while a device-code sign-in waits for the administrator. */
export const deviceCodePromptSchema = z.object({
  userCode: z.string(),
  verificationUri: z.string(),
  message: z.string(),
  /** ISO-8601 UTC. */
  expiresAt: z.string(),
});
export type DeviceCodePrompt = z.infer<typeof deviceCodePromptSchema>;
