import { describe, expect, it } from 'vitest';
import { applyFilter, entriesNotShown, filterFromTree, filterToSave, partitionsToSave, setSyncNewOus, syncsNewOus } from '../../../renderer/components/ou-tree/filter';
import { OuTreeModel, parentDn } from '../../../renderer/components/ou-tree/model';

const root = { name: 'contoso.com', dn: 'DC=contoso,DC=com' };
const ou = (path: string): { name: string; dn: string } => {
  const parts = path.split('/');
  return { name: parts.at(-1) as string, dn: `${parts.reverse().map((part) => `OU=${part}`).join(',')},DC=contoso,DC=com` };
};
const contoso = () =>
  new OuTreeModel([root], [ou('CORP/Users/Sales'), ou('CORP'), ou('CORP/Users'), ou('CORP/Groups'), ou('Staging'), ou('Contractors'), ou('Domain Controllers')]);

describe('OuTreeModel', () => {
  it('splits DNs at unescaped commas', () => {
    expect(parentDn('OU=Smith\\, John,OU=CORP,DC=contoso,DC=com')).toBe('OU=CORP,DC=contoso,DC=com');
    expect(parentDn('DC=com')).toBeNull();
  });

  it('orders nodes depth first with children sorted by name, and knows levels, set sizes and positions', () => {
    const model = contoso();
    expect(model.names).toEqual(['contoso.com', 'Contractors', 'CORP', 'Groups', 'Users', 'Sales', 'Domain Controllers', 'Staging']);
    const corp = model.indexOf('OU=CORP,DC=contoso,DC=com');
    expect([model.depth[corp], model.size[corp], model.childCount[corp], model.posInSet[corp], model.setSize[corp]]).toEqual([1, 4, 2, 2, 4]);
  });

  it('shows collapsed subtrees as one row, and filters by name keeping the ancestors', () => {
    const model = contoso();
    const expanded = new Uint8Array(model.count);
    expect([...model.visibleRows(expanded)].map((i) => model.names[i])).toEqual(['contoso.com']);
    expanded[0] = 1;
    expect(model.visibleRows(expanded)).toHaveLength(5);
    expect([...model.filteredRows('sal')].map((i) => model.names[i])).toEqual(['contoso.com', 'CORP', 'Users', 'Sales']);
  });

  it('checks a subtree and makes its ancestors mixed', () => {
    const model = contoso();
    const users = model.indexOf('OU=Users,OU=CORP,DC=contoso,DC=com');
    model.toggle(users);
    expect([model.state(users), model.state(model.indexOf('OU=Sales,OU=Users,OU=CORP,DC=contoso,DC=com')), model.state(0)]).toEqual(['checked', 'checked', 'mixed']);
    model.toggle(0);
    expect(model.state(0)).toBe('checked');
    model.toggle(0);
    expect(model.state(0)).toBe('unchecked');
  });
});

