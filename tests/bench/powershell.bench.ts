/*
 * The PowerShell bridge: start cost, a small read on the warm session, and the same read in a fresh
 * `pwsh -NoProfile -Command` per call (what the bridge avoids). Target: warm median ≤ 15 ms and
 * ≤ 1/20 of the cold median.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { delimiter } from 'node:path';
import { promisify } from 'node:util';
import { buildProcessEnvironment, PowerShellSession } from '../../electron/clients/powershell';
import { bootstrapCommand, operationCommand, readEnvelope } from '../../electron/clients/powershell/wire';
import { AdSyncClient } from '../../electron/clients/sync-server';
import { freshLabTarget } from '../integration/powershell/lab-target';

const run$ = promisify(execFile);
const WARM_CALLS = 60;
const COLD_CALLS = 6;

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function run(): Promise<Record<string, number>> {
  const { target, labFolder } = await freshLabTarget();
  const session = new PowerShellSession(target);
  const client = new AdSyncClient(session);
  try {
    const sessionStartMs = await time(() => session.start());
    await client.getScheduler(); // first call compiles the operation's code paths

    const warm: number[] = [];
    for (let i = 0; i < WARM_CALLS; i += 1) warm.push(await time(() => client.getScheduler()));

    const script = `${bootstrapCommand({
      operationsModule: target.operationsModule,
      adSyncModule: target.adSyncModule,
      activeDirectoryModule: target.activeDirectoryModule ?? 'ActiveDirectory',
    })}; ${operationCommand('GetScheduler', {})}`;
    const environment = buildProcessEnvironment(target, process.env, delimiter);
    const cold: number[] = [];
    for (let i = 0; i < COLD_CALLS; i += 1) {
      cold.push(
        await time(async () => {
          const { stdout } = await run$(target.executable, ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', script], { env: environment });
          const reading = readEnvelope(stdout);
          if (reading.kind !== 'envelope' || !reading.envelope.ok) throw new Error(`cold call failed: ${stdout}`);
        }),
      );
    }

    return {
      'powershell.sessionStartMs': sessionStartMs,
      'powershell.warmCallMedianMs': percentile(warm, 0.5),
      'powershell.warmCallP95Ms': percentile(warm, 0.95),
      'powershell.coldCallMedianMs': percentile(cold, 0.5),
    };
  } finally {
    await session.dispose();
    await rm(labFolder, { recursive: true, force: true });
  }
}
