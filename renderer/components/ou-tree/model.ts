/*
 * The OU tree as flat typed arrays in preorder, so a 50,000-OU forest costs a few arrays, a subtree is a
 * contiguous range (i .. i + size[i]), and checking a node touches its subtree and its ancestors only.
 */

export interface OuInput {
  readonly name: string;
  readonly dn: string;
}

export type CheckState = 'checked' | 'unchecked' | 'mixed';

/** The parent DN: everything after the first comma that is not escaped. */
export function parentDn(dn: string): string | null {
  for (let i = 0; i < dn.length; i++) {
    if (dn[i] === '\\') i++;
    else if (dn[i] === ',') return dn.slice(i + 1);
  }
  return null;
}

export class OuTreeModel {
  readonly count: number;
  readonly names: string[];
  readonly dns: string[];
  readonly lowerNames: string[];
  readonly parent: Int32Array;
  readonly depth: Uint16Array;
  /** Nodes in the subtree, the node included. */
  readonly size: Int32Array;
  readonly childCount: Int32Array;
  readonly posInSet: Int32Array;
  readonly setSize: Int32Array;
  /** The roots (domains), as node indexes. */
  readonly roots: number[];
  private readonly own: Uint8Array;
  private readonly selectedCount: Int32Array;
  private readonly indexByDn = new Map<string, number>();

  /** `roots` are the domains; each OU hangs under its nearest ancestor in the input, else under its domain. */
  constructor(roots: readonly OuInput[], ous: readonly OuInput[]) {
    const all = roots.length === 0 ? ous : ous.length === 0 ? roots : [...roots, ...ous];
    const n = all.length;
    const keys = new Array<string>(n);
    const inputIndex = new Map<string, number>();
    for (let index = 0; index < n; index++) {
      const key = (all[index] as OuInput).dn.toLowerCase();
      keys[index] = key;
      if (!inputIndex.has(key)) inputIndex.set(key, index);
    }
    // Parents first, then the children of each node as one flat array (CSR): no array per node.
    const inputParent = new Int32Array(n).fill(-1);
    const childTotals = new Int32Array(n + 1);
    const topLevel: number[] = [];
    for (let index = 0; index < n; index++) {
      if (index < roots.length) {
        topLevel.push(index);
        continue;
      }
      if (inputIndex.get(keys[index] as string) !== index) continue;
      let up = parentDn(keys[index] as string);
      let found: number | undefined;
      while (up !== null && (found = inputIndex.get(up)) === undefined) up = parentDn(up);
      if (found === undefined) continue;
      inputParent[index] = found;
      childTotals[found + 1] = (childTotals[found + 1] as number) + 1;
    }
    for (let i = 0; i < n; i++) childTotals[i + 1] = (childTotals[i + 1] as number) + (childTotals[i] as number);
    const childStart = childTotals;
    const fill = childStart.slice(0, n);
    const childList = new Int32Array(childStart[n] as number);
    for (let index = 0; index < n; index++) {
      const p = inputParent[index] as number;
      if (p >= 0) childList[fill[p]!++] = index;
    }
    const lower = new Array<string>(n);
    for (let index = 0; index < n; index++) lower[index] = (all[index] as OuInput).name.toLowerCase();
    const byName = (a: number, b: number): number => (lower[a]! < lower[b]! ? -1 : lower[a]! > lower[b]! ? 1 : a - b);
    for (let p = 0; p < n; p++) {
      const from = childStart[p] as number;
      const to = childStart[p + 1] as number;
      if (to - from > 1) childList.subarray(from, to).sort(byName);
    }

    // Preorder with an explicit stack (the forest may be deep).
    const order = new Int32Array(n);
    let count = 0;
    const stack: number[] = [];
    for (let i = topLevel.length - 1; i >= 0; i--) stack.push(topLevel[i] as number);
    while (stack.length > 0) {
      const node = stack.pop() as number;
      order[count++] = node;
      for (let c = (childStart[node + 1] as number) - 1; c >= (childStart[node] as number); c--) stack.push(childList[c] as number);
    }
    const position = new Int32Array(n).fill(-1);
    for (let i = 0; i < count; i++) position[order[i] as number] = i;

    this.count = count;
    this.names = new Array<string>(count);
    this.dns = new Array<string>(count);
    this.lowerNames = new Array<string>(count);
    this.parent = new Int32Array(count);
    this.depth = new Uint16Array(count);
    this.size = new Int32Array(count).fill(1);
    this.childCount = new Int32Array(count);
    this.posInSet = new Int32Array(count);
    this.setSize = new Int32Array(count);
    const nextPosition = new Int32Array(count);
    let rootPosition = 0;
    for (let i = 0; i < count; i++) {
      const original = order[i] as number;
      const item = all[original] as OuInput;
      this.names[i] = item.name;
      this.dns[i] = item.dn;
      this.lowerNames[i] = lower[original] as string;
      this.indexByDn.set(keys[original] as string, i);
      const up = inputParent[original] as number;
      this.childCount[i] = (childStart[original + 1] as number) - (childStart[original] as number);
      if (up >= 0) {
        const p = position[up] as number;
        this.parent[i] = p;
        this.depth[i] = (this.depth[p] as number) + 1;
        this.setSize[i] = this.childCount[p] as number;
        nextPosition[p] = (nextPosition[p] as number) + 1;
        this.posInSet[i] = nextPosition[p] as number;
      } else {
        this.parent[i] = -1;
        this.setSize[i] = topLevel.length;
        this.posInSet[i] = ++rootPosition;
      }
    }
    for (let i = count - 1; i >= 0; i--) {
      const p = this.parent[i] as number;
      if (p >= 0) this.size[p] = (this.size[p] as number) + (this.size[i] as number);
    }
    this.roots = [];
    for (let i = 0; i < count; i++) if (this.parent[i] === -1) this.roots.push(i);
    this.own = new Uint8Array(count);
    this.selectedCount = new Int32Array(count);
  }

