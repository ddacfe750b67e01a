import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import { writeFileAtomic } from './atomic-file';

export interface LabCertificates {
  caCertificatePath: string;
  caCertificatePem: string;
  serverCertificatePem: string;
  serverKeyPem: string;
}

const CA_VALIDITY_YEARS = 10;
/** Browsers refuse leaf certificates valid longer than 398 days; stay under it. */
const SERVER_VALIDITY_DAYS = 397;
/** Renew the server certificate this long before it expires. */
const RENEW_BEFORE_MS = 14 * 24 * 60 * 60 * 1000;

const files = (folder: string) => ({
  caCert: path.join(folder, 'lab-tenant-ca.pem'),
  caKey: path.join(folder, 'lab-tenant-ca.key.pem'),
  serverCert: path.join(folder, 'lab-tenant-server.pem'),
  serverKey: path.join(folder, 'lab-tenant-server.key.pem'),
});

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** RSA keys come from Node's native generator; node-forge's JavaScript one takes seconds. */
function newRsaKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; privateKeyPem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(privateKeyPem);
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), privateKeyPem };
}

function serialNumber(): string {
  // A positive serial: clear the top bit.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

function createCa(now: Date): { certPem: string; keyPem: string } {
  const keys = newRsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime());
  cert.validity.notAfter.setFullYear(now.getFullYear() + CA_VALIDITY_YEARS);
  const subject = [
    { name: 'commonName', value: 'Contoso Lab Tenant Root CA (lab only)' },
    { name: 'organizationName', value: 'Azure AD Connect Wizard lab' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privateKeyPem };
}

function createServerCertificate(caCertPem: string, caKeyPem: string, now: Date): { certPem: string; keyPem: string } {
  const caCert = forge.pki.certificateFromPem(caCertPem);
  const caKey = forge.pki.privateKeyFromPem(caKeyPem);
  const keys = newRsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + SERVER_VALIDITY_DAYS * 24 * 60 * 60 * 1000);
  cert.setSubject([{ name: 'commonName', value: '127.0.0.1' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
      ],
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privateKeyPem };
}

function isUsable(certPem: string, caCertPem: string, now: Date): boolean {
  try {
    const cert = new X509Certificate(certPem);
    const ca = new X509Certificate(caCertPem);
    return cert.checkIssued(ca) && new Date(cert.validTo).getTime() - RENEW_BEFORE_MS > now.getTime();
  } catch {
    return false;
  }
}

/**
 * The lab CA and the 127.0.0.1/localhost server certificate, created in the lab folder on first use
 * and reused afterwards (the server certificate is renewed near its expiry). Only clients that are
 * handed the CA certificate trust it; nothing process- or machine-wide changes.
 */
export async function ensureLabCertificates(labFolder: string, now: Date): Promise<LabCertificates> {
  const paths = files(labFolder);
  await mkdir(labFolder, { recursive: true });
  let caCertPem = await readIfPresent(paths.caCert);
  let caKeyPem = await readIfPresent(paths.caKey);
  if (caCertPem === null || caKeyPem === null) {
    const ca = createCa(now);
    caCertPem = ca.certPem;
    caKeyPem = ca.keyPem;
    await writeFileAtomic(paths.caKey, caKeyPem, 0o600);
    await writeFileAtomic(paths.caCert, caCertPem);
  }
  let serverCertPem = await readIfPresent(paths.serverCert);
  let serverKeyPem = await readIfPresent(paths.serverKey);
  if (serverCertPem === null || serverKeyPem === null || !isUsable(serverCertPem, caCertPem, now)) {
    const server = createServerCertificate(caCertPem, caKeyPem, now);
    serverCertPem = server.certPem;
    serverKeyPem = server.keyPem;
    await writeFileAtomic(paths.serverKey, serverKeyPem, 0o600);
    await writeFileAtomic(paths.serverCert, serverCertPem);
  }
  return { caCertificatePath: paths.caCert, caCertificatePem: caCertPem, serverCertificatePem: serverCertPem, serverKeyPem };
}
