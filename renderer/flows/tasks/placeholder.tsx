import { taskDescriptions, type TaskId } from '../../../shared/tasks';
import { PlaceholderPage } from '../../pages/PlaceholderPage';
import type { TaskFlow } from '../task-flow';

/** Until a task's own pages arrive, it shows one plainly marked placeholder page. */
export function placeholderFlow(task: TaskId): TaskFlow {
  const id = `${task}:placeholder`;
  const { label } = taskDescriptions[task];
  return {
    task,
    pages: () => [
      {
        id,
        navLabel: label,
        title: label,
        forward: 'Exit',
        showPrevious: true,
        isVisible: () => true,
        canProceed: () => true,
      },
    ],
    components: { [id]: () => <PlaceholderPage task={task} /> },
  };
}
