import { describe, expect, it } from 'vitest';
import { applyFilter } from '../../../renderer/components/ou-tree/filter';
import { buildOuTreeModel, OuTreeModel } from '../../../renderer/components/ou-tree/model';

const root = { name: 'contoso.com', dn: 'DC=contoso,DC=com' };
const ou = (path: string): { name: string; dn: string } => {
  const parts = path.split('/');
  return { name: parts.at(-1) as string, dn: `${parts.reverse().map((part) => `OU=${part}`).join(',')},DC=contoso,DC=com` };
};
const ous = [ou('CORP/Users/Sales'), ou('CORP'), ou('CORP/Users'), ou('Staging'), { name: 'Smith, John', dn: 'OU=Smith\\, John,DC=contoso,DC=com' }, ou('Staging/Old')];
const filter = { dn: root.dn, selected: true, containerInclusions: [root.dn], containerExclusions: ['OU=Sales,OU=Users,OU=CORP,DC=contoso,DC=com'] };

describe('the first window of the OU tree', () => {
  it('holds the domains and their first level, sorted, each knowing whether it has children', () => {
    const first = OuTreeModel.firstLevel([root], ous);
    expect(first.complete).toBe(false);
    expect(first.names).toEqual(['contoso.com', 'CORP', 'Smith, John', 'Staging']);
    expect(first.names.map((_, i) => first.hasChildren(i))).toEqual([true, true, false, true]);
    expect([first.setSize[1], first.posInSet[3]]).toEqual([3, 3]);
  });

  it('shows an OU partly checked when an entry below the first level decides otherwise, as the whole tree does', () => {
    const first = OuTreeModel.firstLevel([root], ous);
    applyFilter(first, 0, filter);
    const whole = new OuTreeModel([root], ous);
    applyFilter(whole, 0, filter);
    for (const dn of ['DC=contoso,DC=com', 'OU=CORP,DC=contoso,DC=com', 'OU=Staging,DC=contoso,DC=com']) {
      expect(first.state(first.indexOf(dn))).toBe(whole.state(whole.indexOf(dn)));
    }
    expect(first.state(first.indexOf('OU=CORP,DC=contoso,DC=com'))).toBe('mixed');
  });
});

describe('building the whole index in slices', () => {
  it('gives the same tree as building it at once, handing the event loop back in between', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ou(`Region ${i % 40}/Site ${i}`)).concat(Array.from({ length: 40 }, (_, i) => ou(`Region ${i}`)));
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const built = await buildOuTreeModel([root], many, { sliceMs: 1 });
    clearInterval(ticking);
    const atOnce = new OuTreeModel([root], many);
    expect(built.complete).toBe(true);
    expect(built.dns).toEqual(atOnce.dns);
    expect([...built.size]).toEqual([...atOnce.size]);
    expect(turns).toBeGreaterThan(0);
  });

  it('stops when its page is left', async () => {
    const controller = new AbortController();
    const building = buildOuTreeModel([root], ous, { signal: controller.signal });
    controller.abort();
    await expect(building).rejects.toThrow(/abort/i);
  });
});