describe('OU filter and tree check marks', () => {
  it('reads the Contoso filter (only CORP) and writes the same lists back', () => {
    const model = contoso();
    const filter = { dn: root.dn, selected: true, containerInclusions: ['OU=CORP,DC=contoso,DC=com'], containerExclusions: ['DC=contoso,DC=com'] };
    applyFilter(model, 0, filter);
    expect(model.state(0)).toBe('mixed');
    expect(model.state(model.indexOf('OU=CORP,DC=contoso,DC=com'))).toBe('checked');
    expect(model.state(model.indexOf('OU=Staging,DC=contoso,DC=com'))).toBe('unchecked');
    expect(syncsNewOus(model, 0)).toBe(false);
    expect(filterFromTree(model, 0)).toEqual(filter);
  });

  it('excludes an unchecked OU under a checked parent, so new OUs beside it still synchronize', () => {
    const model = contoso();
    applyFilter(model, 0, { dn: root.dn, selected: true, containerInclusions: ['OU=CORP,DC=contoso,DC=com'], containerExclusions: ['DC=contoso,DC=com'] });
    model.toggle(model.indexOf('OU=Groups,OU=CORP,DC=contoso,DC=com'));
    expect(filterFromTree(model, 0)).toEqual({
      dn: root.dn,
      selected: true,
      containerInclusions: ['OU=CORP,DC=contoso,DC=com'],
      containerExclusions: [root.dn, 'OU=Groups,OU=CORP,DC=contoso,DC=com'],
    });
    expect(syncsNewOus(model, 0)).toBe(false);
  });

  it('writes partly checked OUs as excluded with their checked children included when new OUs must not synchronize', () => {
    const model = contoso();
    applyFilter(model, 0, { dn: root.dn, selected: true, containerInclusions: [root.dn], containerExclusions: [] });
    model.toggle(model.indexOf('OU=Groups,OU=CORP,DC=contoso,DC=com'));
    expect(syncsNewOus(model, 0)).toBe(true);
    expect(filterFromTree(model, 0)).toEqual({ dn: root.dn, selected: true, containerInclusions: [root.dn], containerExclusions: ['OU=Groups,OU=CORP,DC=contoso,DC=com'] });
    setSyncNewOus(model, 0, false);
    expect(syncsNewOus(model, 0)).toBe(false);
    expect(filterFromTree(model, 0)).toEqual({
      dn: root.dn,
      selected: true,
      containerInclusions: ['OU=Contractors,DC=contoso,DC=com', 'OU=Users,OU=CORP,DC=contoso,DC=com', 'OU=Domain Controllers,DC=contoso,DC=com', 'OU=Staging,DC=contoso,DC=com'],
      containerExclusions: [root.dn],
    });
  });

  it('treats an unselected domain as unchecked and empty lists as everything', () => {
    const model = contoso();
    applyFilter(model, 0, { dn: root.dn, selected: false, containerInclusions: [root.dn], containerExclusions: [] });
    expect(model.state(0)).toBe('unchecked');
    expect(filterFromTree(model, 0)).toEqual({ dn: root.dn, selected: false, containerInclusions: [], containerExclusions: [] });
    applyFilter(model, 0, { dn: root.dn, selected: true, containerInclusions: [], containerExclusions: [] });
    expect(model.state(0)).toBe('checked');
  });

  it('handles 50,000 OUs quickly enough to stay interactive', () => {
    const ous = [];
    for (let r = 0; r < 50; r++) {
      ous.push(ou(`Region ${r}`));
      for (let s = 0; s < 999; s++) ous.push(ou(`Region ${r}/Site ${s}`));
    }
    const started = performance.now();
    const model = new OuTreeModel([root], ous);
    applyFilter(model, 0, { dn: root.dn, selected: true, containerInclusions: [root.dn], containerExclusions: [] });
    model.toggle(model.indexOf('OU=Region 7,DC=contoso,DC=com'));
    const rows = model.filteredRows('site 99');
    expect(model.count).toBe(50_001);
    expect(rows.length).toBeGreaterThan(50);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('saving a domain filter without rewriting what the tree does not show', () => {
  const container = (name: string) => ({ name, dn: `CN=${name},DC=contoso,DC=com` });
  // The contoso-current domain: containers beside the OUs; the stored filter also excludes an OU deleted since.
  const current = () =>
    new OuTreeModel([root], [container('Users'), container('Computers'), container('Builtin'), ou('CORP'), ou('CORP/Users'), ou('Contractors'), ou('Staging')]);
  const stored = {
    dn: root.dn,
    selected: true,
    containerInclusions: [root.dn],
    containerExclusions: ['CN=Computers,DC=contoso,DC=com', 'OU=Legacy,DC=contoso,DC=com'],
  };

  it('shows the containers as nodes and lists the entries it cannot show', () => {
    const model = current();
    applyFilter(model, 0, stored);
    expect(model.state(model.indexOf('CN=Computers,DC=contoso,DC=com'))).toBe('unchecked');
    expect(model.state(model.indexOf('CN=Users,DC=contoso,DC=com'))).toBe('checked');
    expect(entriesNotShown(model, stored)).toEqual({ inclusions: [], exclusions: ['OU=Legacy,DC=contoso,DC=com'] });
  });

  it('writes the stored filter back unchanged, and keeps CN=Computers and the deleted OU excluded when another OU is cleared', () => {
    const model = current();
    applyFilter(model, 0, stored);
    expect(filterToSave(model, 0, stored)).toEqual(stored);
    model.toggle(model.indexOf('OU=Contractors,DC=contoso,DC=com'));
    expect(filterToSave(model, 0, stored)).toEqual({
      ...stored,
      containerExclusions: ['CN=Computers,DC=contoso,DC=com', 'OU=Contractors,DC=contoso,DC=com', 'OU=Legacy,DC=contoso,DC=com'],
    });
  });

  it('keeps a redundant stored entry while it agrees, drops one the administrator overrode, and keeps the lists of a cleared domain', () => {
    const model = current();
    const redundant = { ...stored, containerInclusions: [root.dn, 'OU=CORP,DC=contoso,DC=com'] };
    applyFilter(model, 0, redundant);
    expect(filterToSave(model, 0, redundant).containerInclusions).toEqual([root.dn, 'OU=CORP,DC=contoso,DC=com']);
    model.toggle(model.indexOf('CN=Computers,DC=contoso,DC=com'));
    expect(filterToSave(model, 0, redundant).containerExclusions).toEqual(['OU=Legacy,DC=contoso,DC=com']);
    model.setSubtree(0, false);
    expect(filterToSave(model, 0, redundant)).toEqual({ ...redundant, selected: false });
  });
});

describe('saving a directory while some of its domains are still being read', () => {
  const region = { name: 'region1.contoso.com', dn: 'DC=region1,DC=contoso,DC=com' };
  const contosoStored = { dn: root.dn, selected: true, containerInclusions: ['OU=CORP,DC=contoso,DC=com'], containerExclusions: [] };
  // Partly synchronized: the domain itself is not included, one OU under it is.
  const regionStored = { dn: region.dn, selected: true, containerInclusions: ['OU=Sales,DC=region1,DC=contoso,DC=com'], containerExclusions: [] };
  const regionEdited = { ...regionStored, containerInclusions: ['OU=Sales,DC=region1,DC=contoso,DC=com', 'OU=Support,DC=region1,DC=contoso,DC=com'] };

  it('writes the domains the tree holds from it and keeps the draft filter of a domain not read yet', () => {
    const model = contoso();
    applyFilter(model, 0, contosoStored);
    model.toggle(model.indexOf('OU=Staging,DC=contoso,DC=com'));
    const saved = partitionsToSave(model, [contosoStored, regionStored], [contosoStored, regionEdited]);
    expect(saved).toEqual([filterToSave(model, 0, contosoStored), regionEdited]);
    expect(saved[0]?.containerInclusions).toEqual(['OU=CORP,DC=contoso,DC=com', 'OU=Staging,DC=contoso,DC=com']);
    // With no draft filter for it yet, the stored one.
    expect(partitionsToSave(model, [contosoStored, regionStored], [])[1]).toEqual(regionStored);
  });

  it('would write a held domain with none of its OUs as not synchronized: why a domain not read yet is left out of the tree', () => {
    const model = new OuTreeModel([root, region], [ou('CORP'), ou('Staging')]);
    applyFilter(model, 0, contosoStored);
    applyFilter(model, model.roots[1] as number, regionStored);
    expect(partitionsToSave(model, [contosoStored, regionStored], [contosoStored, regionStored])[1]).not.toEqual(regionStored);
  });
});
