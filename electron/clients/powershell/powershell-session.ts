import { delimiter } from 'node:path';
import { AppError } from '../../../shared/core/errors';
import { sessionInfoSchema, type SessionInfo } from '../../../shared/sync-server';
import {
  callTimedOut,
  invalidOutput,
  mapPowerShellError,
  moduleGuidance,
  powerShellUnavailable,
  sessionCrashed,
  type ErrorContext,
} from './errors';
import { startNodePowerShell, type ShellExit, type ShellFactory, type ShellOutput, type ShellProcess } from './shell';
import { DEFAULT_CALL_TIMEOUT_MS, DEFAULT_START_TIMEOUT_MS, type PowerShellTarget } from './powershell-target';
import { bootstrapCommand, describeStrayOutput, operationCommand, readEnvelope } from './wire';

export interface CallOptions {
  /** Overrides the target's default timeout for this call. */
  readonly timeoutMs?: number;
}

/** What the typed clients need: run one named operation with JSON-able parameters, get its value. */
export interface OperationRunner {
  run(operation: string, parameters?: object, options?: CallOptions): Promise<unknown>;
}

interface LiveShell {
  readonly shell: ProcessHandle;
  readonly info: SessionInfo;
}

interface ProcessHandle {
  readonly process: ShellProcess;
  ended: ShellExit | undefined;
  /** PowerShell's own $PID, once known; differs from the spawned process when a launcher (e.g. the dotnet tool shim) sits between. */
  powerShellPid?: number;
}

/** Ends the process, and PowerShell itself if a launcher started it as a child. */
async function terminate(handle: ProcessHandle): Promise<void> {
  await handle.process.kill(handle.ended ? undefined : handle.powerShellPid);
}

type Race = { kind: 'output'; output: ShellOutput } | { kind: 'failed'; error: unknown } | { kind: 'exited'; exit: ShellExit } | { kind: 'timeout' };

function describeExit(exit: ShellExit): string {
  const parts = [`exit code ${exit.code ?? 'none'}`, `signal ${exit.signal ?? 'none'}`];
  if (exit.stderr) parts.push(exit.stderr);
  return parts.join(', ');
}

/**
 * One persistent PowerShell process for one target. Started on first use, one call at a time, each
 * with a timeout; after a timeout or a crash the process is discarded and the next call starts a new one.
 */
