import type { PartitionFilter } from '../../../shared/sync-server/connectors';
import type { OuTreeModel } from './model';

/*
 * The sync server stores OU filtering as inclusion and exclusion lists per domain; the most specific entry
 * above an object decides. These turn such lists into the tree's check marks and back.
 */

/** Sets the check marks of one domain's subtree from its filter. */
export function applyFilter(model: OuTreeModel, root: number, filter: PartitionFilter): void {
  const end = root + (model.size[root] as number);
  const entries = new Map<string, boolean>();
  for (const dn of filter.containerInclusions) entries.set(dn.toLowerCase(), true);
  // On equal DNs the exclusion wins, as on the server.
  for (const dn of filter.containerExclusions) entries.set(dn.toLowerCase(), false);
  const noLists = filter.containerInclusions.length === 0 && filter.containerExclusions.length === 0;
  const decision = new Uint8Array(model.count);
  model.setOwnSelection(
    (i) => {
      const own = entries.get((model.dns[i] as string).toLowerCase());
      const parent = model.parent[i] as number;
      const inherited = i === root || parent < 0 ? noLists : decision[parent] === 1;
      const selected = filter.selected && (own ?? inherited);
      decision[i] = selected ? 1 : 0;
      return selected;
    },
    { start: root, end },
  );
  if (model.complete || !filter.selected) return;
  // The first window holds no node below the first level: an entry under a node that decides otherwise
  // makes it partly checked, as the whole tree will show it.
  for (let i = root; i < end; i++) {
    if (!model.hasChildren(i)) continue;
    const under = `,${(model.dns[i] as string).toLowerCase()}`;
    for (const [dn, included] of entries) {
      if (dn.endsWith(under) && model.indexOf(dn) < 0 && included !== (decision[i] === 1)) {
        model.markUnheldDifference(i);
        break;
      }
    }
  }
}

/** Whether new OUs created under the partly checked OUs of a domain synchronize (all of them do). */
export function syncsNewOus(model: OuTreeModel, root: number): boolean {
  const end = root + (model.size[root] as number);
  for (let i = root; i < end; i++) if (model.state(i) === 'mixed' && !model.isOwnSelected(i)) return false;
  return true;
}

/** Makes every partly checked OU of a domain take (or not take) new OUs created under it. */
export function setSyncNewOus(model: OuTreeModel, root: number, value: boolean): void {
  const end = root + (model.size[root] as number);
  const mixed: number[] = [];
  for (let i = root; i < end; i++) if (model.state(i) === 'mixed') mixed.push(i);
  const own = new Set(mixed);
  model.setOwnSelection((i) => (own.has(i) ? value : model.isOwnSelected(i)), { start: root, end });
}

/**
 * The filter for one domain's check marks. A partly checked OU keeps its own mark: if it is itself in
 * scope it is written as included with its unchecked children excluded (new OUs under it synchronize),
 * otherwise as excluded with its checked children included (new OUs under it do not).
 */
export function filterFromTree(model: OuTreeModel, root: number): PartitionFilter {
  const dn = model.dns[root] as string;
  const rootState = model.state(root);
  if (rootState === 'unchecked') return { dn, selected: false, containerInclusions: [], containerExclusions: [] };
  if (rootState === 'checked') return { dn, selected: true, containerInclusions: [dn], containerExclusions: [] };
  const containerInclusions: string[] = [];
  const containerExclusions: string[] = [];
  const rootIncluded = model.isOwnSelected(root);
  if (rootIncluded) containerInclusions.push(dn);
  else containerExclusions.push(dn);
  const walk = (node: number, parentIncluded: boolean): void => {
    const end = node + (model.size[node] as number);
    for (let child = node + 1; child < end; child += model.size[child] as number) {
      const state = model.state(child);
      const included = state === 'checked' || (state === 'mixed' && model.isOwnSelected(child));
      const childDn = model.dns[child] as string;
      if (included && !parentIncluded) containerInclusions.push(childDn);
      if (!included && parentIncluded) containerExclusions.push(childDn);
      if (state === 'mixed') walk(child, included);
    }
  };
  walk(root, rootIncluded);
  return { dn, selected: true, containerInclusions, containerExclusions };
}

const lowerSet = (values: readonly string[]): Set<string> => new Set(values.map((value) => value.toLowerCase()));

/** The entries of a domain's stored filter that name nothing in the tree (a deleted or renamed OU, a nested container...). */
export function entriesNotShown(model: OuTreeModel, filter: PartitionFilter): { readonly inclusions: string[]; readonly exclusions: string[] } {
  const notShown = (dn: string): boolean => model.indexOf(dn) < 0;
  return { inclusions: filter.containerInclusions.filter(notShown), exclusions: filter.containerExclusions.filter(notShown) };
}

/**
 * The filter to save for a domain: what its check marks say, plus every stored entry they leave standing,
 * so that a change elsewhere never drops one. Entries the tree cannot show are kept exactly as they are;
 * an entry on a node is kept while the node's own mark still agrees with it (then it changes nothing).
 * A domain that is cleared keeps its lists, for when it is selected again.
 */
export function filterToSave(model: OuTreeModel, root: number, stored: PartitionFilter): PartitionFilter {
  const computed = filterFromTree(model, root);
  if (!computed.selected) return { ...computed, containerInclusions: [...stored.containerInclusions], containerExclusions: [...stored.containerExclusions] };
  const keeps = (dn: string, included: boolean): boolean => {
    const node = model.indexOf(dn);
    return node < 0 || model.isOwnSelected(node) === included;
  };
  const merge = (own: readonly string[], kept: readonly string[]): string[] => {
    const seen = lowerSet(own);
    return [...own, ...kept.filter((dn) => !seen.has(dn.toLowerCase()))];
  };
  return {
    dn: computed.dn,
    selected: true,
    containerInclusions: merge(computed.containerInclusions, stored.containerInclusions.filter((dn) => keeps(dn, true))),
    containerExclusions: merge(computed.containerExclusions, stored.containerExclusions.filter((dn) => keeps(dn, false))),
  };
}

/**
 * A directory's filters to save, one per stored domain in its order: a domain the tree holds is written from it
 * (`filterToSave`); a domain it does not hold (its OUs are still being read) keeps the filter it has in `current`.
 */
export function partitionsToSave(tree: OuTreeModel, stored: readonly PartitionFilter[], current: readonly PartitionFilter[]): PartitionFilter[] {
  return stored.map((partition) => {
    const root = tree.roots.find((candidate) => (tree.dns[candidate] as string).toLowerCase() === partition.dn.toLowerCase());
    if (root !== undefined) return filterToSave(tree, root, partition);
    return current.find((candidate) => candidate.dn.toLowerCase() === partition.dn.toLowerCase()) ?? partition;
  });
}
