import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-file';

export const assignedLicenseSchema = z.object({ skuId: z.string(), disabledPlans: z.array(z.string()) });
export type AssignedLicense = z.infer<typeof assignedLicenseSchema>;

/** Cloud-only properties of one user: what the tenant knows that the sync server does not. */
export const cloudUserDataSchema = z.object({
  usageLocation: z.string().nullable(),
  assignedLicenses: z.array(assignedLicenseSchema),
});
export type CloudUserData = z.infer<typeof cloudUserDataSchema>;

export const tenantStateSchema = z.object({
  version: z.literal(1),
  /** Synchronized users, keyed by immutableId (survives the user's Graph id being re-derived). */
  syncedUsers: z.record(z.string(), cloudUserDataSchema),
  /** Cloud-only lab accounts, keyed by object id. */
  cloudUsers: z.record(z.string(), cloudUserDataSchema),
});
export type TenantState = z.infer<typeof tenantStateSchema>;

export const TENANT_STATE_FILE = 'tenant-state.json';

export const EMPTY_USER_DATA: CloudUserData = { usageLocation: null, assignedLicenses: [] };

/** The tenant's own state file in the lab folder; every change is written atomically. */
export class TenantStateStore {
  private state: TenantState | null = null;

  constructor(
    private readonly labFolder: string,
    private readonly initial: () => TenantState,
  ) {}

  private get file(): string {
    return path.join(this.labFolder, TENANT_STATE_FILE);
  }

  async load(): Promise<TenantState> {
    if (this.state !== null) return this.state;
    try {
      this.state = tenantStateSchema.parse(JSON.parse(await readFile(this.file, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.state = this.initial();
      await this.save();
    }
    return this.state;
  }

  async update(change: (state: TenantState) => void): Promise<void> {
    const state = await this.load();
    change(state);
    await this.save();
  }

  private async save(): Promise<void> {
    if (this.state === null) return;
    await writeFileAtomic(this.file, `${JSON.stringify(this.state, null, 2)}\n`);
  }
}
