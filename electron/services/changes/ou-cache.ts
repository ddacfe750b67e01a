import type { OrganizationalUnits } from '../../../shared/changes/directories';
import type { ChangePlan } from '../../../shared/changes/plan';

/**
 * The OUs of each domain, read once per session: reading a 50,000-OU forest through PowerShell takes
 * seconds, and the OUs seldom change while the wizard is open. The page's Refresh reads a domain again;
 * a plan that changed a forest's filtering drops that forest's entries. A failed read is not kept.
 */
export class OrganizationalUnitCache {
  private readonly entries = new Map<string, { connectorName: string; read: Promise<OrganizationalUnits> }>();

  private static key(connectorName: string, partitionDn: string): string {
    return `${connectorName}\n${partitionDn.toLowerCase()}`;
  }

  /** The cached OUs of a domain, or `read()`'s (always `read()`'s when `refresh`). */
  get(connectorName: string, partitionDn: string, read: () => Promise<OrganizationalUnits>, refresh = false): Promise<OrganizationalUnits> {
    const key = OrganizationalUnitCache.key(connectorName, partitionDn);
    const cached = this.entries.get(key);
    if (cached && !refresh) return cached.read;
    const entry = { connectorName, read: read() };
    this.entries.set(key, entry);
    entry.read.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.read;
  }

  /** After a plan ran (even in part): the forests whose filtering it changes are read again next time. */
  invalidateAfter(plan: Pick<ChangePlan, 'steps'>): void {
    const changed = new Set(plan.steps.flatMap((step) => (step.kind === 'setPartitionFilters' ? [step.connectorName] : [])));
    if (changed.size === 0) return;
    for (const [key, entry] of this.entries) if (changed.has(entry.connectorName)) this.entries.delete(key);
  }
}
