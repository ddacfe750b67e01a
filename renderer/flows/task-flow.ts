import type { ComponentType } from 'react';
import type { ConnectApi } from '../../shared/contract';
import type { ProductStrings } from '../../shared/core/branding';
import type { TaskId } from './app/tasks';
import type { PageSpec } from '../wizard/flow';
import type { WizardContext } from './context';

/** The module of a task's page components, by page id: loaded only when the task is chosen. */
export interface TaskPagesModule {
  readonly pages: Readonly<Record<string, ComponentType>>;
}

/** A task's pages after the Additional tasks page, as data (their components are in the task's pages module). */
export interface TaskFlow {
  readonly task: TaskId;
  readonly pages: (strings: ProductStrings) => readonly PageSpec<WizardContext>[];
  /**
   * Reads to start when the task's first page opens, while the admin signs in: what a later page would
   * otherwise wait for, unless `ctx` has it already. Resolves with the change to the context, or null.
   */
  readonly prepare?: (api: ConnectApi, ctx: WizardContext) => Promise<((ctx: WizardContext) => WizardContext) | null>;
}
