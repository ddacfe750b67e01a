import { X509Certificate } from 'node:crypto';
import type { z } from 'zod';
import type { FederationSettings } from '../../../shared/native-tasks/state';
import type { federationConfigurationPageSchema } from './graph-schemas';

type FederationConfiguration = z.output<typeof federationConfigurationPageSchema>['value'][number];

/** The certificate's expiry as ISO-8601 UTC; null when there is none or it is not a certificate. */
function certificateExpiry(base64: string | null | undefined): string | null {
  if (base64 === null || base64 === undefined || base64.trim() === '') return null;
  try {
    return new Date(new X509Certificate(Buffer.from(base64, 'base64')).validTo).toISOString();
  } catch {
    // A value Graph returned that is not a DER certificate: its expiry is unknown, the rest still shows.
    return null;
  }
}

/** What the app keeps of a domain's federation configuration: the certificate's expiry, never its body. */
export function federationSettingsFrom(configuration: FederationConfiguration): FederationSettings {
  return {
    issuerUri: configuration.issuerUri ?? null,
    passiveSignInUri: configuration.passiveSignInUri ?? null,
    preferredAuthenticationProtocol: configuration.preferredAuthenticationProtocol ?? null,
    signingCertificateExpires: certificateExpiry(configuration.signingCertificate),
  };
}
