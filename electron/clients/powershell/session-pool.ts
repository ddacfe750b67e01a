import { PowerShellSession } from './powershell-session';
import type { PowerShellTarget } from './powershell-target';

/** One session per target, created on first request; disposeAll() at app exit. */
export class PowerShellSessionPool {
  private readonly sessions = new Map<string, PowerShellSession>();

  constructor(private readonly createSession: (target: PowerShellTarget) => PowerShellSession = (target) => new PowerShellSession(target)) {}

  /** The session for `targetId`, started lazily by its first call. */
  get(targetId: string, target: PowerShellTarget): PowerShellSession {
    let session = this.sessions.get(targetId);
    if (!session) {
      session = this.createSession(target);
      this.sessions.set(targetId, session);
    }
    return session;
  }

  async disposeAll(): Promise<void> {
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(sessions.map((session) => session.dispose()));
  }
}
