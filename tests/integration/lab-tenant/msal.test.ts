import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PublicClientApplication } from '@azure/msal-node';
import type { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabTenant, type LabTenant } from '../../../lab/index';
import { graphGet, labAgent, LAB_PASSWORD, msalNetworkClient, parseForm, postForm, request, submitCredentials } from './lab-client';

let labFolder = '';
let lab: LabTenant;
let agent: Agent;

beforeAll(async () => {
  labFolder = await mkdtemp(join(tmpdir(), 'lab-tenant-msal-'));
  lab = await startLabTenant({ labFolder, port: 0, deviceCodePollIntervalSeconds: 1, accessTokenLifetimeSeconds: 600 });
  agent = labAgent(lab);
});

afterAll(async () => {
  await agent?.close();
  await lab?.close();
  await rm(labFolder, { recursive: true, force: true });
});

const scopes = ['https://graph.microsoft.com/User.Read', 'https://graph.microsoft.com/Organization.Read.All'];

/** The configuration the app's auth service needs for the lab: the lab host as a known authority, and a network client trusting the lab CA. */
function labClientApplication(): PublicClientApplication {
  return new PublicClientApplication({
    auth: { clientId: lab.clientId, authority: lab.authority, knownAuthorities: [lab.host] },
    system: { networkClient: msalNetworkClient(agent) },
  });
}

describe('real @azure/msal-node against the lab tenant', () => {
  it('completes acquireTokenByDeviceCode after the user signs in on the verification page, then renews silently', async () => {
    const pca = labClientApplication();
    let prompt: { userCode: string; message: string } | undefined;
    let approved: Promise<void> | undefined;
    const result = await pca.acquireTokenByDeviceCode({
      scopes,
      deviceCodeCallback: (response) => {
        prompt = response;
        // The administrator opens the page and signs in while MSAL polls.
        approved = (async () => {
          const signInPage = await postForm(agent, response.verificationUri, { code: response.userCode });
          const done = await submitCredentials(agent, lab, signInPage.text, 'hybridadmin@contoso.onmicrosoft.com', LAB_PASSWORD);
          expect(done.text).toContain('You have signed in');
        })();
      },
    });
    await approved;
    expect(prompt?.message).toContain(prompt?.userCode);
    expect(result?.account).toMatchObject({ username: 'hybridadmin@contoso.onmicrosoft.com', tenantId: lab.tenantId, homeAccountId: expect.stringContaining(lab.tenantId) });
    expect(result?.scopes).toEqual(expect.arrayContaining(scopes));
    expect((await graphGet(agent, lab, '/me', result?.accessToken ?? '')).json()).toMatchObject({ userPrincipalName: 'hybridadmin@contoso.onmicrosoft.com' });

    const [account] = await pca.getTokenCache().getAllAccounts();
    const cached = await pca.acquireTokenSilent({ account: account!, scopes });
    expect(cached.accessToken).toBe(result?.accessToken);
    const renewed = await pca.acquireTokenSilent({ account: account!, scopes, forceRefresh: true });
    expect(renewed.accessToken).not.toBe(result?.accessToken);
  });

  it('completes acquireTokenInteractive through form_post to MSAL\'s loopback server', async () => {
    const pca = labClientApplication();
    const result = await pca.acquireTokenInteractive({
      scopes,
      openBrowser: async (url) => {
        // A browser without JavaScript: open the page, sign in, press Continue on the form_post page.
        const page = await request(agent, url);
        const answer = parseForm((await submitCredentials(agent, lab, page.text, 'globaladmin@contoso.onmicrosoft.com', LAB_PASSWORD)).text);
        // MSAL's loopback listens on 127.0.0.1; the redirect URI names localhost.
        const loopback = answer.action.replace('//localhost:', '//127.0.0.1:');
        const response = await fetch(loopback, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(answer.fields) });
        expect(response.status).toBe(200);
      },
      successTemplate: 'Signed in',
    });
    expect(result.account).toMatchObject({ username: 'globaladmin@contoso.onmicrosoft.com', tenantId: lab.tenantId });
    expect(result.idTokenClaims).toMatchObject({ preferred_username: 'globaladmin@contoso.onmicrosoft.com' });
  });

  it('surfaces an expired password as a ServerError carrying AADSTS50055', async () => {
    const pca = labClientApplication();
    const attempt = pca.acquireTokenInteractive({
      scopes,
      openBrowser: async (url) => {
        const page = await request(agent, url);
        const answer = parseForm((await submitCredentials(agent, lab, page.text, 'expired@contoso.onmicrosoft.com', LAB_PASSWORD)).text);
        await fetch(answer.action.replace('//localhost:', '//127.0.0.1:'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(answer.fields),
        });
      },
    });
    await expect(attempt).rejects.toMatchObject({ errorCode: 'invalid_grant', errorMessage: expect.stringContaining('AADSTS50055') });
  });
});
