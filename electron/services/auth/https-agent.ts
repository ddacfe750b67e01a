import { Agent } from 'undici';

/**
 * The HTTP agent of the app's own MSAL network client and Graph client.
 * With a CA certificate (the lab tenant's), only this agent trusts it: nothing process-wide changes.
 * Without one, Node's default trust store applies.
 */
export function createHttpsAgent(caCertificatePem?: string): Agent {
  return new Agent({
    connect: caCertificatePem === undefined ? {} : { ca: caCertificatePem },
    connectTimeout: 15_000,
    headersTimeout: 60_000,
    bodyTimeout: 60_000,
  });
}
