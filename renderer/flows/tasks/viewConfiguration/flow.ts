import { taskDescriptions } from '../../../../shared/tasks';
import type { TaskFlow } from '../../task-flow';
import { ViewConfigurationPage } from './ViewConfigurationPage';

export const viewConfigurationPageId = 'viewConfiguration:view';

/**
 * View current configuration: one read-only page (Previous, Exit), as in the native wizard, with Export
 * settings and Compare configurations on it. Compare opens inside the page for now: the wizard frame
 * has no way yet for a page to open a page after one whose forward button is Exit.
 */
export const viewConfigurationFlow: TaskFlow = {
  task: 'viewConfiguration',
  pages: () => [
    {
      id: viewConfigurationPageId,
      navLabel: 'View configuration',
      title: taskDescriptions.viewConfiguration.label,
      forward: 'Exit',
      showPrevious: true,
      isVisible: () => true,
      canProceed: () => true,
    },
  ],
  components: { [viewConfigurationPageId]: ViewConfigurationPage },
};
