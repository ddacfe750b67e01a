import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-file';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Key id, Entra-style: the base64url SHA-1 thumbprint (also used as `x5t`). */
  kid: string;
}

/** The token-signing key, kept in the lab folder so tokens stay verifiable across restarts. */
export async function loadOrCreateSigningKey(labFolder: string): Promise<SigningKey> {
  const file = path.join(labFolder, 'lab-tenant-signing.key.pem');
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    await writeFileAtomic(file, pem, 0o600);
  }
  const privateKey = createPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ format: 'der', type: 'spki' });
  const kid = createHash('sha1').update(der).digest('base64url');
  return { privateKey, publicKey, kid };
}

/** The JWKS document (`/discovery/v2.0/keys`). */
export function jwksDocument(key: SigningKey, issuer: string): { keys: Record<string, unknown>[] } {
  const jwk = key.publicKey.export({ format: 'jwk' });
  return { keys: [{ kty: jwk.kty, use: 'sig', kid: key.kid, x5t: key.kid, n: jwk.n, e: jwk.e, issuer }] };
}
