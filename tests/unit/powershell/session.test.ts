import { describe, expect, it } from 'vitest';
import { PowerShellSession } from '../../../electron/clients/powershell/powershell-session';
import type { ShellExit, ShellOutput, ShellProcess } from '../../../electron/clients/powershell/shell';
import type { PowerShellTarget } from '../../../electron/clients/powershell/powershell-target';
import { ENVELOPE_END, ENVELOPE_START } from '../../../electron/clients/powershell/wire';
import type { AppError } from '../../../shared/core/errors';

const target: PowerShellTarget = { executable: 'pwsh', operationsModule: '/ops.psd1', adSyncModule: 'ADSync', defaultTimeoutMs: 200 };
const frame = (value: unknown): string => `${ENVELOPE_START}${Buffer.from(JSON.stringify(value)).toString('base64')}${ENVELOPE_END}`;

type Behaviour = (command: string, shell: FakeShell) => Promise<ShellOutput>;

/** A shell that answers the bootstrap with session info and everything else with `behaviour`. */
class FakeShell implements ShellProcess {
  readonly commands: string[] = [];
  killed = false;
  killedPowerShellPid: number | undefined;
  private endWith: (exit: ShellExit) => void = () => undefined;
  readonly exited = new Promise<ShellExit>((resolve) => {
    this.endWith = resolve;
  });

  constructor(
    readonly processId: number,
    private readonly behaviour: Behaviour,
  ) {}

  async invoke(command: string): Promise<ShellOutput> {
    this.commands.push(command);
    if (command.includes('Initialize-CwSession')) {
      return { stdout: frame({ ok: true, value: { processId: this.processId, psVersion: '7.6.9', psEdition: 'Core' } }), stderr: '' };
    }
    return this.behaviour(command, this);
  }

  async kill(powerShellPid?: number): Promise<void> {
    this.killed = true;
    this.killedPowerShellPid = powerShellPid;
    this.end({ code: null, signal: 'SIGKILL' });
  }

  end(exit: ShellExit): void {
    this.endWith(exit);
  }
}

function sessionWith(behaviour: Behaviour): { session: PowerShellSession; shells: FakeShell[] } {
  const shells: FakeShell[] = [];
  const session = new PowerShellSession(target, () => {
    const shell = new FakeShell(1000 + shells.length, behaviour);
    shells.push(shell);
    return shell;
  });
  return { session, shells };
}

const okEcho: Behaviour = async (command) => ({ stdout: frame({ ok: true, value: command.length }), stderr: '' });
const never = new Promise<never>(() => undefined);

describe('PowerShellSession', () => {
  it('starts once, lazily, and reuses the process for later calls', async () => {
    const { session, shells } = sessionWith(okEcho);
    expect(shells).toHaveLength(0);
    await session.run('GetScheduler');
    await session.run('GetScheduler');
    expect(shells).toHaveLength(1);
    expect(shells[0]?.commands.filter((command) => command.includes('Initialize-CwSession'))).toHaveLength(1);
    expect(session.info?.processId).toBe(1000);
  });

  it('runs one call at a time, in order', async () => {
    let running = 0;
    let maxRunning = 0;
    const order: string[] = [];
    const { session } = sessionWith(async (command) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(command.split("'")[1] ?? '');
      running -= 1;
      return { stdout: frame({ ok: true, value: null }), stderr: '' };
    });
    await Promise.all(['A', 'B', 'C', 'D'].map((name) => session.run(name)));
    expect(maxRunning).toBe(1);
    expect(order).toEqual(['A', 'B', 'C', 'D']);
  });

  it('fails a call that times out with TIMEOUT, kills the process and starts a new one next time', async () => {
    const { session, shells } = sessionWith(async (command) => (command.includes("'Slow'") ? never : okEcho(command, shells[0] as FakeShell)));
    const failure = (await session.run('Slow').catch((error: unknown) => error)) as AppError;
    expect(failure.code).toBe('TIMEOUT');
    expect(shells[0]?.killed).toBe(true);
    // PowerShell's own $PID is killed too, in case a launcher process sits between.
    expect(shells[0]?.killedPowerShellPid).toBe(1000);
    await expect(session.run('Fast')).resolves.toBeTypeOf('number');
    expect(shells).toHaveLength(2);
  });

  it('honours a per-call timeout', async () => {
    const { session } = sessionWith(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { stdout: frame({ ok: true, value: 'late' }), stderr: '' };
    });
    await expect(session.run('Slow', {}, { timeoutMs: 1_000 })).resolves.toBe('late');
  });

  it('fails a call whose process dies with SESSION_CRASHED and recovers on the next call', async () => {
    const { session, shells } = sessionWith(async (command, shell) => {
      if (command.includes("'Die'")) {
        shell.end({ code: null, signal: 'SIGKILL' });
        return never;
      }
      return { stdout: frame({ ok: true, value: 'fine' }), stderr: '' };
    });
    const failure = (await session.run('Die').catch((error: unknown) => error)) as AppError;
    expect(failure.code).toBe('SESSION_CRASHED');
    expect(failure.detail).toContain('SIGKILL');
    await expect(session.run('Echo')).resolves.toBe('fine');
    expect(shells).toHaveLength(2);
  });

  it('notices a process that died between calls and starts a new one silently', async () => {
    const { session, shells } = sessionWith(okEcho);
    await session.run('A');
    shells[0]?.end({ code: 1, signal: null });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(session.run('B')).resolves.toBeTypeOf('number');
    expect(shells).toHaveLength(2);
  });

  it('reports an executable that cannot start as POWERSHELL_UNAVAILABLE', async () => {
    const session = new PowerShellSession(target, () => {
      const shell = new FakeShell(1, okEcho);
      shell.invoke = async () => {
        shell.end({ code: -2, signal: null, spawnError: { code: 'ENOENT', message: 'spawn pwsh ENOENT' } });
        return never;
      };
      return shell;
    });
    const failure = (await session.run('GetScheduler').catch((error: unknown) => error)) as AppError;
    expect(failure.code).toBe('POWERSHELL_UNAVAILABLE');
    expect(failure.message).not.toContain('pwsh"');
    expect(failure.detail).toContain('Executable: pwsh');
    expect(failure.detail).toContain('ENOENT');
  });

  it('reports output without an envelope as INVALID_OUTPUT, with the stray text as detail', async () => {
    const { session } = sessionWith(async () => ({ stdout: 'WARNING: something', stderr: 'ParserError: oops' }));
    const failure = (await session.run('GetScheduler').catch((error: unknown) => error)) as AppError;
    expect(failure.code).toBe('INVALID_OUTPUT');
    expect(failure.detail).toContain('ParserError: oops');
  });

  it('refuses calls after dispose and kills the process', async () => {
    const { session, shells } = sessionWith(okEcho);
    await session.run('A');
    await session.dispose();
    expect(shells[0]?.killed).toBe(true);
    const failure = (await session.run('B').catch((error: unknown) => error)) as AppError;
    expect(failure.code).toBe('CANCELLED');
  });
});
