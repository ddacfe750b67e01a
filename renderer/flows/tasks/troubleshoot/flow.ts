import type { TaskFlow } from '../../task-flow';

export const troubleshootPageId = 'troubleshoot:object';

/** Troubleshoot: one page, no sign-in (the native task signs in only inside its console, real-server-tasks.md §1.9). */
export const troubleshootFlow: TaskFlow = {
  task: 'troubleshoot',
  pages: () => [
    {
      id: troubleshootPageId,
      navLabel: 'Troubleshooting',
      title: 'Troubleshoot object synchronization',
      forward: 'Exit',
      showPrevious: true,
      isVisible: () => true,
      canProceed: () => true,
    },
  ],
};
