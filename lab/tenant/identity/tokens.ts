import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { GRAPH_APP_ID, GRAPH_RESOURCE, LAB_TENANT_ID } from '../constants';
import type { LabAccount } from '../lab-accounts';
import type { GrantedScopes } from './scopes';
import type { SigningKey } from './signing-key';

export interface TokenSettings {
  issuer: string;
  accessTokenLifetimeSeconds: number;
  idTokenLifetimeSeconds: number;
}

export interface TokenGrant {
  account: LabAccount;
  clientId: string;
  granted: GrantedScopes;
  nonce?: string;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** client_info as Entra returns it: base64url JSON with the user's object id and tenant id. */
export function clientInfo(account: LabAccount): string {
  return Buffer.from(JSON.stringify({ uid: account.objectId, utid: LAB_TENANT_ID })).toString('base64url');
}

/** `sub` is pairwise in Entra (per user and app); the lab derives it the same stable way. */
function pairwiseSubject(account: LabAccount, clientId: string): string {
  return createHash('sha256').update(`${account.objectId}|${clientId}`).digest('base64url').slice(0, 43);
}

function accessTokenScopes(granted: GrantedScopes): string {
  const oidc = granted.openId ? ['openid', 'profile', 'email'] : [];
  return [...granted.graphScopes, ...oidc].join(' ');
}

export async function mintAccessToken(key: SigningKey, settings: TokenSettings, grant: TokenGrant, now: Date): Promise<string> {
  const iat = seconds(now);
  return new SignJWT({
    tid: LAB_TENANT_ID,
    oid: grant.account.objectId,
    sub: pairwiseSubject(grant.account, GRAPH_APP_ID),
    name: grant.account.displayName,
    given_name: grant.account.givenName,
    family_name: grant.account.surname,
    preferred_username: grant.account.userPrincipalName,
    upn: grant.account.userPrincipalName,
    unique_name: grant.account.userPrincipalName,
    scp: accessTokenScopes(grant.granted),
    wids: grant.account.roles.map((role) => role.roleTemplateId),
    azp: grant.clientId,
    appid: grant.clientId,
    amr: grant.account.mfaRequired ? ['pwd', 'mfa'] : ['pwd'],
    uti: randomBytes(16).toString('base64url'),
    ver: '2.0',
  })
    .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: key.kid })
    .setIssuer(settings.issuer)
    .setAudience(GRAPH_APP_ID)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + settings.accessTokenLifetimeSeconds)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

export async function mintIdToken(key: SigningKey, settings: TokenSettings, grant: TokenGrant, now: Date): Promise<string> {
  const iat = seconds(now);
  return new SignJWT({
    tid: LAB_TENANT_ID,
    oid: grant.account.objectId,
    sub: pairwiseSubject(grant.account, grant.clientId),
    name: grant.account.displayName,
    preferred_username: grant.account.userPrincipalName,
    email: grant.account.userPrincipalName,
    ver: '2.0',
    ...(grant.nonce === undefined ? {} : { nonce: grant.nonce }),
  })
    .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: key.kid })
    .setIssuer(settings.issuer)
    .setAudience(grant.clientId)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + settings.idTokenLifetimeSeconds)
    .sign(key.privateKey);
}

export interface VerifiedAccessToken {
  objectId: string;
  scopes: string[];
  roleTemplateIds: string[];
}

export type AccessTokenCheck =
  | { ok: true; token: VerifiedAccessToken }
  /** The message Graph puts in its `InvalidAuthenticationToken` error. */
  | { ok: false; message: string };

/** Validates a Graph bearer token as Graph does: signature, issuer, audience, lifetime. */
export async function verifyAccessToken(token: string, key: SigningKey, issuer: string, now: Date): Promise<AccessTokenCheck> {
  if (token.length === 0) return { ok: false, message: 'Access token is empty.' };
  if (token.split('.').length !== 3) return { ok: false, message: 'IDX14100: JWT is not well formed, there are no dots (.).' };
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key.publicKey, {
      algorithms: ['RS256'],
      issuer,
      audience: [GRAPH_APP_ID, GRAPH_RESOURCE],
      currentDate: now,
      clockTolerance: 0,
    }));
  } catch (error) {
    return { ok: false, message: describeVerificationFailure(error) };
  }
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ').filter((scope) => scope.length > 0) : [];
  const roleTemplateIds = Array.isArray(payload.wids) ? payload.wids.filter((id): id is string => typeof id === 'string') : [];
  if (typeof payload.oid !== 'string') return { ok: false, message: 'Access token validation failure.' };
  return { ok: true, token: { objectId: payload.oid, scopes, roleTemplateIds } };
}

function describeVerificationFailure(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'Lifetime validation failed, the token is expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'Access token validation failure. Invalid audience.';
    if (error.claim === 'iss') return 'Access token validation failure. Invalid issuer.';
    if (error.claim === 'nbf') return 'Lifetime validation failed, the token is not yet valid.';
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'Access token validation failure. Invalid signature.';
  return 'Access token validation failure.';
}
