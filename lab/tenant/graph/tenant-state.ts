import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-file';

export const assignedLicenseSchema = z.object({
  skuId: z.string(),
  disabledPlans: z.array(z.string()),
  /** When a direct assignment last changed (its `licenseAssignmentStates` entry shows it). */
  lastUpdatedDateTime: z.string().optional(),
});
export type AssignedLicense = z.infer<typeof assignedLicenseSchema>;

/** The six error values of `licenseAssignmentState.error` (licensing-at-scale §2.1). */
export const licenseErrorSchema = z.enum([
  'CountViolation',
  'MutuallyExclusiveViolation',
  'DependencyViolation',
  'ProhibitedInUsageLocationViolation',
  'UniquenessViolation',
  'Other',
]);
export type LicenseError = z.infer<typeof licenseErrorSchema>;

/** One SKU a group gave (or tried to give) a member: a `licenseAssignmentStates` entry with `assignedByGroup`. */
export const groupLicenseEntrySchema = z.object({
  groupId: z.string(),
  skuId: z.string(),
  disabledPlans: z.array(z.string()),
  state: z.enum(['Active', 'ActiveWithError', 'Disabled', 'Error']),
  error: licenseErrorSchema.nullable(),
  lastUpdatedDateTime: z.string(),
});
export type GroupLicenseEntry = z.infer<typeof groupLicenseEntrySchema>;

/** Cloud-only properties of one user: what the tenant knows that the sync server does not. */
export const cloudUserDataSchema = z.object({
  usageLocation: z.string().nullable(),
  /** Direct assignments only; inherited ones are in `groupLicenses`. */
  assignedLicenses: z.array(assignedLicenseSchema),
  groupLicenses: z.array(groupLicenseEntrySchema).default([]),
});
export type CloudUserData = z.infer<typeof cloudUserDataSchema>;

/** A group's own licensing state: what assignLicense on the group set, and the background processing it started. */
export const groupDataSchema = z.object({
  assignedLicenses: z.array(assignedLicenseSchema).default([]),
  /** Null when settled (`ProcessingComplete`); times are epoch milliseconds. */
  processing: z.object({ queuedAt: z.number(), startsAt: z.number(), completesAt: z.number() }).nullable().default(null),
  /** User ids added with `POST /groups/{id}/members/$ref` (cloud groups only). */
  addedMembers: z.array(z.string()).default([]),
});
export type GroupData = z.infer<typeof groupDataSchema>;

export const tenantStateSchema = z.object({
  version: z.literal(1),
  /** Synchronized users, keyed by immutableId (survives the user's Graph id being re-derived). */
  syncedUsers: z.record(z.string(), cloudUserDataSchema),
  /** Cloud-only lab accounts, keyed by object id. */
  cloudUsers: z.record(z.string(), cloudUserDataSchema),
  groups: z.record(z.string(), groupDataSchema).default({}),
  /**
   * The large-tenant seed (`seedLargeLabTenant`): this many more synchronized users, more seats and the
   * Exchange Online subscriptions; null for the ordinary lab.
   */
  scale: z.object({ users: z.number().int().min(1).max(20_000) }).nullable().default(null),
});
export type TenantState = z.infer<typeof tenantStateSchema>;

export const TENANT_STATE_FILE = 'tenant-state.json';

export const EMPTY_USER_DATA: CloudUserData = { usageLocation: null, assignedLicenses: [], groupLicenses: [] };

export async function readTenantStateFile(labFolder: string): Promise<TenantState | null> {
  try {
    return tenantStateSchema.parse(JSON.parse(await readFile(path.join(labFolder, TENANT_STATE_FILE), 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function writeTenantStateFile(labFolder: string, state: TenantState): Promise<void> {
  // Compact: a large tenant's file is read and written on every change.
  await writeFileAtomic(path.join(labFolder, TENANT_STATE_FILE), `${JSON.stringify(state)}\n`);
}

/**
 * The tenant's own state file in the lab folder. Changes are made in memory (`revision` counts them) and
 * written atomically by `flush`, once per HTTP request: a `$batch` of twenty writes is saved once.
 */
export class TenantStateStore {
  private state: TenantState | null = null;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();
  /** Grows with every change: caches of values derived from the state compare it. */
  revision = 0;

  constructor(
    private readonly labFolder: string,
    private readonly initial: () => TenantState,
  ) {}

  async load(): Promise<TenantState> {
    if (this.state !== null) return this.state;
    const stored = await readTenantStateFile(this.labFolder);
    if (stored === null) {
      this.state = this.initial();
      this.dirty = true;
      await this.flush();
    } else {
      this.state = stored;
    }
    return this.state;
  }

  /** A change in memory; `flush` writes it. */
  change(mutate: (state: TenantState) => void): void {
    if (this.state === null) throw new Error('The tenant state is not loaded.');
    mutate(this.state);
    this.dirty = true;
    this.revision += 1;
  }

  /** Resolves once every write started has ended (the tenant waits for it before it closes). */
  async idle(): Promise<void> {
    await this.writing.catch(() => undefined);
  }

  /** Writes pending changes; writes are serialised so an older state never replaces a newer one. */
  async flush(): Promise<void> {
    if (!this.dirty || this.state === null) return this.writing;
    this.dirty = false;
    const text = this.state;
    this.writing = this.writing.then(() => writeTenantStateFile(this.labFolder, text));
    return this.writing;
  }
}
