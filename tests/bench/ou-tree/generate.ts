import type { OuInput } from '../../../renderer/components/ou-tree/model';

export const bulkOuDn = 'OU=Bulk,DC=contoso,DC=com';

/**
 * A 50,000-OU forest shaped like the lab's generator (four domains; regions > sites > teams), plus one
 * OU with 1,000 children for the expand benchmark.
 */
export function generateForest(total = 50_000): { roots: OuInput[]; ous: OuInput[] } {
  const domains = ['contoso.com', 'region1.contoso.com', 'region2.contoso.com', 'region3.contoso.com'];
  const roots = domains.map((name) => ({ name, dn: name.split('.').map((part) => `DC=${part}`).join(',') }));
  const ous: OuInput[] = [{ name: 'Bulk', dn: bulkOuDn }];
  for (let i = 0; i < 1000; i++) ous.push({ name: `Item ${String(i).padStart(4, '0')}`, dn: `OU=Item ${String(i).padStart(4, '0')},${bulkOuDn}` });
  const perDomain = Math.floor((total - ous.length) / domains.length);
  roots.forEach((root, index) => {
    const target = ous.length + perDomain + (index === domains.length - 1 ? total - ous.length - perDomain * domains.length : 0);
    for (let region = 0; ous.length < target; region++) {
      const regionDn = `OU=Region ${region},${root.dn}`;
      ous.push({ name: `Region ${region}`, dn: regionDn });
      for (let site = 1; site <= 25 && ous.length < target; site++) {
        const siteDn = `OU=Site ${site},${regionDn}`;
        ous.push({ name: `Site ${site}`, dn: siteDn });
        for (let team = 1; team <= 4 && ous.length < target; team++) ous.push({ name: `Team ${team}`, dn: `OU=Team ${team},${siteDn}` });
      }
    }
  });
  return { roots, ous };
}
