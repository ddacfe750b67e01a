/** The label of a page's forward button, as in the native wizard. */
export type ForwardLabel = 'Next' | 'Configure' | 'Exit';

/** One page of a flow, as data: where it shows, when it may be left, and what its buttons say. */
export interface PageSpec<Ctx> {
  readonly id: string;
  /** Shown in the left step list. */
  readonly navLabel: string;
  /** The page heading. */
  readonly title: string;
  /** A step-list heading the page is indented under (e.g. "Sync"). */
  readonly group?: string;
  readonly forward: ForwardLabel;
  readonly showPrevious: boolean;
  readonly isVisible: (ctx: Ctx) => boolean;
  readonly canProceed: (ctx: Ctx) => boolean;
}

export interface WizardState<Ctx> {
  readonly pageId: string;
  readonly exited: boolean;
  readonly ctx: Ctx;
}

export type WizardAction<Ctx> =
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'update'; readonly update: (ctx: Ctx) => Ctx };

export function visiblePages<Ctx>(pages: readonly PageSpec<Ctx>[], ctx: Ctx): PageSpec<Ctx>[] {
  return pages.filter((page) => page.isVisible(ctx));
}

export function currentPage<Ctx>(pages: readonly PageSpec<Ctx>[], state: WizardState<Ctx>): PageSpec<Ctx> {
  const page = pages.find((candidate) => candidate.id === state.pageId);
  if (!page) throw new Error(`Unknown wizard page: ${state.pageId}`);
  return page;
}

export function initialWizardState<Ctx>(pages: readonly PageSpec<Ctx>[], ctx: Ctx): WizardState<Ctx> {
  const first = visiblePages(pages, ctx)[0];
  if (!first) throw new Error('A flow needs at least one visible page.');
  return { pageId: first.id, exited: false, ctx };
}

function step<Ctx>(pages: readonly PageSpec<Ctx>[], state: WizardState<Ctx>, offset: 1 | -1): WizardState<Ctx> {
  const visible = visiblePages(pages, state.ctx);
  const index = visible.findIndex((page) => page.id === state.pageId);
  const target = visible[index + offset];
  return target ? { ...state, pageId: target.id } : state;
}

/** Moves through a flow. Pure: the same state and action always give the same next state. */
export function wizardReducer<Ctx>(
  pages: readonly PageSpec<Ctx>[],
  state: WizardState<Ctx>,
  action: WizardAction<Ctx>,
): WizardState<Ctx> {
  if (state.exited) return state;
  const page = currentPage(pages, state);
  switch (action.type) {
    case 'next':
      if (!page.canProceed(state.ctx)) return state;
      if (page.forward === 'Exit') return { ...state, exited: true };
      return step(pages, state, 1);
    case 'previous':
      return page.showPrevious ? step(pages, state, -1) : state;
    case 'update':
      return { ...state, ctx: action.update(state.ctx) };
  }
}

/** A step-list row: a group heading or a page, with its place relative to the current page. */
export type StepListItem =
  | { readonly kind: 'group'; readonly label: string; readonly status: StepStatus }
  | { readonly kind: 'page'; readonly id: string; readonly label: string; readonly indented: boolean; readonly status: StepStatus };

export type StepStatus = 'done' | 'current' | 'upcoming';

/** The rows of the left step list, with grouped pages indented under their heading. */
export function stepListItems<Ctx>(pages: readonly PageSpec<Ctx>[], state: WizardState<Ctx>): StepListItem[] {
  const visible = visiblePages(pages, state.ctx);
  const currentIndex = visible.findIndex((page) => page.id === state.pageId);
  const statusOf = (index: number): StepStatus =>
    index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming';
  const items: StepListItem[] = [];
  let openGroup: string | undefined;
  visible.forEach((page, index) => {
    if (page.group && page.group !== openGroup) {
      const groupIndexes = visible.flatMap((candidate, i) => (candidate.group === page.group ? [i] : []));
      const groupStatus: StepStatus = groupIndexes.includes(currentIndex)
        ? 'current'
        : (groupIndexes[0] ?? 0) < currentIndex
          ? 'done'
          : 'upcoming';
      items.push({ kind: 'group', label: page.group, status: groupStatus });
    }
    openGroup = page.group;
    items.push({ kind: 'page', id: page.id, label: page.navLabel, indented: Boolean(page.group), status: statusOf(index) });
  });
  return items;
}
