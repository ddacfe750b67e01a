import { runCliWithLab } from '../cli/run-with-lab';
import { findPwsh } from './pwsh-location';

/** The arguments after `--cli`, when the packaged app was started as a command line; otherwise undefined. */
export function cliArguments(argv: readonly string[]): string[] | undefined {
  const index = argv.indexOf('--cli');
  return index >= 0 ? argv.slice(index + 1) : undefined;
}

/** Runs the configuration-summary command line inside the packaged app (no window) and returns its exit code. */
export function runPackagedCli(args: string[], folders: { assetsFolder: string; labPackageFolder: string }, labFolder: string): Promise<number> {
  return runCliWithLab(args, { ...folders, labFolder, pwshPath: findPwsh() }, 'Azure AD Connect Wizard command line');
}
