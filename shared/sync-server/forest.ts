import { z } from 'zod';
import { psArray } from './ps-values';

export const forestDomainSchema = z.object({
  dnsRoot: z.string().nullable(),
  netBiosName: z.string().nullable(),
  distinguishedName: z.string().nullable(),
});

export const forestSchema = z.object({
  name: z.string().nullable(),
  rootDomain: z.string().nullable(),
  domains: psArray(forestDomainSchema),
});
export type Forest = z.infer<typeof forestSchema>;

/**
 * One page of OUs. PowerShell writes a page as two parallel arrays (an object per OU costs several times more
 * to build and to write for tens of thousands of OUs); the app reads it as one item per OU.
 */
export const organizationalUnitPageSchema = z
  .object({
    /** '' where the directory gave no name (the app shows the DN then). */
    names: psArray(z.string()),
    distinguishedNames: psArray(z.string()),
    total: z.number().int(),
    /** Where the next page starts; null on the last page. */
    nextSkip: z.number().int().nullable(),
  })
  .refine((page) => page.names.length === page.distinguishedNames.length, { message: 'names and distinguishedNames differ in length' })
  .transform(({ names, distinguishedNames, total, nextSkip }) => ({
    items: distinguishedNames.map((distinguishedName, index) => ({ name: names[index] ?? '', distinguishedName })),
    total,
    nextSkip,
  }));
export type OrganizationalUnitPage = z.infer<typeof organizationalUnitPageSchema>;

export const ouSearchScopes = ['OneLevel', 'Subtree'] as const;
export type OuSearchScope = (typeof ouSearchScopes)[number];

/** A container right under a domain (Users, Computers, Builtin...). */
export const containerSchema = z.object({ name: z.string().nullable(), distinguishedName: z.string(), objectClass: z.string().nullable() });
export const containerListSchema = psArray(containerSchema);
export type Container = z.infer<typeof containerSchema>;

/** An access rule of a domain root's security descriptor, as ActiveDirectoryAccessRule tells it (GUIDs as text). */
export const accessRuleSchema = z.object({
  identity: z.string(),
  /** ActiveDirectoryRights flags, e.g. "ExtendedRight" or "ReadProperty, WriteProperty". */
  rights: z.string(),
  accessControlType: z.string(),
  objectType: z.string(),
  inheritedObjectType: z.string(),
  /** ActiveDirectorySecurityInheritance: None, All, Descendents, SelfAndChildren, Children. */
  inheritanceType: z.string(),
});
export type AccessRule = z.infer<typeof accessRuleSchema>;

/** The rules on each selected domain root of an AD connector that apply to its account (GetDirectoryPermissions). */
export const directoryPermissionsSchema = z.object({
  /** DOMAIN\account of the AD DS connector account; null when the connector does not name it. */
  account: z.string().nullable(),
  domains: psArray(z.object({ dn: z.string(), aces: psArray(accessRuleSchema) })),
});
export type DirectoryPermissions = z.infer<typeof directoryPermissionsSchema>;
