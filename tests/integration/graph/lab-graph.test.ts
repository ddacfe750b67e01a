import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabTenant, type LabTenant } from '../../../lab/index';
import { createLabServices, rejection } from '../auth/lab-services';
import { enterCredentials, SystemBrowser } from '../auth/system-browser';

const entraIdP1 = '078d2b04-f1bd-4111-bbd4-b4b1b354cef4';
let lab: LabTenant;
let labFolder = '';
let dataFolder = '';
const browser = new SystemBrowser();
const sleeps: number[] = [];
let services: Awaited<ReturnType<typeof createLabServices>>;

/** Users the lab sync server would have exported (its state file's `cloud` section). */
function syncedUser(n: number) {
  return {
    immutableId: Buffer.from(`immutable-${n}`).toString('base64'),
    objectGuid: null,
    userPrincipalName: `synced${n}@contoso.com`,
    displayName: n === 3 ? `Annika Synced ${n}` : `Synced User ${n}`,
    givenName: null,
    surname: null,
    mail: null,
    department: null,
    jobTitle: null,
    city: null,
    country: null,
    onPremisesSamAccountName: `synced${n}`,
    onPremisesDistinguishedName: `CN=Synced User ${n},OU=Users,DC=contoso,DC=com`,
    onPremisesDomainName: 'contoso.com',
  };
}

beforeAll(async () => {
  labFolder = await mkdtemp(join(tmpdir(), 'lab-tenant-'));
  dataFolder = await mkdtemp(join(tmpdir(), 'wizard-data-'));
  const cloud = { lastExportTimeUtc: '2025-05-01T10:32:11Z', users: [1, 2, 3, 4, 5].map(syncedUser), pendingExport: null };
  await writeFile(join(labFolder, 'sync-server-state.json'), JSON.stringify({ cloud }));
  lab = await startLabTenant({ labFolder, port: 0, groupLicenseProcessing: { queuedMs: 300, baseMs: 300, perMemberMs: 1, maxMs: 2000 } });
  await browser.start();
  // Really waits (Retry-After is honoured) but records each pause for the assertions.
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    await new Promise((resolve) => setTimeout(resolve, ms));
  };
  services = await createLabServices(lab, { openBrowser: browser.openBrowser, dataFolder, graph: { sleep, maxAttempts: 3 } });
  const signIn = services.auth.signInInteractive();
  await enterCredentials(await browser.nextPage(), 'globaladmin@contoso.onmicrosoft.com', 'LabPassw0rd!');
  await signIn;
});
afterAll(async () => {
  await services?.close();
  await browser.close();
  await lab?.close();
  await rm(labFolder, { recursive: true, force: true });
  await rm(dataFolder, { recursive: true, force: true });
});

