import { openLabSyncServer, type LabSyncServerLocation } from '../main/composition';
import { runCli } from './run-cli';

/** Runs the command line on the process's own streams, with `--source lab` reading the lab sync server. */
export function runCliWithLab(args: string[], lab: LabSyncServerLocation, generatedBy: string): Promise<number> {
  return runCli(args, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    generatedBy,
    // The same session and typed client as the wizard's lab target, ended once the summary is read.
    labSource: () => {
      const { syncServer, dispose } = openLabSyncServer(lab);
      return {
        exportServerConfiguration: (folder) => syncServer.exportServerConfiguration(folder),
        getScheduler: () => syncServer.getScheduler(),
        close: dispose,
      };
    },
  });
}
