import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import type { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabTenant, type LabTenant } from '../../../lab/index';
import {
  APP_SCOPES,
  authorizeUrl,
  decodeJwtPayload,
  labAgent,
  parseForm,
  pkcePair,
  postForm,
  redeemCode,
  REDIRECT_URI,
  request,
  runAuthorize,
  signIn,
  submitCredentials,
  LAB_PASSWORD,
  type TokenSet,
} from './lab-client';

let labFolder = '';
let lab: LabTenant;
let agent: Agent;
/** The lab's clock runs `skewMs` ahead of real time, so tests can let codes expire. */
let skewMs = 0;

beforeAll(async () => {
  labFolder = await mkdtemp(join(tmpdir(), 'lab-tenant-identity-'));
  lab = await startLabTenant({
    labFolder,
    port: 0,
    now: () => new Date(Date.now() + skewMs),
    deviceCodePollIntervalSeconds: 1,
    deviceCodeLifetimeSeconds: 120,
  });
  agent = labAgent(lab);
});

afterAll(async () => {
  await agent?.close();
  await lab?.close();
  await rm(labFolder, { recursive: true, force: true });
});

const tokenUrl = () => `${lab.authority}/oauth2/v2.0/token`;

async function startSignInPage(extra: Record<string, string> = {}): Promise<string> {
  const { challenge } = pkcePair();
  const page = await request(
    agent,
    authorizeUrl(lab, {
      client_id: lab.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      response_mode: 'form_post',
      scope: APP_SCOPES,
      state: 'state-123',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    }),
  );
  expect(page.status).toBe(200);
  return page.text;
}