describe('Graph client against the lab tenant', () => {
  it('reads the tenant and its last sync time', async () => {
    const organization = await services.graph.organization();
    expect(organization).toMatchObject({ id: lab.tenantId, onPremisesSyncEnabled: true, onPremisesLastSyncDateTime: '2025-05-01T10:32:11Z' });
  });

  it('reads the domains with their authentication type and the federated domain\'s federation settings, the certificate as its expiry only', async () => {
    expect(await services.graph.domains()).toEqual([
      { name: 'contoso.onmicrosoft.com', authenticationType: 'Managed', isVerified: true },
      { name: 'contoso.com', authenticationType: 'Managed', isVerified: true },
      { name: 'fabrikam.com', authenticationType: 'Federated', isVerified: true },
    ]);
    expect(await services.graph.federationConfiguration('fabrikam.com')).toEqual({
      issuerUri: 'http://fs.fabrikam.com/adfs/services/trust',
      passiveSignInUri: 'https://fs.fabrikam.com/adfs/ls/',
      preferredAuthenticationProtocol: 'wsFed',
      signingCertificateExpires: '2028-11-29T13:49:11.000Z',
    });
    expect(await services.graph.federationConfiguration('contoso.com')).toBeUndefined();
    await expect(services.graph.federationConfiguration('unknown.example')).rejects.toMatchObject({ code: 'GRAPH_ERROR', detail: expect.stringContaining('Request_ResourceNotFound') });
  });

  it('lists the subscribed SKUs of the post-installation steps with available units', async () => {
    const skus = await services.graph.subscribedSkus();
    expect(skus.map((sku) => sku.skuPartNumber).sort()).toEqual(['AAD_PREMIUM', 'AAD_PREMIUM_P2', 'EMS', 'EMSPREMIUM']);
    for (const sku of skus) expect(sku.availableUnits).toBe(Math.max(0, sku.enabledUnits - sku.consumedUnits));
    expect(skus.find((sku) => sku.skuId === entraIdP1)?.productName).toBe('Microsoft Entra ID P1');
  });

  it('lists only synchronized users, across pages, with the count', async () => {
    const all = await services.graph.listSyncedUsers();
    expect(all.users.map((user) => user.userPrincipalName).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `synced${n}@contoso.com`));
    expect(all).toMatchObject({ totalCount: 5, truncated: false });

    const firstTwo = await services.graph.listSyncedUsers({ limit: 2 });
    expect(firstTwo.users).toHaveLength(2);
    expect(firstTwo.truncated).toBe(true);
  });

  it("continues page by page from the lab's absolute nextLinks, with the count and the search kept", async () => {
    const seen: string[] = [];
    let page = await services.graph.firstSyncedUsersPage({ pageSize: 2 });
    expect(page.totalCount).toBe(5);
    seen.push(...page.users.map((user) => user.userPrincipalName));
    for (let pages = 1; page.nextLink !== undefined; pages++) {
      expect(new URL(page.nextLink).origin).toBe(lab.baseUrl);
      expect(pages).toBeLessThan(3);
      page = await services.graph.nextSyncedUsersPage(page.nextLink);
      seen.push(...page.users.map((user) => user.userPrincipalName));
    }
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5].map((n) => `synced${n}@contoso.com`));

    const searched = await services.graph.firstSyncedUsersPage({ search: 'Synced User', pageSize: 1 });
    expect(searched.nextLink).toBeDefined();
    const next = await services.graph.nextSyncedUsersPage(searched.nextLink ?? '');
    expect(next.users.every((user) => user.displayName.startsWith('Synced User'))).toBe(true);
  });

  it('finds synchronized users with the search box text', async () => {
    const found = await services.graph.listSyncedUsers({ search: 'Annika' });
    expect(found.users.map((user) => user.userPrincipalName)).toEqual(['synced3@contoso.com']);
  });

  it('assigns a license once the usage location is set, and the SKU count follows', async () => {
    const target = (await services.graph.listSyncedUsers()).users.find((user) => user.usageLocation === null);
    expect(target).toBeDefined();
    const userId = target?.id ?? '';
    const before = (await services.graph.subscribedSkus()).find((sku) => sku.skuId === entraIdP1);

    const refused = await rejection(services.graph.assignLicense(userId, [entraIdP1]));
    expect(refused.code).toBe('USAGE_LOCATION_MISSING');
    expect(refused.detail).toContain('usage location');

    await services.graph.setUsageLocation(userId, 'us');
    const assigned = await services.graph.assignLicense(userId, [entraIdP1]);
    expect(assigned.assignedSkuIds).toContain(entraIdP1);
    const reread = (await services.graph.listSyncedUsers()).users.find((user) => user.id === userId);
    expect(reread).toMatchObject({ usageLocation: 'US', assignedSkuIds: [entraIdP1] });
    const after = (await services.graph.subscribedSkus()).find((sku) => sku.skuId === entraIdP1);
    expect(after?.consumedUnits).toBe((before?.consumedUnits ?? 0) + 1);

    const removed = await services.graph.assignLicense(userId, [], [entraIdP1]);
    expect(removed.assignedSkuIds).not.toContain(entraIdP1);
  });

  it('retries 429 and 503 honouring Retry-After, then succeeds', async () => {
    sleeps.length = 0;
    lab.failNext('/v1.0/subscribedSkus', 429, 1, 1);
    lab.failNext('/v1.0/subscribedSkus', 503, 2, 1);
    const started = Date.now();
    await expect(services.graph.subscribedSkus()).resolves.toHaveLength(4);
    expect(sleeps).toEqual([1_000, 2_000]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
  });

  it('gives up after three throttled attempts with THROTTLED and the Graph message', async () => {
    sleeps.length = 0;
    lab.failNext('/v1.0/organization', 429, 1, 3);
    const error = await rejection(services.graph.organization());
    expect(error.code).toBe('THROTTLED');
    expect(error.detail).toMatch(/Gave up after 3 attempts/);
    expect(sleeps).toEqual([1_000, 1_000]);
  });

  it('gives up on a lasting 503 with GRAPH_UNAVAILABLE', async () => {
    lab.failNext('/v1.0/me', 503, 1, 3);
    const error = await rejection(services.graph.me());
    expect(error.code).toBe('GRAPH_UNAVAILABLE');
    expect(error.message).toMatch(/temporarily unavailable/);
  });
});

