/*
 * The OU tree as flat typed arrays in preorder, so a 50,000-OU forest costs a few arrays, a subtree is a
 * contiguous range (i .. i + size[i]), and checking a node touches its subtree and its ancestors only.
 */

export interface OuInput {
  readonly name: string;
  readonly dn: string;
}

export type CheckState = 'checked' | 'unchecked' | 'mixed';

const backslash = 92;
const comma = 44;

/** The position of the first comma from `from` on that is not escaped, or -1. */
function nextComma(dn: string, from: number): number {
  for (let i = from; i < dn.length; i++) {
    const code = dn.charCodeAt(i);
    if (code === backslash) i++;
    else if (code === comma) return i;
  }
  return -1;
}

/** `nextComma` through the built-in search (fast even before the JIT warms up); scans only after a backslash. */
function fastComma(dn: string, from: number): number {
  const at = dn.indexOf(',', from);
  return at > 0 && dn.charCodeAt(at - 1) === backslash ? nextComma(dn, from) : at;
}

/** The parent DN: everything after the first comma that is not escaped. */
export function parentDn(dn: string): string | null {
  const at = fastComma(dn, 0);
  return at < 0 ? null : dn.slice(at + 1);
}

/** What the index holds, built by `indexSteps`. */
interface OuTreeIndex {
  readonly count: number;
  readonly names: string[];
  readonly dns: string[];
  readonly lowerNames: string[];
  readonly parent: Int32Array;
  readonly depth: Uint16Array;
  readonly size: Int32Array;
  readonly childCount: Int32Array;
  readonly posInSet: Int32Array;
  readonly setSize: Int32Array;
  readonly roots: number[];
  readonly indexByDn: Map<string, number>;
}

/** Items between two chances to yield: small enough that a slice stays well under a frame. */
const sliceItems = 2048;

/**
 * Builds the index, yielding every few thousand items so that `buildOuTreeModel` can give the event loop
 * back (the first window is painted and keys are handled while a 50,000-OU forest is indexed).
 */
