import { describe, expect, it } from 'vitest';
import { productStrings } from '../../../shared/core/branding';
import { initialWizardContext, type WizardContext } from '../../../renderer/flows/context';
import { wizardPages } from '../../../renderer/flows/pages';
import {
  currentPage,
  initialWizardState,
  stepListItems,
  wizardReducer,
  type PageSpec,
  type WizardAction,
  type WizardState,
} from '../../../renderer/wizard/flow';

const pages = wizardPages(productStrings.azureAd);
const run = (actions: WizardAction<WizardContext>[]): WizardState<WizardContext> =>
  actions.reduce((state, action) => wizardReducer(pages, state, action), initialWizardState(pages, initialWizardContext));
const chooseStaging: WizardAction<WizardContext> = { type: 'update', update: (ctx) => ({ ...ctx, task: 'staging-mode' }) };
const chooseView: WizardAction<WizardContext> = { type: 'update', update: (ctx) => ({ ...ctx, task: 'configuration' }) };
const signIn: WizardAction<WizardContext> = { type: 'update', update: (ctx) => ({ ...ctx, signedInAsAdmin: true }) };

describe('the main flow', () => {
  it('starts on Welcome, whose forward button is Configure and which has no Previous', () => {
    const state = run([]);
    const page = currentPage(pages, state);
    expect(page.title).toBe('Welcome to Azure AD Connect');
    expect(page.forward).toBe('Configure');
    expect(page.showPrevious).toBe(false);
    expect(run([{ type: 'previous' }]).pageId).toBe('welcome');
  });

  it('stays on Additional tasks until a task is chosen', () => {
    expect(run([{ type: 'next' }, { type: 'next' }]).pageId).toBe('tasks');
    expect(run([{ type: 'next' }, chooseStaging, { type: 'next' }]).pageId).toBe('staging-mode:connect');
  });

  it('keeps Next on Connect to Azure AD until an administrator is signed in', () => {
    const atConnect = [{ type: 'next' }, chooseStaging, { type: 'next' }] as const;
    expect(run([...atConnect, { type: 'next' }]).pageId).toBe('staging-mode:connect');
    expect(run([...atConnect, signIn, { type: 'next' }]).pageId).not.toBe('staging-mode:connect');
  });

  it('shows only the chosen task’s pages, and Previous returns to the task list with the choice kept', () => {
    const state = run([{ type: 'next' }, chooseStaging, { type: 'next' }, { type: 'previous' }]);
    expect(state.pageId).toBe('tasks');
    expect(state.ctx.task).toBe('staging-mode');
    const labels = stepListItems(pages, state).map((item) => item.label);
    expect(labels.slice(0, 3)).toEqual(['Welcome', 'Tasks', 'Connect to Azure AD']);
    expect(labels).not.toContain('View current configuration');
    expect(labels).not.toContain('Domain/OU Filtering');
  });

  it('exits from a page whose forward button is Exit, and ignores actions afterwards', () => {
    const exited = run([{ type: 'next' }, chooseView, { type: 'next' }, { type: 'next' }]);
    expect(exited.exited).toBe(true);
    expect(wizardReducer(pages, exited, { type: 'previous' })).toBe(exited);
  });
});

describe('the step list', () => {
  const spec = (id: string, group?: string): PageSpec<null> => ({
    id,
    navLabel: id,
    title: id,
    group,
    forward: 'Next',
    showPrevious: true,
    isVisible: () => true,
    canProceed: () => true,
  });
  const grouped = [spec('Welcome'), spec('Directories', 'Sync'), spec('Filtering', 'Sync'), spec('Configure')];

  it('indents grouped pages under their heading and marks done, current and upcoming steps', () => {
    const items = stepListItems(grouped, { pageId: 'Directories', exited: false, ctx: null });
    expect(items).toEqual([
      { kind: 'page', id: 'Welcome', label: 'Welcome', indented: false, status: 'done' },
      { kind: 'group', label: 'Sync', status: 'current' },
      { kind: 'page', id: 'Directories', label: 'Directories', indented: true, status: 'current' },
      { kind: 'page', id: 'Filtering', label: 'Filtering', indented: true, status: 'upcoming' },
      { kind: 'page', id: 'Configure', label: 'Configure', indented: false, status: 'upcoming' },
    ]);
  });

  it('skips pages whose visibility rule is false', () => {
    const hidden = grouped.map((page) => (page.id === 'Filtering' ? { ...page, isVisible: () => false } : page));
    const state = wizardReducer(hidden, { pageId: 'Directories', exited: false, ctx: null }, { type: 'next' });
    expect(state.pageId).toBe('Configure');
  });
});
