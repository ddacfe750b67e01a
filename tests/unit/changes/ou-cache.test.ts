import { describe, expect, it } from 'vitest';
import type { OrganizationalUnits } from '../../../shared/changes/directories';
import { OrganizationalUnitCache } from '../../../electron/services/changes/ou-cache';

const domain = 'DC=contoso,DC=com';
const reader = () => {
  let reads = 0;
  return {
    get reads() {
      return reads;
    },
    read: async (): Promise<OrganizationalUnits> => {
      reads += 1;
      return { partitionDn: domain, ous: [{ name: `Read ${reads}`, dn: `OU=Read ${reads},${domain}`, kind: 'organizationalUnit' }] };
    },
  };
};

describe('the OUs read once per session', () => {
  it('reads a domain once, whatever the DN case, and again on Refresh', async () => {
    const cache = new OrganizationalUnitCache();
    const source = reader();
    expect((await cache.get('contoso.com', domain, source.read)).ous[0]?.name).toBe('Read 1');
    expect((await cache.get('contoso.com', domain.toUpperCase(), source.read)).ous[0]?.name).toBe('Read 1');
    expect((await cache.get('contoso.com', domain, source.read, true)).ous[0]?.name).toBe('Read 2');
    expect((await cache.get('contoso.com', domain, source.read)).ous[0]?.name).toBe('Read 2');
    expect(source.reads).toBe(2);
  });

  it('does not keep a failed read', async () => {
    const cache = new OrganizationalUnitCache();
    const source = reader();
    await expect(cache.get('contoso.com', domain, () => Promise.reject(new Error('The server is down')))).rejects.toThrow('down');
    expect((await cache.get('contoso.com', domain, source.read)).ous[0]?.name).toBe('Read 1');
  });

  it('reads a forest again after a plan that changed its filtering, and only that forest', async () => {
    const cache = new OrganizationalUnitCache();
    const contoso = reader();
    const fabrikam = reader();
    await cache.get('contoso.com', domain, contoso.read);
    await cache.get('fabrikam.com', 'DC=fabrikam,DC=com', fabrikam.read);
    cache.invalidateAfter({ steps: [{ id: 's1', kind: 'pauseSyncCycles', title: 'Pause', details: [] }] });
    await cache.get('contoso.com', domain, contoso.read);
    expect(contoso.reads).toBe(1);
    cache.invalidateAfter({ steps: [{ id: 's2', kind: 'setPartitionFilters', title: 'Filter', details: [], connectorName: 'contoso.com', partitions: [] }] });
    await cache.get('contoso.com', domain, contoso.read);
    await cache.get('fabrikam.com', 'DC=fabrikam,DC=com', fabrikam.read);
    expect([contoso.reads, fabrikam.reads]).toEqual([2, 1]);
  });
});