function* indexSteps(roots: readonly OuInput[], ous: readonly OuInput[]): Generator<void, OuTreeIndex, void> {
  const all = roots.length === 0 ? ous : ous.length === 0 ? roots : [...roots, ...ous];
  const n = all.length;
  const keys = new Array<string>(n);
  const inputIndex = new Map<string, number>();
  for (let index = 0; index < n; index++) {
    if (index % sliceItems === 0) yield;
    const key = (all[index] as OuInput).dn.toLowerCase();
    keys[index] = key;
    if (!inputIndex.has(key)) inputIndex.set(key, index);
  }
  // Parents first, then the children of each node as one flat array (CSR): no array per node.
  const inputParent = new Int32Array(n).fill(-1);
  const childTotals = new Int32Array(n + 1);
  const topLevel: number[] = [];
  for (let index = 0; index < n; index++) {
    if (index % sliceItems === 0) yield;
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
  for (let index = 0; index < n; index++) {
    if (index % sliceItems === 0) yield;
    lower[index] = (all[index] as OuInput).name.toLowerCase();
  }
  const byName = (a: number, b: number): number => (lower[a]! < lower[b]! ? -1 : lower[a]! > lower[b]! ? 1 : a - b);
  let sorted = 0;
  for (let p = 0; p < n; p++) {
    const from = childStart[p] as number;
    const to = childStart[p + 1] as number;
    if (to - from > 1) {
      childList.subarray(from, to).sort(byName);
      sorted += to - from;
      if (sorted >= sliceItems) {
        sorted = 0;
        yield;
      }
    }
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
  yield;

  const names = new Array<string>(count);
  const dns = new Array<string>(count);
  const lowerNames = new Array<string>(count);
  const parent = new Int32Array(count);
  const depth = new Uint16Array(count);
  const size = new Int32Array(count).fill(1);
  const childCount = new Int32Array(count);
  const posInSet = new Int32Array(count);
  const setSize = new Int32Array(count);
  const indexByDn = new Map<string, number>();
  const nextPosition = new Int32Array(count);
  let rootPosition = 0;
  for (let i = 0; i < count; i++) {
    if (i % sliceItems === 0) yield;
    const original = order[i] as number;
    const item = all[original] as OuInput;
    names[i] = item.name;
    dns[i] = item.dn;
    lowerNames[i] = lower[original] as string;
    indexByDn.set(keys[original] as string, i);
    const up = inputParent[original] as number;
    childCount[i] = (childStart[original + 1] as number) - (childStart[original] as number);
    if (up >= 0) {
      const p = position[up] as number;
      parent[i] = p;
      depth[i] = (depth[p] as number) + 1;
      setSize[i] = childCount[p] as number;
      nextPosition[p] = (nextPosition[p] as number) + 1;
      posInSet[i] = nextPosition[p] as number;
    } else {
      parent[i] = -1;
      setSize[i] = topLevel.length;
      posInSet[i] = ++rootPosition;
    }
  }
  for (let i = count - 1; i >= 0; i--) {
    const p = parent[i] as number;
    if (p >= 0) size[p] = (size[p] as number) + (size[i] as number);
  }
  const rootNodes: number[] = [];
  for (let i = 0; i < count; i++) if (parent[i] === -1) rootNodes.push(i);
  return { count, names, dns, lowerNames, parent, depth, size, childCount, posInSet, setSize, roots: rootNodes, indexByDn };
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
  /**
   * False for the first window (`OuTreeModel.firstLevel`): the domains and their first level only, shown
   * while the whole index is built. Its nodes may have children it does not hold (`hasChildren`).
   */
  readonly complete: boolean;
  private readonly own: Uint8Array;
  private readonly selectedCount: Int32Array;
  private readonly indexByDn: Map<string, number>;
  /** First window only: nodes with children not held, and nodes whose unheld descendants decide otherwise. */
  private readonly unheldChildren: Uint8Array | null;
  private readonly unheldDiffer: Uint8Array | null;

  /** `roots` are the domains; each OU hangs under its nearest ancestor in the input, else under its domain. */
  constructor(roots: readonly OuInput[], ous: readonly OuInput[]);
  /** @internal from `buildOuTreeModel` and `firstLevel`. */
  constructor(index: OuTreeIndex, unheldChildren?: Uint8Array);
  constructor(first: readonly OuInput[] | OuTreeIndex, second?: readonly OuInput[] | Uint8Array) {
    let index: OuTreeIndex;
    if (Array.isArray(first)) {
      const steps = indexSteps(first, (second ?? []) as readonly OuInput[]);
      let step = steps.next();
      while (!step.done) step = steps.next();
      index = step.value;
    } else index = first as OuTreeIndex;
    this.count = index.count;
    this.names = index.names;
    this.dns = index.dns;
    this.lowerNames = index.lowerNames;
    this.parent = index.parent;
    this.depth = index.depth;
    this.size = index.size;
    this.childCount = index.childCount;
    this.posInSet = index.posInSet;
    this.setSize = index.setSize;
    this.roots = index.roots;
    this.indexByDn = index.indexByDn;
    this.own = new Uint8Array(this.count);
    this.selectedCount = new Int32Array(this.count);
    this.unheldChildren = second instanceof Uint8Array ? second : null;
    this.unheldDiffer = this.unheldChildren ? new Uint8Array(this.count) : null;
    this.complete = this.unheldChildren === null;
  }

  /**
   * The first window from one quick pass over the flat list: the domains and the OUs right under them,
   * each knowing whether it has children. Expanding, filtering and checking wait for the whole index.
   */
  static firstLevel(roots: readonly OuInput[], ous: readonly OuInput[]): OuTreeModel {
    // One pass of cheap checks: the length of what follows the first (or second) comma is compared with
    // the domains' before any string is lowercased or looked up, so most of 50,000 DNs cost a short scan.
    const rootKeys = new Set(roots.map((root) => root.dn.toLowerCase()));
    const rootLengths = new Set(roots.map((root) => root.dn.length));
    const withChildren = new Set<string>();
    const level: OuInput[] = [];
    for (let i = 0; i < ous.length; i++) {
      const ou = ous[i] as OuInput;
      const dn = ou.dn;
      const first = fastComma(dn, 0);
      if (first < 0) continue;
      if (rootLengths.has(dn.length - first - 1) && rootKeys.has(dn.slice(first + 1).toLowerCase())) {
        level.push(ou);
        continue;
      }
      const second = fastComma(dn, first + 1);
      if (second >= 0 && rootLengths.has(dn.length - second - 1) && rootKeys.has(dn.slice(second + 1).toLowerCase())) {
        withChildren.add(dn.slice(first + 1).toLowerCase());
      }
    }
    const steps = indexSteps(roots, level);
    let step = steps.next();
    while (!step.done) step = steps.next();
    const index = step.value;
    const unheld = new Uint8Array(index.count);
    for (let i = 0; i < index.count; i++) {
      if (index.parent[i] !== -1 && withChildren.has((index.dns[i] as string).toLowerCase())) unheld[i] = 1;
    }
    return new OuTreeModel(index, unheld);
  }

  /** Whether the node has children, held or not (the first window holds none below the first level). */
  hasChildren(i: number): boolean {
    return (this.childCount[i] as number) > 0 || this.unheldChildren?.[i] === 1;
  }

  /** First window only: some descendant it does not hold decides otherwise than the node, so it shows mixed. */
  markUnheldDifference(i: number): void {
    if (!this.unheldDiffer) return;
    for (let p = i; p >= 0; p = this.parent[p] as number) this.unheldDiffer[p] = 1;
  }

  indexOf(dn: string): number {
    return this.indexByDn.get(dn.toLowerCase()) ?? -1;
  }

  state(i: number): CheckState {
    if (this.unheldDiffer?.[i] === 1) return 'mixed';
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

/** Gives the event loop back: a message, not setTimeout, which Chromium clamps to 4 ms when nested. */
const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/**
 * Builds the whole index in slices of about `sliceMs`, giving the event loop back in between, so the first
 * window stays responsive while 50,000 OUs are indexed. Rejects with an AbortError when `signal` aborts.
 */
export async function buildOuTreeModel(roots: readonly OuInput[], ous: readonly OuInput[], options: { signal?: AbortSignal; sliceMs?: number } = {}): Promise<OuTreeModel> {
  const sliceMs = options.sliceMs ?? 8;
  const steps = indexSteps(roots, ous);
  // The first slice waits too: the caller has just painted the first window, which should reach the screen.
  await yieldToEventLoop();
  options.signal?.throwIfAborted();
  let sliceStart = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return new OuTreeModel(step.value);
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToEventLoop();
      options.signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
}
