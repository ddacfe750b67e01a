import type { ProductStrings } from '../../shared/branding';
import { taskDescriptions, taskIds, type TaskId } from '../../shared/tasks';
import type { PageSpec } from '../wizard/flow';
import type { WizardContext } from './context';

type Spec = PageSpec<WizardContext>;

const always = (): boolean => true;

function welcomePage(strings: ProductStrings): Spec {
  return {
    id: 'welcome',
    navLabel: 'Welcome',
    title: strings.welcomeHeading,
    forward: 'Configure',
    showPrevious: false,
    isVisible: always,
    canProceed: always,
  };
}

const additionalTasksPage: Spec = {
  id: 'tasks',
  navLabel: 'Tasks',
  title: 'Additional tasks',
  forward: 'Next',
  showPrevious: true,
  isVisible: always,
  canProceed: (ctx) => ctx.task !== null,
};

export const placeholderPageId = (task: TaskId): string => `${task}:placeholder`;

/** Until a task's own pages arrive, it shows one plainly marked placeholder page. */
function placeholderPage(task: TaskId): Spec {
  const { label } = taskDescriptions[task];
  return {
    id: placeholderPageId(task),
    navLabel: label,
    title: label,
    forward: 'Exit',
    showPrevious: true,
    isVisible: (ctx) => ctx.task === task,
    canProceed: always,
  };
}

/** Every page of the wizard in order; each task's pages are visible only when that task is chosen. */
export function wizardPages(strings: ProductStrings): Spec[] {
  return [welcomePage(strings), additionalTasksPage, ...taskIds.map(placeholderPage)];
}
