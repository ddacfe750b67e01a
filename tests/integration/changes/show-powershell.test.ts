import { execFile } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { planPowerShell } from '../../../shared/changes/powershell-script';
import { PowerShellSession } from '../../../electron/clients/powershell';
import { AdSyncClient } from '../../../electron/clients/sync-server/ad-sync-client';
import { ChangeService } from '../../../electron/services/changes/change-service';
import { freshLabTarget } from '../powershell/lab-target';
import { signedInAdministrator } from './signed-in';

/*
 * The copied script of a plan with hostile OU names, run by hand in a pwsh session with the lab's ADSync
 * imported, leaves the server exactly as the app's own apply of the same plan does (two fresh lab folders).
 */

const hostileOus = [
  "OU=O'Brien ‘quoted’ \"double\",OU=CORP,DC=contoso,DC=com",
  'OU=$(Remove-Item -Recurse -Force ~) `$env:TEMP; exit 1,OU=CORP,DC=contoso,DC=com',
  'OU=Отдел продаж 営業 ‚low‛,OU=CORP,DC=contoso,DC=com',
];

const sessions: PowerShellSession[] = [];
afterAll(async () => {
  for (const session of sessions) await session.dispose();
});

async function labServer() {
  const lab = await freshLabTarget();
  const session = new PowerShellSession(lab.target);
  sessions.push(session);
  const client = new AdSyncClient(session);
  return { lab, client, changes: new ChangeService({ client, signIn: signedInAdministrator, dataFolder: lab.labFolder, cloudDirectory: 'Azure AD', lab: true }) };
}

/** What a plan changes, read through the client. */
async function changedState(client: AdSyncClient) {
  const connectors = await client.getConnectors();
  const settings = await client.getGlobalSettings();
  const scheduler = await client.getScheduler();
  return {
    partitions: connectors.map((connector) => ({ name: connector.name, partitions: connector.partitions.map((p) => ({ dn: p.dn, selected: p.selected, in: p.containerInclusions, out: p.containerExclusions })) })),
    passwordSync: await client.getPasswordSyncConfiguration('contoso.com'),
    passwordReset: (await client.getPasswordResetConfiguration('contoso.onmicrosoft.com - AAD')).enabled,
    companyFeatures: await client.getCompanyFeatures(),
    settings: settings.parameters.filter((parameter) => /OptionalFeature/.test(parameter.name)).map((parameter) => `${parameter.name}=${parameter.value}`),
    scheduler: { syncCycleEnabled: scheduler.syncCycleEnabled, schedulerSuspended: scheduler.schedulerSuspended },
  };
}

describe('Show the PowerShell', () => {
  it('runs as copied in pwsh with ADSync imported and leaves the same state as the app applying the plan', async () => {
    const app = await labServer();
    const byHand = await labServer();
    const baseline = await app.changes.getBaseline();
    const partition = baseline.directories[0]!.partitions[0]!;
    const plan = await app.changes.prepare({
      kind: 'customize',
      startSync: false,
      edit: {
        directories: [{ connectorName: 'contoso.com', partitions: [{ ...partition, containerExclusions: [...partition.containerExclusions, ...hostileOus] }] }],
        features: { ...baseline.features, passwordHashSync: true, passwordWriteback: true },
      },
    });
    const script = planPowerShell(plan, { taskTitle: 'Customize synchronization options' });
    expect((await app.changes.apply(plan.planId, () => {})).succeeded).toBe(true);

    const { target } = byHand.lab;
    // The session an administrator opens: ADSync imported, then the copied text pasted as it is (one input, as
    // PSReadLine takes a multi-line paste; `-Command -` would read it line by line instead).
    const pasted = `Import-Module '${target.adSyncModule.replace(/'/g, "''")}'\n${script}`;
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(target.executable, ['-NoProfile', '-NonInteractive', '-Command', pasted], { env: { ...process.env, ...target.env } }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: stdout.replaceAll('\u001b[?1h', '').replaceAll('\u001b[?1l', '').trim(), stderr }),
      );
    });
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });

    const expected = await changedState(app.client);
    expect(expected.partitions[0]!.partitions[0]!.out).toEqual(expect.arrayContaining(hostileOus));
    expect(await changedState(byHand.client)).toEqual(expected);
  });
});
