import { delimiter } from 'node:path';
import { PowerShell } from 'node-powershell';
import { buildProcessEnvironment, type PowerShellTarget } from './powershell-target';

/** How a shell process ended. `spawnError` is set when it never ran (e.g. ENOENT). */
export interface ShellExit {
  readonly code: number | null;
  readonly signal: string | null;
  readonly spawnError?: { readonly code?: string; readonly message: string };
  readonly stderr?: string;
}

export interface ShellOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** One running PowerShell process that runs one command line at a time. */
export interface ShellProcess {
  invoke(command: string): Promise<ShellOutput>;
  /**
   * Ends the process at once (SIGKILL); resolves when it is gone. `powerShellPid` is PowerShell's own
   * $PID: when a launcher (e.g. the dotnet global-tool shim for pwsh) started PowerShell as its child,
   * killing the launcher alone would leave a busy PowerShell running.
   */
  kill(powerShellPid?: number): Promise<void>;
  /** Resolves (never rejects) when the process has ended, for whatever reason. */
  readonly exited: Promise<ShellExit>;
}

export type ShellFactory = (target: PowerShellTarget) => ShellProcess;

interface ProcessErrorLike {
  readonly exitCode?: number | null;
  readonly signalCode?: string | null;
  readonly originalError?: { readonly code?: string; readonly message?: string };
  readonly message?: string;
}

function toShellExit(outcome: unknown): ShellExit {
  if (outcome === undefined || outcome === null) return { code: 0, signal: null };
  const failure = outcome as ProcessErrorLike;
  const original = failure.originalError;
  const spawnError =
    original && typeof original.code === 'string'
      ? { code: original.code, message: original.message ?? String(original.code) }
      : undefined;
  const exit: ShellExit = {
    code: failure.exitCode ?? null,
    signal: failure.signalCode ?? null,
    ...(original?.message && !spawnError ? { stderr: original.message } : {}),
  };
  return spawnError ? { ...exit, spawnError } : exit;
}

/**
 * node-powershell starts the program named by NODE_POWERSHELL, whatever it was asked to start, when that
 * variable is set in the app's own environment. This subclass answers the target's executable, always.
 */
class PinnedPowerShell extends PowerShell {
  protected override setExecutable({ executable }: { executable?: string }): string {
    if (!executable) throw new Error('No PowerShell executable was given.');
    return executable;
  }
}

/**
 * node-powershell, started with -NoProfile -NonInteractive, the target's executable, working folder and an
 * environment built from an allow-list (buildProcessEnvironment).
 * TERM=dumb: pwsh on Unix otherwise writes "\e[?1h\e[?1l" each time it reads a line; when that lands in the
 * same stdout chunk as node-powershell's closing delimiter, node-powershell's delimiter search (which looks
 * only at the last 17 bytes of a single-chunk answer) misses it and the call hangs until its timeout.
 */
export const startNodePowerShell: ShellFactory = (target) => {
  const shell = new PinnedPowerShell({
      executable: target.executable,
      executableOptions: {
        '-NoLogo': true,
        '-NoProfile': true,
        '-NonInteractive': true,
        // Process scope: a CurrentUser policy set by the unelevated user cannot loosen it, and a downloaded
        // unsigned script is still refused. Group Policy, when set, wins over any command-line value.
        '-ExecutionPolicy': target.executionPolicy ?? 'RemoteSigned',
      },
      spawnOptions: {
        env: { ...buildProcessEnvironment(target, process.env, delimiter), TERM: 'dumb' },
        windowsHide: true,
        ...(target.workingDirectory ? { cwd: target.workingDirectory } : {}),
      },
      throwOnInvocationError: false,
  });
  // A write to a dead process's stdin must not become an unhandled 'error' event.
  shell.streams.stdin.on('error', () => undefined);

  // node-powershell keeps the process's end in a private promise that rejects (unhandled) when the
  // process is killed or cannot start; observe it so the session learns of the end and Node does not crash.
  const internalExit: unknown = Reflect.get(shell, 'exitPromise');
  const exited: Promise<ShellExit> =
    internalExit instanceof Promise
      ? internalExit.then(
          () => toShellExit(undefined),
          (error: unknown) => toShellExit(error),
        )
      : new Promise<ShellExit>((resolve) => shell.streams.stdout.once('close', () => resolve({ code: null, signal: null })));

  return {
    async invoke(command) {
      const result = await shell.invoke(command);
      return {
        stdout: result.stdout?.toString('utf8') ?? '',
        stderr: result.stderr?.toString('utf8') ?? '',
      };
    },
    async kill(powerShellPid) {
      if (powerShellPid !== undefined) {
        try {
          process.kill(powerShellPid, 'SIGKILL');
        } catch {
          // Already gone (or it was the spawned process itself).
        }
      }
      await shell.dispose('SIGKILL').catch(() => undefined);
      await exited;
    },
    exited,
  };
};