describe('lab tenant: certificates and metadata', () => {
  it('serves HTTPS with a certificate only the lab CA vouches for, and reuses it on the next start', async () => {
    const caStat = await stat(lab.caCertificatePath);
    expect(lab.caCertificatePem).toContain('BEGIN CERTIFICATE');
    // A client without the lab CA refuses the connection.
    const { fetch } = await import('undici');
    await expect(fetch(`${lab.authority}/v2.0/.well-known/openid-configuration`)).rejects.toThrow();
    // A second tenant on the same lab folder keeps the CA.
    const second = await startLabTenant({ labFolder, port: 0 });
    try {
      expect(second.caCertificatePem).toBe(lab.caCertificatePem);
      expect((await stat(second.caCertificatePath)).mtimeMs).toBe(caStat.mtimeMs);
      expect(second.port).not.toBe(lab.port);
    } finally {
      await second.close();
    }
  });

  it('publishes an Entra-shaped OpenID configuration for the tenant id and the domain name', async () => {
    for (const tenant of [lab.tenantId, 'contoso.onmicrosoft.com']) {
      const response = await request(agent, `${lab.baseUrl}/${tenant}/v2.0/.well-known/openid-configuration`);
      expect(response.status).toBe(200);
      expect(response.json()).toMatchObject({
        issuer: `${lab.baseUrl}/${lab.tenantId}/v2.0`,
        authorization_endpoint: `${lab.pagesBaseUrl}/${lab.tenantId}/oauth2/v2.0/authorize`,
        token_endpoint: `${lab.authority}/oauth2/v2.0/token`,
        device_authorization_endpoint: `${lab.authority}/oauth2/v2.0/devicecode`,
        jwks_uri: `${lab.authority}/discovery/v2.0/keys`,
        response_modes_supported: expect.arrayContaining(['form_post']),
      });
    }
  });

  it('serves the pages a browser opens over plain HTTP on loopback, and nothing else there', async () => {
    const metadata = (await request(agent, `${lab.authority}/v2.0/.well-known/openid-configuration`)).json() as Record<string, string>;
    expect(lab.pagesBaseUrl).toBe(`http://127.0.0.1:${lab.pagesPort}`);
    expect(metadata.end_session_endpoint).toBe(`${lab.pagesBaseUrl}/${lab.tenantId}/oauth2/v2.0/logout`);
    for (const endpoint of ['token_endpoint', 'jwks_uri', 'device_authorization_endpoint', 'issuer']) {
      expect(new URL(metadata[endpoint] ?? '').origin, endpoint).toBe(lab.baseUrl);
    }
    // The code a sign-in issued is refused over plain HTTP, and still redeems over HTTPS.
    const { fields, verifier } = await runAuthorize(agent, lab, 'hybridadmin@contoso.onmicrosoft.com', APP_SCOPES);
    const redeem = { client_id: lab.clientId, grant_type: 'authorization_code', code: fields.code ?? '', code_verifier: verifier, redirect_uri: REDIRECT_URI, scope: APP_SCOPES };
    const plain = await postForm(agent, `${lab.pagesBaseUrl}/${lab.tenantId}/oauth2/v2.0/token`, redeem);
    expect(plain.status).toBe(403);
    expect(plain.text).not.toContain('access_token');
    expect((await postForm(agent, tokenUrl(), redeem)).status).toBe(200);
    for (const path of [`/${lab.tenantId}/v2.0/.well-known/openid-configuration`, `/${lab.tenantId}/discovery/v2.0/keys`, '/v1.0/me']) {
      expect((await request(agent, `${lab.pagesBaseUrl}${path}`)).status, path).toBe(403);
    }
    // Each page has one home: the HTTPS listener does not serve the sign-in page.
    expect((await request(agent, authorizeUrl(lab, { client_id: lab.clientId }).replace(lab.pagesBaseUrl, lab.baseUrl))).status).toBe(404);
  });

  it('answers plain HTTP only when it is addressed to 127.0.0.1 (no DNS rebinding)', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const call = httpGet({ host: '127.0.0.1', port: lab.pagesPort, path: '/devicelogin', headers: { Host: `lab.attacker.example:${lab.pagesPort}` } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      call.on('error', reject);
    });
    expect(status).toBe(421);
    expect((await request(agent, `${lab.pagesBaseUrl}/devicelogin`)).status).toBe(200);
  });

  it('refuses an unknown tenant with AADSTS90002', async () => {
    const response = await request(agent, `${lab.baseUrl}/fabrikam.onmicrosoft.com/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
  });

  it('refuses an unknown client id with AADSTS700016 in Entra\'s JSON error shape and on the sign-in page', async () => {
    const unknown = '11111111-2222-3333-4444-555555555555';
    const response = await postForm(agent, `${lab.authority}/oauth2/v2.0/devicecode`, { client_id: unknown, scope: 'openid' });
    expect(response.status).toBe(400);
    const body = response.json() as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
    expect(body.error_description).toMatch(new RegExp(`^AADSTS700016: Application with identifier '${unknown}' was not found in the directory 'Contoso'`));
    expect(body.error_description).toContain('Trace ID: ');
    expect(typeof body.timestamp).toBe('string');
    expect(typeof body.trace_id).toBe('string');
    expect(typeof body.correlation_id).toBe('string');

    const page = await request(agent, authorizeUrl(lab, { client_id: unknown, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid' }));
    expect(page.status).toBe(400);
    expect(page.text).toContain('AADSTS700016');
  });

  it('refuses a redirect URI that is not loopback http://localhost (AADSTS50011), without redirecting', async () => {
    const page = await request(agent, authorizeUrl(lab, { client_id: lab.clientId, redirect_uri: 'https://evil.example/callback', response_type: 'code', scope: 'openid' }));
    expect(page.status).toBe(400);
    expect(page.text).toContain('AADSTS50011');
    expect(page.headers.get('location')).toBeNull();
  });
});

describe('lab tenant: authorization code with PKCE', () => {
  it('issues RS256 tokens signed with the published key, with the claims MSAL and Graph rely on', async () => {
    const { fields, verifier } = await runAuthorize(agent, lab, 'hybridadmin@contoso.onmicrosoft.com', APP_SCOPES, { nonce: 'nonce-42' });
    expect(fields.state).toBe('state-123');
    const clientInfo = JSON.parse(Buffer.from(fields.client_info ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(clientInfo).toMatchObject({ utid: lab.tenantId });

    const response = await redeemCode(agent, lab, fields.code ?? '', verifier, APP_SCOPES);
    expect(response.status).toBe(200);
    const tokens = response.json() as TokenSet;
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(tokens.scope).toContain('https://graph.microsoft.com/User.Read');

    const jwks = (await request(agent, `${lab.authority}/discovery/v2.0/keys`)).json() as JSONWebKeySet;
    const keySet = createLocalJWKSet(jwks);
    const issuer = `${lab.baseUrl}/${lab.tenantId}/v2.0`;
    const access = await jwtVerify(tokens.access_token, keySet, { issuer, audience: '00000003-0000-0000-c000-000000000000' });
    expect(access.protectedHeader.alg).toBe('RS256');
    expect(access.payload).toMatchObject({
      tid: lab.tenantId,
      oid: clientInfo.uid,
      preferred_username: 'hybridadmin@contoso.onmicrosoft.com',
      name: 'Hybrid Admin',
      ver: '2.0',
    });
    expect(String(access.payload.scp).split(' ')).toEqual(
      expect.arrayContaining(['User.Read', 'User.Read.All', 'Organization.Read.All', 'LicenseAssignment.ReadWrite.All', 'User.ReadWrite.All']),
    );
    const id = await jwtVerify(tokens.id_token, keySet, { issuer, audience: lab.clientId });
    expect(id.payload).toMatchObject({ nonce: 'nonce-42', tid: lab.tenantId, oid: clientInfo.uid, preferred_username: 'hybridadmin@contoso.onmicrosoft.com' });
  });

  it('refuses a wrong code verifier (AADSTS501481) and a code used twice (AADSTS54005)', async () => {
    const { fields, verifier } = await runAuthorize(agent, lab, 'globaladmin@contoso.onmicrosoft.com', APP_SCOPES);
    const wrong = await redeemCode(agent, lab, fields.code ?? '', `${verifier}x`, APP_SCOPES);
    expect(wrong.status).toBe(400);
    expect(wrong.json()).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });

    expect((await redeemCode(agent, lab, fields.code ?? '', verifier, APP_SCOPES)).status).toBe(200);
    const again = await redeemCode(agent, lab, fields.code ?? '', verifier, APP_SCOPES);
    expect(again.json()).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
  });

  it('lets codes expire after ten minutes (AADSTS70008)', async () => {
    const { fields, verifier } = await runAuthorize(agent, lab, 'globaladmin@contoso.onmicrosoft.com', APP_SCOPES);
    skewMs += 11 * 60 * 1000;
    const late = await redeemCode(agent, lab, fields.code ?? '', verifier, APP_SCOPES);
    expect(late.json()).toMatchObject({ error: 'invalid_grant', error_codes: [70008] });
  });

  it('rotates refresh tokens: a refresh token works once', async () => {
    const tokens = await signIn(agent, lab, 'globaladmin@contoso.onmicrosoft.com');
    const refresh = () =>
      postForm(agent, tokenUrl(), { client_id: lab.clientId, grant_type: 'refresh_token', refresh_token: tokens.refresh_token, scope: APP_SCOPES });
    const first = await refresh();
    expect(first.status).toBe(200);
    const renewed = first.json() as TokenSet;
    expect(renewed.refresh_token).not.toBe(tokens.refresh_token);
    expect(decodeJwtPayload(renewed.access_token).preferred_username).toBe('globaladmin@contoso.onmicrosoft.com');
    const reused = await refresh();
    expect(reused.status).toBe(400);
    expect(reused.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a scope the administrator did not consent to (AADSTS65001)', async () => {
    const tokens = await signIn(agent, lab, 'globaladmin@contoso.onmicrosoft.com');
    const response = await postForm(agent, tokenUrl(), {
      client_id: lab.clientId,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      scope: 'https://graph.microsoft.com/Mail.Send offline_access',
    });
    expect(response.json()).toMatchObject({ error: 'invalid_grant', error_codes: [65001] });
  });
});

describe('lab tenant: sign-in page outcomes', () => {
  it('asks the MFA account for its code, refuses a wrong one, accepts 123456', async () => {
    const afterPassword = await submitCredentials(agent, lab, await startSignInPage(), 'mfaadmin@contoso.onmicrosoft.com', LAB_PASSWORD);
    expect(afterPassword.text).toContain('<label for="code">Code</label>');
    expect(afterPassword.text).toContain('>Verify</button>');
    const form = parseForm(afterPassword.text);
    const wrong = await postForm(agent, new URL(form.action, lab.pagesBaseUrl).toString(), { ...form.fields, code: '000000', action: 'verify' });
    expect(wrong.text).toContain('AADSTS500121');
    const right = await postForm(agent, new URL(form.action, lab.pagesBaseUrl).toString(), { ...form.fields, code: '123456', action: 'verify' });
    const post = parseForm(right.text);
    expect(post).toMatchObject({ action: REDIRECT_URI, autoSubmit: true });
    expect(post.fields.code).toBeTruthy();
  });

  it('keeps the user on the page for a wrong password (AADSTS50126) and an unknown account (AADSTS50034)', async () => {
    const page = await startSignInPage();
    const wrongPassword = await submitCredentials(agent, lab, page, 'hybridadmin@contoso.onmicrosoft.com', 'nope');
    expect(wrongPassword.text).toContain('Your account or password is incorrect.');
    expect(wrongPassword.text).toContain('AADSTS50126');
    expect(wrongPassword.text).toContain('>Sign in</button>');
    const unknown = await submitCredentials(agent, lab, wrongPassword.text, 'nobody@contoso.onmicrosoft.com', LAB_PASSWORD);
    expect(unknown.text).toContain('AADSTS50034');
    // The same flow still signs in after the mistakes.
    const ok = await submitCredentials(agent, lab, unknown.text, 'user@contoso.onmicrosoft.com', LAB_PASSWORD);
    expect(parseForm(ok.text).fields.code).toBeTruthy();
  });

  it('shows the expired password and then reports AADSTS50055 to the app', async () => {
    const response = await submitCredentials(agent, lab, await startSignInPage(), 'expired@contoso.onmicrosoft.com', LAB_PASSWORD);
    expect(response.text).toContain('Your password has expired.');
    const post = parseForm(response.text);
    expect(post).toMatchObject({ action: REDIRECT_URI, autoSubmit: false, fields: { error: 'invalid_grant', state: 'state-123' } });
    expect(post.fields.error_description).toMatch(/^AADSTS50055: The password is expired\./);
    expect(post.fields.code).toBeUndefined();
  });

  it('sends personal accounts back with AADSTS50020 and other tenants\' accounts with AADSTS90072', async () => {
    const personal = parseForm((await submitCredentials(agent, lab, await startSignInPage(), 'someone@outlook.com', 'whatever')).text);
    expect(personal).toMatchObject({ action: REDIRECT_URI, autoSubmit: true, fields: { error: 'access_denied' } });
    expect(personal.fields.error_description).toMatch(/^AADSTS50020: User account 'someone@outlook.com' from identity provider 'live.com'/);

    const fabrikam = parseForm((await submitCredentials(agent, lab, await startSignInPage(), 'admin@fabrikam.onmicrosoft.com', LAB_PASSWORD)).text);
    expect(fabrikam.fields.error).toBe('access_denied');
    expect(fabrikam.fields.error_description).toMatch(/^AADSTS90072: User account 'admin@fabrikam.onmicrosoft.com' from identity provider 'https:\/\/sts.windows.net\//);
  });

  it('reports Cancel as access_denied with error_subcode=cancel', async () => {
    const form = parseForm(await startSignInPage());
    const response = await postForm(agent, new URL(form.action, lab.pagesBaseUrl).toString(), { ...form.fields, action: 'cancel' });
    expect(parseForm(response.text)).toMatchObject({ action: REDIRECT_URI, fields: { error: 'access_denied', error_subcode: 'cancel', state: 'state-123' } });
  });

  it('serves the auto-submit script from its own origin, allowed by the page CSP', async () => {
    const page = await submitCredentials(agent, lab, await startSignInPage(), 'user@contoso.onmicrosoft.com', LAB_PASSWORD);
    expect(page.text).toContain('<script src="/static/form-post.js" defer></script>');
    expect(page.text).not.toMatch(/<script>/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain('form-action');
    const script = await request(agent, `${lab.pagesBaseUrl}/static/form-post.js`);
    expect(script.text).toContain('submit()');
  });
});

describe('lab tenant: device code', () => {
  async function startDeviceCode(): Promise<{ user_code: string; device_code: string; verification_uri: string; interval: number; message: string }> {
    const response = await postForm(agent, `${lab.authority}/oauth2/v2.0/devicecode`, { client_id: lab.clientId, scope: APP_SCOPES });
    expect(response.status).toBe(200);
    return response.json() as { user_code: string; device_code: string; verification_uri: string; interval: number; message: string };
  }
  const poll = (deviceCode: string) =>
    postForm(agent, tokenUrl(), { client_id: lab.clientId, grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: deviceCode });

  async function enterUserCode(userCode: string, verificationUri: string): Promise<string> {
    const codePage = await request(agent, verificationUri);
    expect(codePage.text).toContain('<label for="code">Code</label>');
    const response = await postForm(agent, verificationUri, { code: userCode.toLowerCase() });
    return response.text;
  }

  it('answers authorization_pending until the user signs in on the verification page, then tokens once', async () => {
    const started = await startDeviceCode();
    expect(started.verification_uri).toBe(`${lab.pagesBaseUrl}/devicelogin`);
    expect(started.message).toContain(started.user_code);
    expect(started.interval).toBe(1);
    const pending = await poll(started.device_code);
    expect(pending.status).toBe(400);
    expect(pending.json()).toMatchObject({ error: 'authorization_pending', error_codes: [70016] });

    const signInPage = await enterUserCode(started.user_code, started.verification_uri);
    const done = await submitCredentials(agent, lab, signInPage, 'hybridadmin@contoso.onmicrosoft.com', LAB_PASSWORD);
    expect(done.text).toContain('You have signed in');

    const tokens = await poll(started.device_code);
    expect(tokens.status).toBe(200);
    expect(decodeJwtPayload((tokens.json() as TokenSet).access_token).preferred_username).toBe('hybridadmin@contoso.onmicrosoft.com');
    expect((await poll(started.device_code)).json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('reports a declined sign-in as authorization_declined', async () => {
    const started = await startDeviceCode();
    const form = parseForm(await enterUserCode(started.user_code, started.verification_uri));
    await postForm(agent, new URL(form.action, lab.pagesBaseUrl).toString(), { ...form.fields, action: 'cancel' });
    expect((await poll(started.device_code)).json()).toMatchObject({ error: 'authorization_declined' });
  });

  it('refuses a wrong user code on the page and expires the device code (expired_token)', async () => {
    const started = await startDeviceCode();
    const wrong = await postForm(agent, started.verification_uri, { code: 'NOTACODE1' });
    expect(wrong.text).toContain('Check the code and try again.');
    skewMs += 121 * 1000;
    expect((await poll(started.device_code)).json()).toMatchObject({ error: 'expired_token', error_codes: [70020] });
  });
});

describe('lab tenant: state files', () => {
  it('writes its own tenant-state.json in the lab folder', async () => {
    const state = JSON.parse(await readFile(join(labFolder, 'tenant-state.json'), 'utf8')) as Record<string, unknown>;
    expect(state).toMatchObject({ version: 1, syncedUsers: {} });
  });
});