export class PowerShellSession implements OperationRunner {
  private live: LiveShell | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly target: PowerShellTarget,
    private readonly startShell: ShellFactory = startNodePowerShell,
  ) {}

  /** Starts the process now (normally it starts on the first call); resolves with its identity. */
  start(): Promise<SessionInfo> {
    return this.enqueue(async () => (await this.ensureLive()).info);
  }

  run(operation: string, parameters: object = {}, options: CallOptions = {}): Promise<unknown> {
    return this.enqueue(() => this.execute(operation, parameters, options.timeoutMs ?? this.target.defaultTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS));
  }

  /** The identity of the running process, if one runs. */
  get info(): SessionInfo | undefined {
    return this.live?.info;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const live = this.live;
    this.live = undefined;
    if (live) await terminate(live.shell);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private get errorContext(): Omit<ErrorContext, 'operation'> {
    return {
      executable: this.target.executable,
      adSyncModule: this.target.adSyncModule,
      activeDirectoryModule: this.target.activeDirectoryModule ?? 'ActiveDirectory',
    };
  }

  private async execute(operation: string, parameters: object, timeoutMs: number): Promise<unknown> {
    const live = await this.ensureLive();
    const outcome = await this.race(live.shell, operationCommand(operation, parameters), timeoutMs);
    const output = await this.settle(live.shell, outcome, operation, timeoutMs, 'call');
    const reading = readEnvelope(output.stdout);
    if (reading.kind !== 'envelope') {
      const reason = reading.kind === 'missing' ? 'no result envelope was written' : reading.reason;
      throw invalidOutput(operation, reason, describeStrayOutput(`${output.stdout}\n${output.stderr}`));
    }
    if (!reading.envelope.ok) throw mapPowerShellError(reading.envelope.error, { ...this.errorContext, operation });
    return reading.envelope.value;
  }

  private async ensureLive(): Promise<LiveShell> {
    if (this.disposed) throw new AppError('CANCELLED', 'The PowerShell session has been closed.');
    if (this.live && !this.live.shell.ended) return this.live;
    this.live = undefined;

    const handle = this.spawn();
    const timeoutMs = this.target.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    const command = bootstrapCommand({
      operationsModule: this.target.operationsModule,
      adSyncModule: this.target.adSyncModule,
      activeDirectoryModule: this.target.activeDirectoryModule ?? 'ActiveDirectory',
      extraModules: this.target.extraModules ?? [],
      modulePath: (this.target.modulePath ?? []).join(delimiter),
    });
    const outcome = await this.race(handle, command, timeoutMs);
    const output = await this.settle(handle, outcome, 'start', timeoutMs, 'start');
    const reading = readEnvelope(output.stdout);
    if (reading.kind !== 'envelope') {
      await handle.process.kill();
      throw new AppError(
        'MODULE_NOT_FOUND',
        moduleGuidance('Operations'),
        `Module: ${this.target.operationsModule}\n${describeStrayOutput(`${output.stdout}\n${output.stderr}`)}`,
      );
    }
    if (!reading.envelope.ok) {
      await handle.process.kill();
      throw mapPowerShellError(reading.envelope.error, { ...this.errorContext, operation: 'start' });
    }
    const info = sessionInfoSchema.safeParse(reading.envelope.value);
    if (!info.success) {
      await handle.process.kill();
      throw invalidOutput('start', 'the session information has an unexpected shape', info.error.message);
    }
    handle.powerShellPid = info.data.processId;
    this.live = { shell: handle, info: info.data };
    return this.live;
  }

  private spawn(): ProcessHandle {
    let shell: ShellProcess;
    try {
      shell = this.startShell(this.target);
    } catch (error) {
      throw powerShellUnavailable(this.target.executable, (error as Error).message);
    }
    const handle: ProcessHandle = { process: shell, ended: undefined };
    void shell.exited.then((exit) => {
      handle.ended = exit;
      if (this.live?.shell === handle) this.live = undefined;
    });
    return handle;
  }

  private race(handle: ProcessHandle, command: string, timeoutMs: number): Promise<Race> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Race>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs);
    });
    const invocation = handle.process.invoke(command).then(
      (output): Race => ({ kind: 'output', output }),
      (error: unknown): Race => ({ kind: 'failed', error }),
    );
    const exited = handle.process.exited.then((exit): Race => ({ kind: 'exited', exit }));
    return Promise.race([invocation, exited, timeout]).finally(() => clearTimeout(timer));
  }

  /** Output of a finished invocation, or the typed error for a timeout, a crash or an executable that never ran. */
  private async settle(handle: ProcessHandle, outcome: Race, operation: string, timeoutMs: number, phase: 'start' | 'call'): Promise<ShellOutput> {
    if (outcome.kind === 'output') return outcome.output;
    if (outcome.kind === 'timeout') {
      await terminate(handle);
      throw callTimedOut(operation, timeoutMs);
    }
    // The process ended (or its invocation failed because it ended): wait for the exit to know why.
    if (outcome.kind === 'failed') await Promise.race([handle.process.exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
    const exit = outcome.kind === 'exited' ? outcome.exit : handle.ended;
    if (exit?.spawnError) throw powerShellUnavailable(this.target.executable, `${exit.spawnError.code ?? ''} ${exit.spawnError.message}`.trim());
    if (!exit) {
      await terminate(handle);
      throw sessionCrashed(operation, outcome.kind === 'failed' ? String((outcome.error as Error)?.message ?? outcome.error) : 'unknown');
    }
    if (phase === 'start' && exit.code !== null && exit.code !== 0 && exit.signal === null && (exit.code === 127 || exit.code === 9009)) {
      throw powerShellUnavailable(this.target.executable, describeExit(exit));
    }
    throw sessionCrashed(operation, describeExit(exit));
  }
}
