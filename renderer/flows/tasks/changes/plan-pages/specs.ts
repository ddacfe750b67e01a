import type { PageSpec } from '../../../../wizard/flow';
import type { WizardContext } from '../../../context';
import { runOf, type ChangeTask } from './use-change-task';

type Spec = PageSpec<WizardContext>;

/** Ready to configure, Configuring and Configuration complete of a change task, shown while `isVisible` says so. */
export function changePageSpecs(prefix: string, task: ChangeTask, isVisible: (ctx: WizardContext) => boolean = () => true): Spec[] {
  return [
    {
      id: `${prefix}:ready`,
      navLabel: 'Configure',
      title: 'Ready to configure',
      forward: 'Configure',
      showPrevious: true,
      isVisible,
      canProceed: (ctx) => runOf(ctx, task)?.plan != null,
    },
    {
      id: `${prefix}:configuring`,
      navLabel: 'Configuring',
      title: 'Configuring',
      forward: 'Next',
      showPrevious: false,
      isVisible,
      canProceed: (ctx) => runOf(ctx, task)?.outcome != null,
    },
    {
      id: `${prefix}:complete`,
      navLabel: 'Complete',
      title: 'Configuration complete',
      forward: 'Exit',
      showPrevious: false,
      isVisible,
      canProceed: () => true,
    },
  ];
}
