import { lazy, type LazyExoticComponent } from 'react';
import type { TaskId } from './app/tasks';
import { WelcomePage } from './app/WelcomePage';
import { loadAdditionalTasksPage, taskPagesLoaders } from './registry';
import { WithFluent } from '../fluent/WithFluent';
import { FrameSpinner } from '../wizard/FrameControls';
import { useWizard } from '../wizard/wizard-context';

type TaskPage = LazyExoticComponent<(props: { pageId: string }) => JSX.Element>;

const taskPages = Object.fromEntries(
  Object.entries(taskPagesLoaders).map(([task, loadPages]) => [
    task,
    lazy(async () => {
      const { pages } = await loadPages();
      return {
        default: function TaskPageContent({ pageId }: { pageId: string }): JSX.Element {
          const Component = pages[pageId];
          if (!Component) throw new Error(`No component for page ${pageId}`);
          return <Component />;
        },
      };
    }),
  ]),
) as Record<TaskId, TaskPage>;

const AdditionalTasksPage = lazy(async () => ({ default: (await loadAdditionalTasksPage()).AdditionalTasksPage }));

/** The current task's page. */
function TaskPage({ pageId }: { pageId: string }): JSX.Element {
  const { ctx } = useWizard();
  if (ctx.task === null) throw new Error(`No task for page ${pageId}`);
  const TaskPageContent = taskPages[ctx.task];
  return <TaskPageContent pageId={pageId} />;
}

/** The component of each page id: Welcome in the frame's own controls, every other page with Fluent UI. */
export function PageContent({ pageId }: { pageId: string }): JSX.Element {
  if (pageId === 'welcome') return <WelcomePage />;
  return (
    <WithFluent fallback={<FrameSpinner label="Loading the page..." />}>
      {pageId === 'tasks' ? <AdditionalTasksPage /> : <TaskPage pageId={pageId} />}
    </WithFluent>
  );
}
