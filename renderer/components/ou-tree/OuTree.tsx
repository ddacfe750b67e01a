import { Icon, Text, TextField } from '@fluentui/react';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CheckState, OuTreeModel } from './model';

const rowHeight = 30;
const overscan = 6;

export interface OuTreeProps {
  readonly model: OuTreeModel;
  /** Bumped by the owner whenever the model's check marks changed, so the rows repaint. */
  readonly version: number;
  readonly onToggle: (node: number) => void;
  readonly label: string;
  readonly disabled?: boolean;
  readonly height?: number;
}

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
      {state === 'checked' && <Icon iconName="CheckMark" styles={{ root: { color: '#ffffff', fontSize: 12 } }} />}
      {state === 'mixed' && <span style={{ width: 8, height: 8, background: colour, borderRadius: 1 }} />}
    </span>
  );
}

/**
 * A tri-state checkbox tree of domains and OUs, windowed: only the rows in view are in the DOM, so 50,000
 * OUs render, expand, collapse and filter without freezing. Keyboard: arrows move, Right/Left expand and
 * collapse, Space checks, Home/End jump.
 */
export function OuTree({ model, version, onToggle, label, disabled = false, height = 360 }: OuTreeProps): JSX.Element {
  const baseId = useId();
  const [expanded, setExpanded] = useState(() => {
    const initial = new Uint8Array(model.count);
    for (const root of model.roots) initial[root] = 1;
    return initial;
  });
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(model.roots[0] ?? 0);
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);
  const focusAfterRender = useRef(false);

  const filtering = filter.trim() !== '';
  const rows = useMemo(() => (filtering ? model.filteredRows(filter) : model.visibleRows(expanded)), [model, expanded, filter, filtering]);
  const rowOf = useMemo(() => {
    const map = new Map<number, number>();
    rows.forEach((node, row) => map.set(node, row));
    return map;
  }, [rows]);

  const toggleExpanded = useCallback(
    (node: number, open?: boolean) => {
      setExpanded((current) => {
        const wanted = open ?? current[node] !== 1;
        if ((current[node] === 1) === wanted) return current;
        const next = current.slice();
        next[node] = wanted ? 1 : 0;
        return next;
      });
    },
    [],
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
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    document.getElementById(`${baseId}-${active}`)?.focus();
  });

  const activeRow = rowOf.get(active) ?? 0;
  const activeNode = rows[activeRow] ?? active;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const isExpanded = filtering || expanded[activeNode] === 1;
    const hasChildren = (model.childCount[activeNode] as number) > 0;
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
        if (!disabled) onToggle(activeNode);
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
    const hasChildren = (model.childCount[node] as number) > 0;
    const isExpanded = filtering || expanded[node] === 1;
    shown.push(
      <div
        key={node}
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
          {hasChildren && <Icon iconName={isExpanded ? 'ChevronDown' : 'ChevronRight'} styles={{ root: { fontSize: 10, color: '#323130' } }} />}
        </span>
        <span
          onClick={(event) => {
            event.stopPropagation();
            setActive(node);
            if (!disabled) onToggle(node);
          }}
          style={{ display: 'inline-flex', alignItems: 'center', gap: 8, cursor: disabled ? 'default' : 'pointer' }}
        >
          <CheckMark state={state} disabled={disabled} />
          <Text styles={{ root: { color: disabled ? '#605e5c' : '#323130', whiteSpace: 'nowrap' } }}>{model.names[node]}</Text>
        </span>
      </div>,
    );
  }

  return (
    <div data-version={version} data-filter={filter}>
      <TextField
        label="Filter by name"
        placeholder="Type part of an OU name"
        value={filter}
        onChange={(_event, value) => setFilter(value ?? '')}
        iconProps={{ iconName: 'Search' }}
        styles={{ root: { maxWidth: 360, marginBottom: 8 } }}
      />
      <div aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {filtering ? `${rows.length} domains and OUs shown` : ''}
      </div>
      <div
        ref={viewport}
        role="tree"
        aria-label={label}
        aria-disabled={disabled || undefined}
        onKeyDown={onKeyDown}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        style={{ height, overflowY: 'auto', position: 'relative', border: '1px solid #8a8886', borderRadius: 2 }}
      >
        <div role="presentation" style={{ height: rows.length * rowHeight, position: 'relative', minWidth: '100%' }}>
          {shown}
        </div>
        {rows.length === 0 && (
          <Text styles={{ root: { padding: 8, display: 'block', color: '#605e5c' } }}>No domain or OU matches the filter.</Text>
        )}
      </div>
    </div>
  );
}