describe('Graph client batching and groups against the lab tenant', () => {
  it('batches writes and, when Graph throttles them, sends only the throttled ones again until each is carried out', async () => {
    const users = (await services.graph.listSyncedUsers()).users;
    sleeps.length = 0;
    // Other apps used the tenant's shared write quota: Graph now lets 60 writes a second through.
    await lab.simulateOtherAppWrites(18_000);
    const requests = Array.from({ length: 45 }, (_unused, index) => ({
      id: `w${index}`,
      method: 'PATCH' as const,
      url: `/users/${users[index % users.length]?.id ?? ''}`,
      body: { usageLocation: index % 2 ? 'DE' : 'FR' },
    }));
    const throttled: number[] = [];
    const outcomes = await services.graph.runRequests(requests, { observer: { onThrottled: (info) => throttled.push(info.waiting) } });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(45).fill('done'));
    expect(throttled.length).toBeGreaterThan(0);
    // Graph's Retry-After here is a fraction of a second (a token refills in 1/60 s).
    expect(sleeps.every((ms) => ms > 0 && ms < 1000)).toBe(true);
  });

  it('licenses a group: accepted at once, processing settles, members inherit the license with the plan off', async () => {
    const page = await services.graph.firstGroupsPage({ search: 'IT Admins' });
    const group = page.groups.find((candidate) => candidate.displayName === 'IT Admins');
    if (!group) throw new Error('no IT Admins group');
    expect(group).toMatchObject({ synced: false, microsoft365: false, assignedLicenses: [], processingState: 'ProcessingComplete' });
    const mfa = '8a256a2b-b617-496d-b51b-e76466e88db0';
    await services.graph.assignGroupLicense(group.id, [{ skuId: entraIdP1, disabledPlans: [mfa] }], []);
    expect((await services.graph.group(group.id)).processingState).not.toBe('ProcessingComplete');
    let state = '';
    for (let tries = 0; tries < 40 && state !== 'ProcessingComplete'; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = (await services.graph.group(group.id)).processingState;
    }
    expect(state).toBe('ProcessingComplete');
    expect((await services.graph.group(group.id)).assignedLicenses).toEqual([{ skuId: entraIdP1, disabledPlans: [mfa] }]);

    const me = await services.graph.me();
    const assignments = (await services.graph.usersLicenseAssignments([me.id])).get(me.id) ?? [];
    expect(assignments).toContainEqual({ skuId: entraIdP1, assignedByGroup: { id: group.id, displayName: null }, state: 'Active', error: null, disabledPlans: [mfa] });
    expect((await services.graph.groupDisplayNames([group.id])).get(group.id)).toBe('IT Admins');
    expect(await services.graph.groupsWithLicenseErrors()).toEqual([]);
  });
});

