import type { ProductStrings } from '../../shared/core/branding';
import type { PageSpec } from '../wizard/flow';
import type { WizardContext } from './context';
import { orderedTaskFlows } from './registry';

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

/** Every page of the wizard in order; a task's pages are visible only while that task is chosen. */
export function wizardPages(strings: ProductStrings): Spec[] {
  const taskPages = orderedTaskFlows.flatMap((flow) =>
    flow.pages(strings).map((page) => ({ ...page, isVisible: (ctx: WizardContext) => ctx.task === flow.task && page.isVisible(ctx) })),
  );
  return [welcomePage(strings), additionalTasksPage, ...taskPages];
}
