import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/core/errors';

/*
 * One change plan at a time per sync server, whichever administrator, session or app instance starts it.
 * The lock is a file created exclusively (O_EXCL) in the machine-wide folder: the lab folder in the lab,
 * the administrators-only state folder under %ProgramData% on a server. A lock whose process is gone is
 * stale; the caller puts the scheduler it guarded back before it plans anything.
 */

export const lockFileName = 'change-plan.lock';

const ownerSchema = z.object({ pid: z.number().int(), host: z.string(), startedAtUtc: z.string(), planId: z.string() });
export type LockOwner = z.infer<typeof ownerSchema>;

export const lockPath = (folder: string): string => path.join(folder, lockFileName);

/** A lock file another process is writing right now may be empty for a moment: not stale before this. */
const HALF_WRITTEN_GRACE_MS = 10_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another account (another administrator's elevated app).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

async function createExclusive(file: string, owner: LockOwner): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(JSON.stringify(owner), 'utf8');
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    return ownerSchema.safeParse(JSON.parse(text)).data ?? null;
  } catch {
    return null;
  }
}

type Holder = { readonly state: 'live'; readonly owner: LockOwner | null } | { readonly state: 'stale'; readonly text: string } | { readonly state: 'gone' };

async function readHolder(file: string, now: Date): Promise<Holder> {
  let text: string;
  let writtenAt: number;
  try {
    text = await readFile(file, 'utf8');
    writtenAt = (await stat(file)).mtimeMs;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { state: 'gone' };
    throw error;
  }
  const owner = parseOwner(text);
  // A half-written lock is judged by its age.
  if (owner === null) {
    return now.getTime() - writtenAt < HALF_WRITTEN_GRACE_MS ? { state: 'live', owner } : { state: 'stale', text };
  }
  // Another host cannot be checked: held until that host frees it.
  if (owner.host !== hostname() || isAlive(owner.pid)) return { state: 'live', owner };
  return { state: 'stale', text };
}

function heldError(owner: LockOwner | null): AppError {
  const since = owner ? ` It started at ${new Date(owner.startedAtUtc).toLocaleString()}.` : '';
  return new AppError(
    'PLAN_IN_PROGRESS',
    `Another administrator or another window of this wizard is changing this sync server's configuration.${since} Nothing was changed. Wait until it finishes, then select Configure again.`,
    owner ? `pid ${owner.pid} on ${owner.host}, plan ${owner.planId}` : undefined,
  );
}

/** A held plan lock; release removes the file if it is still this one. */
export interface PlanLock {
  readonly owner: LockOwner;
  release(): Promise<void>;
}

/**
 * Takes the machine-wide plan lock or throws PLAN_IN_PROGRESS. A stale lock is moved aside atomically
 * (rename), so of two processes taking over the same stale lock only one gets it.
 */
export async function acquirePlanLock(folder: string, planId: string, now: () => Date = () => new Date()): Promise<PlanLock> {
  await mkdir(folder, { recursive: true });
  const file = lockPath(folder);
  const owner: LockOwner = { pid: process.pid, host: hostname(), startedAtUtc: now().toISOString(), planId };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createExclusive(file, owner)) {
      return {
        owner,
        release: async () => {
          const current = await readFile(file, 'utf8').catch(() => null);
          if (current === JSON.stringify(owner)) await rm(file, { force: true });
        },
      };
    }
    const holder = await readHolder(file, now());
    if (holder.state === 'live') throw heldError(holder.owner);
    if (holder.state === 'gone') continue;
    const aside = `${file}.stale-${randomUUID()}`;
    try {
      await rename(file, aside);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') continue;
      throw error;
    }
    const moved = await readFile(aside, 'utf8');
    if (moved !== holder.text) {
      // Another process took the stale lock over between our read and our rename: give its lock back.
      await link(aside, file).catch(() => undefined);
      await rm(aside, { force: true });
      throw heldError(parseOwner(moved));
    }
    await rm(aside, { force: true });
  }
  throw heldError(null);
}

/** Who holds the lock now (a live process), or null when nobody does or its holder is gone. */
export async function liveLockOwner(folder: string, now: Date = new Date()): Promise<LockOwner | null | 'unknown'> {
  const holder = await readHolder(lockPath(folder), now);
  return holder.state === 'live' ? (holder.owner ?? 'unknown') : null;
}
