/*
 * Assigning a license to 1,000 users, the app's way (LicensesService.apply: its Graph client, real MSAL
 * tokens, real HTTPS) against the large lab tenant (5,000 synchronized users): once with JSON batching,
 * as the app does, and once with batching switched off in the Graph client's constructor, which sends
 * each request alone, one after another. The same 1,000 users get the same license in a fresh copy of the
 * tenant each time. Goal: batched ≤ 1/5 of sequential.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedLargeLabTenant, startLabTenant, type LabTenant } from '../../lab/index';
import { LicensesService } from '../../electron/services/licenses/licenses-service';
import type { DeviceCodePrompt } from '../../shared/auth/account';
import { createLabServices, quietLogger } from '../integration/auth/lab-services';
import { labAgent, postForm, submitCredentials } from '../integration/lab-tenant/lab-client';

const entraIdP1 = '078d2b04-f1bd-4111-bbd4-b4b1b354cef4';
const USERS = 1000;

/** Signs the lab's Global Administrator in with the device-code flow, answering the verification page over HTTP. */
async function signIn(lab: LabTenant, services: Awaited<ReturnType<typeof createLabServices>>): Promise<void> {
  const agent = labAgent(lab);
  try {
    let approve: Promise<void> = Promise.resolve();
    await services.auth.signInWithDeviceCode((prompt: DeviceCodePrompt) => {
      approve = (async () => {
        const page = await postForm(agent, prompt.verificationUri, { code: prompt.userCode });
        await submitCredentials(agent, lab, page.text, 'globaladmin@contoso.onmicrosoft.com', 'LabPassw0rd!');
      })();
    });
    await approve;
  } finally {
    await agent.close();
  }
}

async function assignThousand(batching: boolean): Promise<number> {
  const labFolder = await mkdtemp(join(tmpdir(), 'bench-licenses-lab-'));
  const dataFolder = await mkdtemp(join(tmpdir(), 'bench-licenses-data-'));
  await seedLargeLabTenant(labFolder, 5000);
  const lab = await startLabTenant({ labFolder, port: 0, deviceCodePollIntervalSeconds: 1 });
  const services = await createLabServices(lab, {
    openBrowser: () => Promise.reject(new Error('the device-code flow opens no browser')),
    dataFolder,
    graph: { batching },
  });
  try {
    await signIn(lab, services);
    // The same 1,000 users each time: the first synchronized users that have a usage location.
    const { users } = await services.graph.listSyncedUsers({ limit: 2000 });
    const chosen = users.filter((user) => user.usageLocation !== null && user.assignedSkuIds.length === 0).slice(0, USERS);
    if (chosen.length !== USERS) throw new Error(`the large lab tenant has only ${chosen.length} users to license`);
    const licenses = new LicensesService({ auth: services.auth, graph: services.graph, logger: quietLogger });
    await licenses.listSkus();

    const started = performance.now();
    const result = await licenses.apply(
      {
        applyId: crypto.randomUUID(),
        skuId: entraIdP1,
        action: 'assign',
        disabledPlans: [],
        operations: chosen.map((user) => ({ userId: user.id, displayName: user.displayName, userPrincipalName: user.userPrincipalName })),
      },
      () => undefined,
    );
    const elapsed = performance.now() - started;
    const done = result.outcomes.filter((outcome) => outcome.status === 'done').length;
    if (done !== USERS) throw new Error(`${batching ? 'batched' : 'sequential'}: ${done} of ${USERS} users licensed (${result.stoppedBy?.message ?? 'see outcomes'})`);
    return elapsed;
  } finally {
    await services.close();
    await lab.close();
    await rm(labFolder, { recursive: true, force: true, maxRetries: 3 });
    await rm(dataFolder, { recursive: true, force: true, maxRetries: 3 });
  }
}

export async function run(): Promise<Record<string, number>> {
  const batched = await assignThousand(true);
  const sequential = await assignThousand(false);
  return { 'licenses.assign1000BatchMs': batched, 'licenses.assign1000SequentialMs': sequential };
}
