import { LAB_TENANT_CUSTOM_DOMAIN, LAB_TENANT_DOMAIN } from '../constants';

/*
 * The lab tenant's domains (Graph v1.0 domain resource, resources/domain.md) and the federation settings of its
 * federated one (internalDomainFederation, resources/internaldomainfederation.md). Fixed: the app only reads them.
 */

export const LAB_FEDERATED_DOMAIN = 'fabrikam.com';

const domain = (id: string, authenticationType: 'Managed' | 'Federated', flags: { isDefault: boolean; isInitial: boolean; isVerified: boolean }) => ({
  authenticationType,
  availabilityStatus: null,
  id,
  isAdminManaged: true,
  isDefault: flags.isDefault,
  isInitial: flags.isInitial,
  isRoot: true,
  isVerified: flags.isVerified,
  passwordNotificationWindowInDays: null,
  passwordValidityPeriodInDays: null,
  supportedServices: flags.isInitial ? ['Email', 'OfficeCommunicationsOnline'] : ['Email'],
  state: null,
});

export const LAB_DOMAINS: readonly Record<string, unknown>[] = [
  domain(LAB_TENANT_DOMAIN, 'Managed', { isDefault: false, isInitial: true, isVerified: true }),
  domain(LAB_TENANT_CUSTOM_DOMAIN, 'Managed', { isDefault: true, isInitial: false, isVerified: true }),
  domain(LAB_FEDERATED_DOMAIN, 'Federated', { isDefault: false, isInitial: false, isVerified: true }),
];

/**
 * LAB ONLY: a self-signed certificate (no private key kept anywhere) standing in for an AD FS token-signing
 * certificate: CN=ADFS Signing - fs.fabrikam.com, valid until 2028-11-29 13:49:11 UTC.
 */
const LAB_SIGNING_CERTIFICATE =
  'MIIDMzCCAhugAwIBAgIUVTBW8MvN0wAG6mtkaooHsFcCip4wDQYJKoZIhvcNAQELBQAwKTEnMCUGA1UEAwweQURGUyBTaWduaW5nIC0gZnMuZmFicmlrYW0uY29tMB4XDTI2MTEzMDEzNDkxMVoXDTI4MTEyOTEzNDkxMVowKTEnMCUGA1UEAwweQURGUyBTaWduaW5nIC0gZnMuZmFicmlrYW0uY29tMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwS4O0EP8aMEuT1K1suPQRaPcxcT3vnfwtg3g/oPdhElzA+mWuNEPeQO+OTKC4MYEl7VucwwdddAX6un7hbzpUpnurPGwdG3hTt61E6gqFgoczxv+e5p4OVY/vgOkuw2J4yTrZc9RXYWPsgV0bDFrAFUlhA5yjif264e320fuVpgj4hQN0QnJ8G3sR6wJ7MOg6U4zHlI/v4Nk2OegZ+lQ2TdO6txwQXvNjrQ+OqoL1OpwPeM4sHN2Rbjr2ltw7vdq7YopgWQM+T7nORyUkya2rydk0SMxdRCYYHr83Nu78tHOQEgl4bQHpaB8USR2F3f6vf2rKXhE3QQmCMPSVWcn1wIDAQABo1MwUTAdBgNVHQ4EFgQUssJLO7spMTXO4gtlc1ioPBD/04gwHwYDVR0jBBgwFoAUssJLO7spMTXO4gtlc1ioPBD/04gwDwYDVR0TAQH/BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOCAQEANGrYi/kvACY69NwFb75m9Jv5Tbjd9rJQGepFnfkjYh6u8QgIl+pUhzZ5lU6Ohrp0gqnpelEt79uSgeBCSE8gVWfvKu3Wr00LeRh7xqor1mJP8S4LNDn3MnKbhGDHup7niJEEjQL8vSI6b9FsAszsiEV7JBFWabvKev5cw9p8gf65Kq6XuKbfK588pIyYFHz3GX+XvjB5X9I2p19mNoHWMeVqTtG4+cvY7P+OsfxNmiuuQKJd2zh6l30gZulMl/lpMy9M04nrtK6xygmBD44Jue3S929NY+hkWxPQRVYC9ggIrIxzdZnZ0at/apSY5ojVfgQ0wuYXYnDP3XSO7lGfxQ==';

export const DOMAIN_PROPERTIES = Object.keys(LAB_DOMAINS[0] ?? {});

/** federationConfiguration of each federated domain: a collection of exactly one (domain-list-federationconfiguration.md). */
export const LAB_FEDERATION_CONFIGURATIONS: Readonly<Record<string, readonly Record<string, unknown>[]>> = {
  [LAB_FEDERATED_DOMAIN]: [
    {
      id: '6601d14b-d113-8f64-fda2-9b5a5e1c0ab5',
      displayName: 'Fabrikam AD FS',
      issuerUri: 'http://fs.fabrikam.com/adfs/services/trust',
      metadataExchangeUri: 'https://fs.fabrikam.com/adfs/services/trust/mex',
      signingCertificate: LAB_SIGNING_CERTIFICATE,
      passiveSignInUri: 'https://fs.fabrikam.com/adfs/ls/',
      preferredAuthenticationProtocol: 'wsFed',
      activeSignInUri: 'https://fs.fabrikam.com/adfs/services/trust/2005/usernamemixed',
      signOutUri: 'https://fs.fabrikam.com/adfs/ls/?wa=wsignout1.0',
      promptLoginBehavior: 'nativeSupport',
      isSignedAuthenticationRequestRequired: false,
      nextSigningCertificate: null,
      federatedIdpMfaBehavior: 'acceptIfMfaDoneByFederatedIdp',
      signingCertificateUpdateStatus: { certificateUpdateResult: 'Success', lastRunDateTime: '2026-10-01T08:00:00Z' },
    },
  ],
};

export const FEDERATION_PROPERTIES = Object.keys(LAB_FEDERATION_CONFIGURATIONS[LAB_FEDERATED_DOMAIN]?.[0] ?? {});
