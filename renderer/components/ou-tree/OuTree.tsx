import { getTheme, mergeStyles, Text, TextField } from '@fluentui/react';
import { CheckMarkIcon, ChevronDownIcon, ChevronRightIcon } from '@fluentui/react-icons-mdl2';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CheckState, OuTreeModel } from './model';

const rowHeight = 30;
const overscan = 6;

export interface OuTreeProps {
  /**
   * The tree. It may first be the first window (`OuTreeModel.firstLevel`), then the whole index: expanding,
   * filtering and checking asked for in between wait for it ("Loading…", announced) and then take effect.
   */
  readonly model: OuTreeModel;
  /** Bumped by the owner whenever the model's check marks changed, so the rows repaint. */
  readonly version: number;
  readonly onToggle: (node: number) => void;
  readonly label: string;
  readonly disabled?: boolean;
  readonly height?: number;
}

// The rows' classes, made once: a Fluent Text or Icon per row would style itself again on every render. The
// glyphs are the bundled SVG icons, used directly rather than looked up by a Fluent Icon.
let rowClasses: { name: string; disabledName: string; chevron: string; check: string } | null = null;
const rowClass = (part: 'name' | 'disabledName' | 'chevron' | 'check'): string => {
  if (!rowClasses) {
    const font = getTheme().fonts.medium;
    rowClasses = {
      name: mergeStyles(font, { color: '#323130', whiteSpace: 'nowrap' }),
      disabledName: mergeStyles(font, { color: '#605e5c', whiteSpace: 'nowrap' }),
      chevron: mergeStyles({ fontSize: 10, color: '#323130', display: 'inline-flex' }),
      check: mergeStyles({ fontSize: 12, color: '#ffffff', display: 'inline-flex' }),
    };
  }
  return rowClasses[part];
};

const ariaChecked: Record<CheckState, 'true' | 'false' | 'mixed'> = { checked: 'true', unchecked: 'false', mixed: 'mixed' };

function CheckMark({ state, disabled }: { state: CheckState; disabled: boolean }): JSX.Element {
  const filled = state !== 'unchecked';
  const colour = disabled ? '#a19f9d' : '#0078d4';
  return (
    <span
      aria-hidden
      style={{
        width: 16,
        height: 16,
        boxSizing: 'border-box',
        border: `1px solid ${filled ? colour : disabled ? '#a19f9d' : '#605e5c'}`,
        background: state === 'checked' ? colour : '#ffffff',
        borderRadius: 2,
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        flexShrink: 0,
      }}
    >
      {state === 'checked' && <CheckMarkIcon className={rowClass('check')} />}
      {state === 'mixed' && <span style={{ width: 8, height: 8, background: colour, borderRadius: 1 }} />}
    </span>
  );
}

interface Waiting {
  readonly expands: ReadonlySet<string>;
  readonly toggles: readonly string[];
  readonly focus?: { readonly dn: string; readonly instead: number };
}

const initialExpanded = (model: OuTreeModel): Uint8Array => {
  const expanded = new Uint8Array(model.count);
  for (const root of model.roots) expanded[root] = 1;
  return expanded;
};

/** The nearest node of `to` on the path from `node` of `from` up to its domain: where focus goes when a model replaces another. */
function carryNode(from: OuTreeModel, node: number, to: OuTreeModel): number {
  for (let current = node; current >= 0; current = from.parent[current] as number) {
    const carried = to.indexOf(from.dns[current] as string);
    if (carried >= 0) return carried;
  }
  return to.roots[0] ?? 0;
}

/**
 * What was open in one model, by DN, carried over to the next, with the expands that waited for it; a domain the user
 * collapsed stays so. A node whose children the next model does not hold yet (a first window) is not shown open with
 * nothing under it: it waits for the whole index (`waiting`).
 */
function carryExpanded(from: OuTreeModel, expanded: Uint8Array, to: OuTreeModel, waiting: ReadonlySet<string>): { expanded: Uint8Array; waiting: Set<string> } {
  const next = initialExpanded(to);
  const stillWaiting = new Set<string>();
  for (const root of from.roots) {
    const node = expanded[root] === 1 ? -1 : to.indexOf(from.dns[root] as string);
    if (node >= 0) next[node] = 0;
  }
  const open = (dn: string): void => {
    const node = to.indexOf(dn);
    if (node >= 0 && (to.complete || (to.childCount[node] as number) > 0)) next[node] = 1;
    else if (!to.complete) stillWaiting.add(dn);
  };
  for (let i = 0; i < from.count; i++) if (expanded[i] === 1) open(from.dns[i] as string);
  for (const dn of waiting) open(dn);
  return { expanded: next, waiting: stillWaiting };
}

/**
 * A tri-state checkbox tree of domains and OUs, windowed: only the rows in view are in the DOM, so 50,000
 * OUs render, expand, collapse and filter without freezing. Keyboard: arrows move, Right/Left expand and
 * collapse, Space checks, Home/End jump.
 */
