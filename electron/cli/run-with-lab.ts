import path from 'node:path';
import { createLabPwshSource } from '../services/summary/lab-pwsh-source';
import { runCli } from './run-cli';

export interface LabLocation {
  /** The lab package (`lab/` of the repository). */
  readonly labPackageFolder: string;
  readonly labFolder: string;
  readonly pwshPath: string;
}

/** Runs the command line on the process's own streams, with `--source lab` reading the lab sync server. */
export function runCliWithLab(args: string[], lab: LabLocation, generatedBy: string): Promise<number> {
  return runCli(args, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    generatedBy,
    labSource: () =>
      createLabPwshSource({
        modulePath: path.join(lab.labPackageFolder, 'sync-server', 'ADSync', 'ADSync.psd1'),
        labFolder: lab.labFolder,
        pwshPath: lab.pwshPath,
      }),
  });
}
