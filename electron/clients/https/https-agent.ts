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

/** The first `code` along an error's cause chain (ECONNREFUSED, ENOTFOUND, UND_ERR_CONNECT_TIMEOUT, cert errors...). */
export function socketErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The socket error code, else the innermost cause's message ("fetch failed" says nothing). */
export function networkErrorText(error: unknown): string {
  const code = socketErrorCode(error);
  if (code !== undefined) return code;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth++) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
