import { z } from 'zod';
import { objectSyncPathSchema, passwordSyncStateSchema, singleObjectSyncResultSchema } from '../sync-server/objects';
import { explanationSchema } from './explain';

/*
 * Troubleshoot's requests and answers. The field takes a distinguished name or a user principal name; what it
 * holds goes to PowerShell as data only, and is refused here first when it cannot be either.
 */

const controlCharacters = /\p{Cc}/u;

/** A DN: RDNs "type=value" separated by commas (RFC 4514's shape; values are matched, never parsed as script). */
const dnPattern = /^[A-Za-z][\w-]*=.+/;
/** A UPN: one @ with text on both sides and no spaces (the UPN's "user@suffix" shape). */
const upnPattern = /^[^@\s]+@[^@\s]+$/;

export type TroubleshootIdentityKind = 'dn' | 'upn';

/** Which of the two the text is: a DN has "=" in its first RDN; a UPN has one "@". Null when neither. */
export function identityKind(text: string): TroubleshootIdentityKind | null {
  const value = text.trim();
  if (dnPattern.test(value)) return 'dn';
  if (upnPattern.test(value)) return 'upn';
  return null;
}

export const troubleshootIdentitySchema = z
  .string()
  .trim()
  .min(1, 'Enter a distinguished name or a user principal name.')
  .max(2048, 'A distinguished name is at most 2,048 characters.')
  .refine((value) => !controlCharacters.test(value), 'The name holds control characters.')
  .refine((value) => identityKind(value) !== null, 'Enter a distinguished name (CN=…,OU=…,DC=…) or a user principal name (user@domain).');

export const troubleshootRequestSchema = z.object({ identity: troubleshootIdentitySchema }).strict();

export const troubleshootResultSchema = z.object({
  identity: z.string(),
  kind: z.enum(['dn', 'upn']),
  path: objectSyncPathSchema,
  explanation: explanationSchema,
  /** Whether "Sync this object now" can be offered: the build has Invoke-ADSyncSingleObjectSync. */
  singleObjectSyncAvailable: z.boolean(),
});
export type TroubleshootResult = z.infer<typeof troubleshootResultSchema>;

export const passwordSyncDiagnosticsSchema = passwordSyncStateSchema;

/** Sync this object now: the DN Troubleshoot found (a DN only: the object was resolved first). */
export const syncNowRequestSchema = z
  .object({ distinguishedName: troubleshootIdentitySchema.refine((value) => identityKind(value) === 'dn', 'A distinguished name is needed.') })
  .strict();
export const syncNowResultSchema = singleObjectSyncResultSchema;
