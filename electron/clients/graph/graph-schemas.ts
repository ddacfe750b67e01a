import { z } from 'zod';

/** Zod schemas of the Microsoft Graph v1.0 answers the app reads. Extra properties are allowed. */

export const graphErrorBodySchema = z.object({
  error: z.object({ code: z.string().optional(), message: z.string().optional() }),
});

export const meSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  userPrincipalName: z.string(),
});
export type GraphMe = z.infer<typeof meSchema>;

const page = <T extends z.ZodType>(item: T) =>
  z.object({
    value: z.array(item),
    '@odata.nextLink': z.string().optional(),
    '@odata.count': z.number().int().optional(),
  });

export const directoryRolePageSchema = page(
  z.object({ displayName: z.string().nullable(), roleTemplateId: z.string().nullable() }),
);

export const organizationPageSchema = page(
  z.object({
    id: z.string(),
    displayName: z.string().nullable(),
    onPremisesSyncEnabled: z.boolean().nullable().optional(),
    onPremisesLastSyncDateTime: z.string().nullable().optional(),
    verifiedDomains: z
      .array(z.object({ name: z.string(), isDefault: z.boolean().nullable().optional(), isInitial: z.boolean().nullable().optional() }))
      .optional(),
  }),
);

export const subscribedSkuPageSchema = page(
  z.object({
    skuId: z.string(),
    skuPartNumber: z.string(),
    capabilityStatus: z.string(),
    consumedUnits: z.number().int(),
    prepaidUnits: z.object({ enabled: z.number().int() }),
  }),
);

export const userSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  userPrincipalName: z.string(),
  usageLocation: z.string().nullable().optional(),
  onPremisesLastSyncDateTime: z.string().nullable().optional(),
  assignedLicenses: z.array(z.object({ skuId: z.string() })).optional(),
});
export const userPageSchema = page(userSchema);
