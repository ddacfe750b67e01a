import path from 'node:path';
import { openLabSyncServer, type LabSyncServerLocation } from '../main/composition';
import { runCli } from './run-cli';

/**
 * Runs the command line on the process's own streams. With `lab` (development only), `--source lab` reads
 * the lab sync server; without it (the packaged app) `--source lab` is refused.
 */
export function runCliWithLab(args: string[], lab: LabSyncServerLocation | undefined, generatedBy: string): Promise<number> {
  return runCli(args, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    generatedBy,
    // The same session and typed client as the wizard's lab target, ended once the summary is read.
    ...(lab
      ? {
          labSource: () => {
            const { syncServer, dispose } = openLabSyncServer(lab);
            return {
              exportServerConfiguration: (folder: string) => syncServer.exportServerConfiguration(folder),
              getScheduler: () => syncServer.getScheduler(),
              scratchFolder: path.join(lab.labFolder, 'scratch'),
              close: dispose,
            };
          },
        }
      : {}),
  });
}
