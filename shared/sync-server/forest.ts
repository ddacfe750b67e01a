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

export const organizationalUnitSchema = z.object({ name: z.string().nullable(), distinguishedName: z.string() });

export const organizationalUnitPageSchema = z.object({
  items: psArray(organizationalUnitSchema),
  total: z.number().int(),
  /** Where the next page starts; null on the last page. */
  nextSkip: z.number().int().nullable(),
});
export type OrganizationalUnitPage = z.infer<typeof organizationalUnitPageSchema>;

export const ouSearchScopes = ['OneLevel', 'Subtree'] as const;
export type OuSearchScope = (typeof ouSearchScopes)[number];
