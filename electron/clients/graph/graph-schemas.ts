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

/** GET /domains (resources/domain.md). */
export const domainPageSchema = page(
  z.object({ id: z.string(), authenticationType: z.string(), isVerified: z.boolean().nullable().optional() }),
);

/** GET /domains/{id}/federationConfiguration: one internalDomainFederation, or none for a managed domain. */
export const federationConfigurationPageSchema = page(
  z.object({
    issuerUri: z.string().nullable().optional(),
    passiveSignInUri: z.string().nullable().optional(),
    preferredAuthenticationProtocol: z.string().nullable().optional(),
    /** Base64 DER of the token-signing certificate: read for its expiry only, never logged or shown. */
    signingCertificate: z.string().nullable().optional(),
  }),
);

export const subscribedSkuPageSchema = page(
  z.object({
    skuId: z.string(),
    skuPartNumber: z.string(),
    capabilityStatus: z.string(),
    consumedUnits: z.number().int(),
    prepaidUnits: z.object({ enabled: z.number().int() }),
    servicePlans: z
      .array(z.object({ servicePlanId: z.string(), servicePlanName: z.string(), appliesTo: z.string().nullable().optional() }))
      .optional(),
  }),
);

const assignedLicenseSchema = z.object({ skuId: z.string(), disabledPlans: z.array(z.string()).nullable().optional() });

/**
 * `licenseAssignmentState` (licensing-at-scale §2.1). Read tolerantly: `error` may be null, "None", or a
 * value the app does not know; `state` likewise.
 */
export const licenseAssignmentStateSchema = z.object({
  skuId: z.string().nullable().optional(),
  assignedByGroup: z.string().nullable().optional(),
  state: z.string().nullable().optional(),
  error: z.string().nullable().optional(),
  disabledPlans: z.array(z.string()).nullable().optional(),
});

export const userSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  userPrincipalName: z.string(),
  usageLocation: z.string().nullable().optional(),
  onPremisesLastSyncDateTime: z.string().nullable().optional(),
  assignedLicenses: z.array(assignedLicenseSchema).optional(),
  licenseAssignmentStates: z.array(licenseAssignmentStateSchema).nullable().optional(),
});
export const userPageSchema = page(userSchema);

export const groupSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  description: z.string().nullable().optional(),
  groupTypes: z.array(z.string()).nullable().optional(),
  securityEnabled: z.boolean().nullable().optional(),
  onPremisesSyncEnabled: z.boolean().nullable().optional(),
  assignedLicenses: z.array(assignedLicenseSchema).nullable().optional(),
  /** An object with `state` on the wire (v1.0 schema); the docs' table calls it a string, so both are read. */
  licenseProcessingState: z.union([z.object({ state: z.string().nullable() }), z.string()]).nullable().optional(),
});
export const groupPageSchema = page(groupSchema);

/** A directory object of a collection such as `membersWithLicenseErrors`: users carry their UPN. */
export const memberPageSchema = page(
  z.object({ '@odata.type': z.string().optional(), id: z.string(), displayName: z.string().nullable().optional(), userPrincipalName: z.string().nullable().optional() }),
);

/** `POST /$batch`'s answer: each request's own status, headers and body (json-batching.md). */
export const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).nullable().optional(),
      body: z.unknown().optional(),
    }),
  ),
});
