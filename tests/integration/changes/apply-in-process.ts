/*
 * One app instance applying a change plan, as its own process: `tsx apply-in-process.ts <lab folder> <OU to exclude>`.
 * Prints "ready" once its plan is prepared, applies it when a line arrives on stdin, and prints the result
 * as one JSON line. The two-process test runs two of these on one lab folder.
 */
import { createInterface } from 'node:readline';
import { PowerShellSession } from '../../../electron/clients/powershell';
import { AdSyncClient } from '../../../electron/clients/sync-server/ad-sync-client';
import { ChangeService } from '../../../electron/services/changes/change-service';
import { signedInAdministrator } from './signed-in';
import { isAppError } from '../../../shared/core/errors';
import { labTargetIn } from '../powershell/lab-target';

const [labFolder, excludedOu] = process.argv.slice(2);
if (!labFolder || !excludedOu) throw new Error('usage: apply-in-process.ts <lab folder> <OU to exclude>');

const session = new PowerShellSession(labTargetIn(labFolder).target);
const changes = new ChangeService({ signIn: signedInAdministrator, client: new AdSyncClient(session), dataFolder: labFolder, cloudDirectory: 'Azure AD', lab: true });
try {
  const baseline = await changes.getBaseline();
  const directory = baseline.directories[0]!;
  const partition = directory.partitions[0]!;
  const plan = await changes.prepare({
    kind: 'customize',
    edit: {
      directories: [{ connectorName: directory.connectorName, partitions: [{ ...partition, containerExclusions: [...partition.containerExclusions, excludedOu] }] }],
      features: baseline.features,
    },
    startSync: false,
  });
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
  try {
    const outcome = await changes.apply(plan.planId, () => {});
    process.stdout.write(`${JSON.stringify({ succeeded: outcome.succeeded, steps: outcome.steps.map((step) => step.status) })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ code: isAppError(error) ? error.code : 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) })}\n`);
  }
} finally {
  await session.dispose();
}
