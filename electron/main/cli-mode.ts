import { runCliWithLab } from '../cli/run-with-lab';
import type { LabSyncServerLocation } from './composition';
import { findPwsh } from './pwsh-location';

/** The arguments after `--cli`, when the app was started as a command line; otherwise undefined. */
export function cliArguments(argv: readonly string[]): string[] | undefined {
  const index = argv.indexOf('--cli');
  return index >= 0 ? argv.slice(index + 1) : undefined;
}

/** Resolves once everything written to the stream has reached the console or pipe (async on a Windows console). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/**
 * Runs the configuration-summary command line inside the app (no window) and returns its exit code once its
 * output is flushed. Electron attaches a Windows GUI program to the console it was started from, so the output
 * reaches the caller's console; `--out <file>` writes it to a file instead (README: the packaged command line).
 * The packaged app has no lab: `lab` is given in development only.
 */
export async function runPackagedCli(args: string[], lab?: Omit<LabSyncServerLocation, 'pwshPath'>): Promise<number> {
  const code = await runCliWithLab(args, lab ? { ...lab, pwshPath: findPwsh() } : undefined, 'Azure AD Connect Wizard command line');
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  return code;
}
