import type { ComponentType } from 'react';
import type { ProductStrings } from '../../shared/core/branding';
import type { TaskId } from './app/tasks';
import type { PageSpec } from '../wizard/flow';
import type { WizardContext } from './context';

/** A task's pages after the Additional tasks page: their specs (data) and the component of each. */
export interface TaskFlow {
  readonly task: TaskId;
  readonly pages: (strings: ProductStrings) => readonly PageSpec<WizardContext>[];
  readonly components: Readonly<Record<string, ComponentType>>;
}
