import { z } from 'zod';

/*
 * What the five read-only native tasks show of this server's current state. Each fact is either read or
 * "not readable" with the reason, never guessed.
 */

export const readableSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('readable', [z.object({ readable: z.literal(true), value }), z.object({ readable: z.literal(false), reason: z.string() })]);

export const privacyStateSchema = z.object({
  /** ApplicationTelemetry under HKLM\SOFTWARE\Microsoft\Azure AD Connect: undocumented (real-server-tasks.md §1.1). */
  telemetry: readableSchema(z.string()),
});
export type PrivacyState = z.infer<typeof privacyStateSchema>;

export const deviceOptionsStateSchema = z.object({
  /** Microsoft.OptionalFeature.DeviceWriteBack and its container and forest (global settings). */
  deviceWriteback: readableSchema(z.object({ enabled: z.boolean(), container: z.string().nullable(), forest: z.string().nullable() })),
  /** Get-ADSyncAADCompanyFeature's DeviceWriteback (the tenant side). */
  tenantDeviceWriteback: readableSchema(z.boolean()),
  /** The hybrid join service connection point of each forest (in the forest's configuration partition). */
  serviceConnectionPoint: readableSchema(z.string()),
});
export type DeviceOptionsState = z.infer<typeof deviceOptionsStateSchema>;

export const refreshSchemaStateSchema = z.object({
  forests: z.array(
    z.object({
      connectorName: z.string(),
      /** When the connector (and with it its cached schema) last changed. */
      lastModificationTime: z.string().nullable(),
      partitions: z.array(z.object({ dn: z.string(), selected: z.boolean() })),
    }),
  ),
});
export type RefreshSchemaState = z.infer<typeof refreshSchemaStateSchema>;

/** A federated domain's federation settings (Graph internalDomainFederation); the certificate itself never leaves main. */
export const federationSettingsSchema = z.object({
  issuerUri: z.string().nullable(),
  passiveSignInUri: z.string().nullable(),
  /** `wsFed` or `saml`, as Graph says it. */
  preferredAuthenticationProtocol: z.string().nullable(),
  /** When the token-signing certificate expires (ISO-8601 UTC); null when Graph returned none or it cannot be parsed. */
  signingCertificateExpires: z.string().nullable(),
});
export type FederationSettings = z.infer<typeof federationSettingsSchema>;

/** One of the tenant's domains (Graph `domains`); `federation` only for federated ones. */
export const tenantDomainSchema = z.object({
  name: z.string(),
  /** `Managed` or `Federated`, as Graph says it. */
  authenticationType: z.string(),
  isVerified: z.boolean(),
  federation: readableSchema(federationSettingsSchema).nullable(),
});
export type TenantDomain = z.infer<typeof tenantDomainSchema>;

export const userSignInStateSchema = z.object({
  /** Microsoft.UserSignIn.SignOnMethod as stored (e.g. PasswordHashSync). */
  signOnMethod: readableSchema(z.string()),
  /** Microsoft.UserSignIn.DesktopSsoEnabled. */
  seamlessSso: readableSchema(z.boolean()),
  /** Password hash sync configured on any AD connector. */
  passwordHashSync: z.boolean(),
  /** Pass-through authentication agents (Graph beta). */
  passThroughAgents: readableSchema(z.array(z.string())),
  /** The tenant's domains and how each signs users in (Graph, when an administrator is signed in). */
  domains: readableSchema(z.array(tenantDomainSchema)),
});
export type UserSignInState = z.infer<typeof userSignInStateSchema>;

export const federationStateSchema = z.object({
  signOnMethod: readableSchema(z.string()),
  /** The tenant's domains, and the federated ones' federation settings (Graph domains/federationConfiguration). */
  domains: readableSchema(z.array(tenantDomainSchema)),
});
export type FederationState = z.infer<typeof federationStateSchema>;

const signOnMethodWords: Readonly<Record<string, string>> = {
  passwordhashsync: 'Password hash synchronization',
  passthroughauthentication: 'Pass-through authentication',
  federationwithadfs: 'Federation with AD FS',
  federationwithping: 'Federation with PingFederate',
  donotconfigure: 'Do not configure',
};

/** The sign-in method in the wizard's words; the stored value as it is when unknown. */
export function signOnMethodLabel(stored: string): string {
  return signOnMethodWords[stored.trim().toLowerCase()] ?? stored;
}
