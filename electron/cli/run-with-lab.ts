import { openLabSyncServer, type LabSyncServerLocation } from '../main/composition';
import { runCli } from './run-cli';

/** Runs the command line on the process's own streams, with `--source lab` reading the lab sync server. */
export function runCliWithLab(args: string[], lab: LabSyncServerLocation, generatedBy: string): Promise<number> {
  return runCli(args, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    generatedBy,
    labSource: () => {
      const opened = openLabSyncServer(lab);
      return { exportServerConfiguration: (folder) => opened.syncServer.exportServerConfiguration(folder), getScheduler: () => opened.syncServer.getScheduler(), close: () => opened.dispose() };
    },
  });
}
