import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabTenant, type LabTenant } from '../../../lab/index';
import { requestChannelNames } from '../../../shared/contract';
import type { Result } from '../../../shared/core/result';
import type { PlanOutcome, PreparedPlan } from '../../../shared/changes/plan-outcome';
import { PowerShellSession } from '../../../electron/clients/powershell';
import { AdSyncClient } from '../../../electron/clients/sync-server/ad-sync-client';
import { createChangesHandlers } from '../../../electron/ipc/areas/changes';
import type { RawHandler } from '../../../electron/ipc/host';
import { registerHandlers, type RequestHandlers } from '../../../electron/ipc/register';
import { ChangeService } from '../../../electron/services/changes/change-service';
import { createLabServices, quietLogger } from '../auth/lab-services';
import { enterCredentials, SystemBrowser } from '../auth/system-browser';
import { freshLabTarget } from '../powershell/lab-target';

/*
 * The changes:prepare-plan and changes:apply-plan channels as main registers them, called directly (no
 * renderer): main itself refuses unless a Global or Hybrid Identity Administrator is signed in on the lab
 * tenant with real MSAL, and their token refreshes silently at apply time.
 */

let tenant: LabTenant;
let tenantFolder = '';
let dataFolder = '';
const browser = new SystemBrowser();
let services: Awaited<ReturnType<typeof createLabServices>>;
let session: PowerShellSession;
const channels = new Map<string, RawHandler>();

beforeAll(async () => {
  tenantFolder = await mkdtemp(join(tmpdir(), 'lab-tenant-'));
  dataFolder = await mkdtemp(join(tmpdir(), 'wizard-data-'));
  tenant = await startLabTenant({ labFolder: tenantFolder, port: 0 });
  await browser.start();
  services = await createLabServices(tenant, { openBrowser: browser.openBrowser, dataFolder });
  const lab = await freshLabTarget();
  session = new PowerShellSession(lab.target);
  const changes = new ChangeService({ client: new AdSyncClient(session), signIn: services.auth, dataFolder: lab.labFolder, cloudDirectory: 'Azure AD', lab: true });
  const others = Object.fromEntries(requestChannelNames.map((channel) => [channel, async () => ({})])) as unknown as RequestHandlers;
  registerHandlers({ handle: (channel, handler) => void channels.set(channel, handler) }, { ...others, ...createChangesHandlers(changes) }, quietLogger);
});

afterAll(async () => {
  await session?.dispose();
  await services?.close();
  await browser.close();
  await tenant?.close();
  await rm(tenantFolder, { recursive: true, force: true });
  await rm(dataFolder, { recursive: true, force: true });
});

async function call<T>(channel: 'changes:prepare-plan' | 'changes:apply-plan' | 'changes:get-baseline', request: object): Promise<Result<T>> {
  const handler = channels.get(channel);
  if (!handler) throw new Error(`${channel} is not registered`);
  return (await handler(request, { emit: () => undefined })) as Result<T>;
}

async function excludeDraft(ou: string): Promise<object> {
  const baseline = await call<{ directories: { connectorName: string; partitions: { dn: string; selected: boolean; containerInclusions: string[]; containerExclusions: string[] }[] }[]; features: object }>('changes:get-baseline', {});
  if (!baseline.ok) throw new Error(baseline.error.message);
  const [directory] = baseline.value.directories;
  const partition = directory!.partitions[0]!;
  return {
    kind: 'customize',
    startSync: false,
    edit: {
      directories: [{ connectorName: directory!.connectorName, partitions: [{ ...partition, containerExclusions: [...partition.containerExclusions, ou] }] }],
      features: baseline.value.features,
    },
  };
}

describe('sign-in enforced in main on the change channels', () => {
  it('refuses to plan or apply without a signed-in administrator, applies with one, and refuses when the token no longer refreshes', async () => {
    const draft = await excludeDraft('OU=Groups,OU=CORP,DC=contoso,DC=com');
    expect(await call('changes:prepare-plan', { draft })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });

    const signIn = services.auth.signInInteractive();
    await enterCredentials(await browser.nextPage(), 'hybridadmin@contoso.onmicrosoft.com', 'LabPassw0rd!');
    await signIn;
    const prepared = await call<PreparedPlan>('changes:prepare-plan', { draft });
    if (!prepared.ok) throw new Error(prepared.error.message);

    expect(await call<PlanOutcome>('changes:apply-plan', { planId: prepared.value.planId })).toMatchObject({ ok: true, value: { succeeded: true } });

    // The refresh at apply time fails (Entra answers 503): nothing is applied.
    const ou = 'OU=Service Accounts,OU=CORP,DC=contoso,DC=com';
    const next = await call<PreparedPlan>('changes:prepare-plan', { draft: await excludeDraft(ou) });
    if (!next.ok) throw new Error(next.error.message);
    tenant.failNext(/\/oauth2\/v2\.0\/token/, 503, 0, 1);
    expect(await call('changes:apply-plan', { planId: next.value.planId })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED' } });
    // Signed out since: refused with NOT_SIGNED_IN, without asking Entra.
    await services.auth.signOut();
    expect(await call('changes:apply-plan', { planId: next.value.planId })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    const baseline = await call<{ directories: { partitions: { containerExclusions: string[] }[] }[] }>('changes:get-baseline', {});
    expect(baseline.ok && baseline.value.directories[0]!.partitions[0]!.containerExclusions).toEqual(
      expect.arrayContaining(['OU=Groups,OU=CORP,DC=contoso,DC=com']),
    );
    expect(baseline.ok && baseline.value.directories[0]!.partitions[0]!.containerExclusions).not.toContain(ou);
  });
});