  indexOf(dn: string): number {
    return this.indexByDn.get(dn.toLowerCase()) ?? -1;
  }

  state(i: number): CheckState {
    const selected = this.selectedCount[i] as number;
    if (selected === 0) return 'unchecked';
    return selected === this.size[i] ? 'checked' : 'mixed';
  }

  isOwnSelected(i: number): boolean {
    return this.own[i] === 1;
  }

  /** Checks or unchecks a node and everything under it. */
  setSubtree(i: number, selected: boolean): void {
    const end = i + (this.size[i] as number);
    const before = this.selectedCount[i] as number;
    const value = selected ? 1 : 0;
    for (let j = i; j < end; j++) {
      this.own[j] = value;
      this.selectedCount[j] = selected ? (this.size[j] as number) : 0;
    }
    const delta = (this.selectedCount[i] as number) - before;
    for (let p = this.parent[i] as number; p >= 0; p = this.parent[p] as number) this.selectedCount[p] = (this.selectedCount[p] as number) + delta;
  }

  /** A click on a node's checkbox: a checked node is unchecked, an unchecked or mixed one checked. */
  toggle(i: number): void {
    this.setSubtree(i, this.state(i) !== 'checked');
  }

  /** Sets every node's own selection at once (e.g. from the server's filter), then recounts. */
  setOwnSelection(decide: (i: number) => boolean, range: { start: number; end: number } = { start: 0, end: this.count }): void {
    for (let j = range.start; j < range.end; j++) this.own[j] = decide(j) ? 1 : 0;
    this.recount();
  }

  private recount(): void {
    for (let i = 0; i < this.count; i++) this.selectedCount[i] = this.own[i] as number;
    for (let i = this.count - 1; i >= 0; i--) {
      const p = this.parent[i] as number;
      if (p >= 0) this.selectedCount[p] = (this.selectedCount[p] as number) + (this.selectedCount[i] as number);
    }
  }

  /** The rows shown: preorder, skipping the subtrees of collapsed nodes. */
  visibleRows(expanded: Uint8Array): Int32Array {
    const rows = new Int32Array(this.count);
    let length = 0;
    let i = 0;
    while (i < this.count) {
      rows[length++] = i;
      i += expanded[i] ? 1 : (this.size[i] as number);
    }
    return rows.subarray(0, length);
  }

  /** The rows shown under a name filter: every match and its ancestors, all expanded. */
  filteredRows(text: string): Int32Array {
    const needle = text.trim().toLowerCase();
    const keep = new Uint8Array(this.count);
    for (let i = 0; i < this.count; i++) {
      if (!(this.lowerNames[i] as string).includes(needle)) continue;
      for (let p = i; p >= 0 && keep[p] === 0; p = this.parent[p] as number) keep[p] = 1;
    }
    const rows = new Int32Array(this.count);
    let length = 0;
    for (let i = 0; i < this.count; i++) if (keep[i] === 1) rows[length++] = i;
    return rows.subarray(0, length);
  }
}