export function OuTree({ model, version, onToggle, label, disabled = false, height = 360 }: OuTreeProps): JSX.Element {
  const baseId = useId();
  const [expanded, setExpanded] = useState(() => initialExpanded(model));
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(model.roots[0] ?? 0);
  // What waits for the whole index, by DN: expands and check-mark clicks made on the first window, and the focused row
  // a new first window does not hold (`instead`: the row focused meanwhile, so a user who moved on keeps their place).
  const [waiting, setWaiting] = useState<Waiting>({ expands: new Set(), toggles: [] });
  // Check-mark clicks that waited, handed to the owner once the whole index is in.
  const [replay, setReplay] = useState<readonly string[]>([]);
  const replayed = useRef<readonly string[]>(replay);
  const [shownModel, setShownModel] = useState(model);
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);
  const focusAfterRender = useRef(false);
  // Whether the keyboard focus is in the tree (a focused row taken off the page leaves it on the body).
  const treeFocused = useRef(false);
  // Bumped when a new model took the focused row off the page, or gives it back.
  const [focusMoves, setFocusMoves] = useState(0);
  if (shownModel !== model) {
    // A new model replaced the shown one (the whole index its first window, or more domains read): carry what the
    // user did over by DN. Rows are keyed by DN, so a row both hold keeps the keyboard focus.
    setShownModel(model);
    const carriedOver = carryExpanded(shownModel, expanded, model, waiting.expands);
    setExpanded(carriedOver.expanded);
    const wanted = waiting.focus?.instead === active ? waiting.focus.dn : (shownModel.dns[active] as string);
    const found = model.indexOf(wanted);
    const carried = found >= 0 ? found : carryNode(shownModel, active, model);
    setActive(carried);
    if (found < 0 || waiting.focus !== undefined) setFocusMoves((count) => count + 1);
    if (model.complete) {
      if (waiting.toggles.length > 0) setReplay(waiting.toggles);
      setWaiting({ expands: new Set(), toggles: [] });
    } else {
      setWaiting({ expands: carriedOver.waiting, toggles: waiting.toggles, ...(found < 0 ? { focus: { dn: wanted, instead: carried } } : {}) });
    }
  }

  const filtering = filter.trim() !== '';
  const loading = !model.complete && (filtering || waiting.expands.size > 0 || waiting.toggles.length > 0);
  const rows = useMemo(
    () => (shownModel !== model || expanded.length !== model.count ? new Int32Array(0) : filtering ? (model.complete ? model.filteredRows(filter) : new Int32Array(0)) : model.visibleRows(expanded)),
    [model, shownModel, expanded, filter, filtering],
  );

  useEffect(() => {
    if (replayed.current === replay) return;
    replayed.current = replay;
    for (const dn of replay) {
      const node = model.indexOf(dn);
      if (node >= 0) onToggle(node);
    }
  }, [model, replay, onToggle]);

  const toggleChecked = (node: number): void => {
    if (disabled) return;
    if (model.complete) onToggle(node);
    else setWaiting((current) => ({ expands: current.expands, toggles: [...current.toggles, model.dns[node] as string] }));
  };
  const rowOf = useMemo(() => {
    const map = new Map<number, number>();
    rows.forEach((node, row) => map.set(node, row));
    return map;
  }, [rows]);

  const toggleExpanded = useCallback(
    (node: number, open?: boolean) => {
      if (!model.complete && (model.childCount[node] as number) === 0) {
        // Its children are not in the first window yet: the expand waits for the whole index.
        const dn = model.dns[node] as string;
        setWaiting((current) => {
          const wanted = open ?? !current.expands.has(dn);
          if (current.expands.has(dn) === wanted) return current;
          const expands = new Set(current.expands);
          if (wanted) expands.add(dn);
          else expands.delete(dn);
          return { expands, toggles: current.toggles };
        });
        return;
      }
      setExpanded((current) => {
        const wanted = open ?? current[node] !== 1;
        if ((current[node] === 1) === wanted) return current;
        const next = current.slice();
        next[node] = wanted ? 1 : 0;
        return next;
      });
    },
    [model],
  );

  const moveTo = (node: number): void => {
    setActive(node);
    const row = rowOf.get(node);
    const element = viewport.current;
    if (row !== undefined && element) {
      const top = row * rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + height) element.scrollTop = top + rowHeight - height;
      setScrollTop(element.scrollTop);
    }
    focusAfterRender.current = true;
  };

  useEffect(() => {
    // The focused row left the page, or came back: the focus follows it rather than falling to the page's body.
    const focused = document.activeElement;
    if (focusMoves > 0 && treeFocused.current && (focused === document.body || viewport.current?.contains(focused) === true)) {
      const row = document.getElementById(`${baseId}-${active}`);
      const index = rowOf.get(active);
      if (row) row.focus();
      else if (index !== undefined && viewport.current) {
        // Scrolled out of the window: scroll it in, and focus it once it is drawn.
        viewport.current.scrollTop = Math.max(0, index * rowHeight - height / 2);
        focusAfterRender.current = true;
      }
    }
    // Only when a new model moved the focused row.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusMoves]);

  useEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    document.getElementById(`${baseId}-${active}`)?.focus();
  });

  const activeRow = rowOf.get(active) ?? 0;
  const activeNode = rows[activeRow] ?? active;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const isExpanded = filtering || expanded[activeNode] === 1;
    const hasChildren = model.hasChildren(activeNode);
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        if (activeRow + 1 < rows.length) moveTo(rows[activeRow + 1] as number);
        break;
      case 'ArrowUp':
        if (activeRow > 0) moveTo(rows[activeRow - 1] as number);
        break;
      case 'Home':
        if (rows.length > 0) moveTo(rows[0] as number);
        break;
      case 'End':
        if (rows.length > 0) moveTo(rows[rows.length - 1] as number);
        break;
      case 'ArrowRight':
        if (hasChildren && !isExpanded) toggleExpanded(activeNode, true);
        else if (hasChildren && activeRow + 1 < rows.length) moveTo(rows[activeRow + 1] as number);
        break;
      case 'ArrowLeft': {
        const parent = model.parent[activeNode] as number;
        if (hasChildren && isExpanded && !filtering) toggleExpanded(activeNode, false);
        else if (parent >= 0) moveTo(parent);
        break;
      }
      case ' ':
        toggleChecked(activeNode);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const shown: JSX.Element[] = [];
  for (let row = first; row < last; row++) {
    const node = rows[row] as number;
    const state = model.state(node);
    const hasChildren = model.hasChildren(node);
    const isExpanded = filtering || expanded[node] === 1;
    shown.push(
      <div
        key={model.dns[node]}
        id={`${baseId}-${node}`}
        role="treeitem"
        aria-level={(model.depth[node] as number) + 1}
        aria-setsize={model.setSize[node]}
        aria-posinset={model.posInSet[node]}
        aria-expanded={hasChildren ? isExpanded : undefined}
        aria-checked={ariaChecked[state]}
        aria-selected={node === activeNode}
        aria-disabled={disabled || undefined}
        tabIndex={node === activeNode ? 0 : -1}
        data-dn={model.dns[node]}
        onClick={() => setActive(node)}
        style={{
          position: 'absolute',
          top: row * rowHeight,
          left: 0,
          right: 0,
          height: rowHeight,
          display: 'flex',
          alignItems: 'center',
          gap: 6,
          paddingLeft: 4 + (model.depth[node] as number) * 20,
          boxSizing: 'border-box',
          background: node === activeNode ? '#edebe9' : undefined,
          cursor: 'default',
          outlineOffset: -2,
        }}
      >
        <span
          aria-hidden
          data-expander={hasChildren ? 'true' : undefined}
          onClick={(event) => {
            event.stopPropagation();
            if (hasChildren && !filtering) toggleExpanded(node);
          }}
          style={{ width: 16, display: 'inline-flex', justifyContent: 'center', cursor: hasChildren ? 'pointer' : 'default' }}
        >
          {hasChildren && (isExpanded ? <ChevronDownIcon className={rowClass('chevron')} /> : <ChevronRightIcon className={rowClass('chevron')} />)}
        </span>
        <span
          onClick={(event) => {
            event.stopPropagation();
            setActive(node);
            toggleChecked(node);
          }}
          style={{ display: 'inline-flex', alignItems: 'center', gap: 8, cursor: disabled ? 'default' : 'pointer' }}
        >
          <CheckMark state={state} disabled={disabled} />
          <span className={rowClass(disabled ? 'disabledName' : 'name')}>{model.names[node]}</span>
        </span>
      </div>,
    );
  }

  return (
    <div data-version={version} data-filter={model.complete ? filter : undefined} data-complete={model.complete}>
      <TextField
        label="Filter by name"
        placeholder="Type part of an OU name"
        value={filter}
        onChange={(_event, value) => setFilter(value ?? '')}
        iconProps={{ iconName: 'Search' }}
        styles={{ root: { maxWidth: 360, marginBottom: 8 } }}
      />
      <div aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {loading ? 'Loading the OUs…' : filtering ? `${rows.length} domains and OUs shown` : ''}
      </div>
      {loading && <Text styles={{ root: { display: 'block', marginBottom: 4, color: '#605e5c' } }}>Loading…</Text>}
      <div
        ref={viewport}
        role="tree"
        aria-label={label}
        aria-disabled={disabled || undefined}
        onKeyDown={onKeyDown}
        onFocus={() => {
          treeFocused.current = true;
        }}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) treeFocused.current = false;
        }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        style={{ height, overflowY: 'auto', position: 'relative', border: '1px solid #8a8886', borderRadius: 2 }}
      >
        <div role="presentation" style={{ height: rows.length * rowHeight, position: 'relative', minWidth: '100%' }}>
          {shown}
        </div>
        {rows.length === 0 && !loading && (
          <Text styles={{ root: { padding: 8, display: 'block', color: '#605e5c' } }}>No domain or OU matches the filter.</Text>
        )}
      </div>
    </div>
  );
}
