import { randomBytes } from 'node:crypto';
import type { LabAccount } from '../lab-accounts';
import type { EntraError } from './entra-errors';
import type { GrantedScopes } from './scopes';

export type ResponseMode = 'form_post' | 'query' | 'fragment';

/** A validated /authorize request, kept while the user is on the sign-in pages. */
export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  responseMode: ResponseMode;
  state: string | null;
  nonce: string | undefined;
  codeChallenge: string;
  granted: GrantedScopes;
  clientInfoRequested: boolean;
  loginHint: string;
}

export type SignInFlow =
  | { id: string; kind: 'authorize'; request: AuthorizeRequest; expiresAt: number; mfaAccount?: LabAccount }
  | { id: string; kind: 'device'; deviceCode: string; expiresAt: number; mfaAccount?: LabAccount };

export interface AuthorizationCode {
  request: AuthorizeRequest;
  account: LabAccount;
  expiresAt: number;
  redeemed: boolean;
}

export interface RefreshTokenRecord {
  account: LabAccount;
  clientId: string;
  expiresAt: number;
}

export type DeviceCodeStatus =
  | { kind: 'pending' }
  | { kind: 'approved'; account: LabAccount }
  | { kind: 'failed'; error: EntraError }
  | { kind: 'redeemed' };

export interface DeviceCodeRecord {
  deviceCode: string;
  userCode: string;
  clientId: string;
  granted: GrantedScopes;
  expiresAt: number;
  status: DeviceCodeStatus;
}

export interface GrantLifetimes {
  authorizationCodeSeconds: number;
  refreshTokenSeconds: number;
  signInFlowSeconds: number;
  deviceCodeSeconds: number;
}

const USER_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newUserCode(): string {
  const bytes = randomBytes(9);
  return Array.from(bytes, (byte) => USER_CODE_ALPHABET[byte % USER_CODE_ALPHABET.length]).join('');
}

const opaque = (bytes: number) => randomBytes(bytes).toString('base64url');

/** The sign-in state Entra keeps between requests: flows, codes, refresh tokens, device codes (in memory). */
export class GrantStore {
  private readonly flows = new Map<string, SignInFlow>();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  private readonly deviceCodes = new Map<string, DeviceCodeRecord>();

  constructor(
    private readonly lifetimes: GrantLifetimes,
    private readonly now: () => Date,
  ) {}

  private expiry(seconds: number): number {
    return this.now().getTime() + seconds * 1000;
  }

  private isExpired(expiresAt: number): boolean {
    return this.now().getTime() >= expiresAt;
  }

  startAuthorizeFlow(request: AuthorizeRequest): SignInFlow {
    const flow: SignInFlow = { id: opaque(18), kind: 'authorize', request, expiresAt: this.expiry(this.lifetimes.signInFlowSeconds) };
    this.flows.set(flow.id, flow);
    return flow;
  }

  startDeviceFlow(deviceCode: string): SignInFlow {
    const flow: SignInFlow = { id: opaque(18), kind: 'device', deviceCode, expiresAt: this.expiry(this.lifetimes.signInFlowSeconds) };
    this.flows.set(flow.id, flow);
    return flow;
  }

  findFlow(id: string): SignInFlow | undefined {
    const flow = this.flows.get(id);
    if (flow === undefined || this.isExpired(flow.expiresAt)) return undefined;
    return flow;
  }

  endFlow(id: string): void {
    this.flows.delete(id);
  }

  issueCode(request: AuthorizeRequest, account: LabAccount): string {
    const code = `1.${opaque(48)}`;
    this.codes.set(code, { request, account, expiresAt: this.expiry(this.lifetimes.authorizationCodeSeconds), redeemed: false });
    return code;
  }

  /** Looks up a code; the caller marks it redeemed only once every check has passed. */
  findCode(code: string): (AuthorizationCode & { expired: boolean }) | undefined {
    const record = this.codes.get(code);
    return record === undefined ? undefined : { ...record, expired: this.isExpired(record.expiresAt) };
  }

  redeemCode(code: string): void {
    const record = this.codes.get(code);
    if (record !== undefined) record.redeemed = true;
  }

  issueRefreshToken(account: LabAccount, clientId: string): string {
    const token = `1.${opaque(96)}`;
    this.refreshTokens.set(token, { account, clientId, expiresAt: this.expiry(this.lifetimes.refreshTokenSeconds) });
    return token;
  }

  /** Refresh tokens rotate: using one retires it. */
  takeRefreshToken(token: string): (RefreshTokenRecord & { expired: boolean }) | undefined {
    const record = this.refreshTokens.get(token);
    if (record === undefined) return undefined;
    this.refreshTokens.delete(token);
    return { ...record, expired: this.isExpired(record.expiresAt) };
  }

  createDeviceCode(clientId: string, granted: GrantedScopes): DeviceCodeRecord {
    let userCode = newUserCode();
    while ([...this.deviceCodes.values()].some((record) => record.userCode === userCode)) userCode = newUserCode();
    const record: DeviceCodeRecord = {
      deviceCode: `DAQABAAEAAA${opaque(96)}`,
      userCode,
      clientId,
      granted,
      expiresAt: this.expiry(this.lifetimes.deviceCodeSeconds),
      status: { kind: 'pending' },
    };
    this.deviceCodes.set(record.deviceCode, record);
    return record;
  }

  findDeviceCode(deviceCode: string): (DeviceCodeRecord & { expired: boolean }) | undefined {
    const record = this.deviceCodes.get(deviceCode);
    return record === undefined ? undefined : { ...record, expired: this.isExpired(record.expiresAt) };
  }

  findDeviceCodeByUserCode(userCode: string): (DeviceCodeRecord & { expired: boolean }) | undefined {
    const wanted = userCode.trim().toUpperCase();
    const record = [...this.deviceCodes.values()].find((candidate) => candidate.userCode === wanted);
    return record === undefined ? undefined : { ...record, expired: this.isExpired(record.expiresAt) };
  }

  setDeviceCodeStatus(deviceCode: string, status: DeviceCodeStatus): void {
    const record = this.deviceCodes.get(deviceCode);
    if (record !== undefined) record.status = status;
  }
}
