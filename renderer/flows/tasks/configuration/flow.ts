import { taskDescriptions } from '../../app/tasks';
import type { TaskFlow } from '../../task-flow';

export const configurationPageId = 'configuration:view';

/**
 * View current configuration: one read-only page (Previous, Exit), as in the native wizard, with Export
 * settings and Compare configurations on it. Compare opens inside the page for now: the wizard frame
 * has no way yet for a page to open a page after one whose forward button is Exit.
 */
export const configurationFlow: TaskFlow = {
  task: 'configuration',
  pages: () => [
    {
      id: configurationPageId,
      navLabel: 'View configuration',
      title: taskDescriptions.configuration.label,
      forward: 'Exit',
      showPrevious: true,
      isVisible: () => true,
      canProceed: () => true,
    },
  ],
};
