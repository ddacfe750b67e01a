import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** A user the lab sync server has exported to the tenant (the `cloud` section of its state file). */
export const cloudUserSchema = z.object({
  immutableId: z.string().min(1),
  objectGuid: z.string().nullable(),
  userPrincipalName: z.string().min(1),
  displayName: z.string().nullable(),
  givenName: z.string().nullable(),
  surname: z.string().nullable(),
  mail: z.string().nullable(),
  department: z.string().nullable(),
  jobTitle: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  onPremisesSamAccountName: z.string().nullable(),
  onPremisesDistinguishedName: z.string().nullable(),
  onPremisesDomainName: z.string().nullable(),
});
export type CloudUser = z.infer<typeof cloudUserSchema>;

export const cloudSectionSchema = z.object({
  lastExportTimeUtc: z.iso.datetime({ offset: true }).nullable(),
  users: z.array(cloudUserSchema),
  pendingExport: z
    .object({
      completesAtUtc: z.iso.datetime({ offset: true }),
      users: z.array(cloudUserSchema),
    })
    .nullable(),
});
export type CloudSection = z.infer<typeof cloudSectionSchema>;

/** Only the `cloud` section matters here; the rest of the sync server's state is its own business. */
const syncServerStateSchema = z.object({ cloud: cloudSectionSchema });

export const SYNC_SERVER_STATE_FILE = 'sync-server-state.json';

/** The tenant's view of the synchronized directory at a moment in time. */
export interface SyncedDirectory {
  users: CloudUser[];
  /** ISO time of the last completed export, or null if the tenant was never synchronized. */
  lastSyncDateTime: string | null;
}

/** A pending export counts as applied once its completion time has passed. */
export function effectiveDirectory(cloud: CloudSection | null, now: Date): SyncedDirectory {
  if (cloud === null) return { users: [], lastSyncDateTime: null };
  const pending = cloud.pendingExport;
  if (pending !== null && now.getTime() >= Date.parse(pending.completesAtUtc)) {
    return { users: pending.users, lastSyncDateTime: normalizeIso(pending.completesAtUtc) };
  }
  return { users: cloud.users, lastSyncDateTime: cloud.lastExportTimeUtc === null ? null : normalizeIso(cloud.lastExportTimeUtc) };
}

/** Graph prints DateTimeOffset values in UTC without fractions: `2025-05-01T10:31:52Z`. */
function normalizeIso(value: string): string {
  return `${new Date(value).toISOString().slice(0, 19)}Z`;
}

/**
 * Reads the lab sync server's state file, re-parsing only when it changed. A missing file means
 * nothing was ever exported; an unreadable one keeps the last good state (the writer replaces it
 * atomically, so that is a momentary condition or a bug reported once on stderr).
 */
export class SyncStateReader {
  private cached: { mtimeMs: number; size: number; cloud: CloudSection } | null = null;
  private lastProblem: string | null = null;

  constructor(
    private readonly labFolder: string,
    private readonly report: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
  ) {}

  async read(): Promise<CloudSection | null> {
    const file = path.join(this.labFolder, SYNC_SERVER_STATE_FILE);
    let info;
    try {
      info = await stat(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.cached = null;
        return null;
      }
      throw error;
    }
    if (this.cached !== null && this.cached.mtimeMs === info.mtimeMs && this.cached.size === info.size) return this.cached.cloud;
    try {
      const parsed = syncServerStateSchema.parse(JSON.parse(await readFile(file, 'utf8')));
      this.cached = { mtimeMs: info.mtimeMs, size: info.size, cloud: parsed.cloud };
      this.lastProblem = null;
      return parsed.cloud;
    } catch (error) {
      const problem = `lab tenant: ignoring unreadable ${SYNC_SERVER_STATE_FILE}: ${error instanceof Error ? error.message : String(error)}`;
      if (problem !== this.lastProblem) this.report(problem);
      this.lastProblem = problem;
      return this.cached?.cloud ?? null;
    }
  }
}
