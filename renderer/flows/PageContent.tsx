import { Spinner, SpinnerSize, Stack } from '@fluentui/react';
import { lazy, Suspense, type LazyExoticComponent } from 'react';
import type { TaskId } from './app/tasks';
import { AdditionalTasksPage } from './app/AdditionalTasksPage';
import { WelcomePage } from './app/WelcomePage';
import { taskPagesLoaders } from './registry';
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

/** The component of each page id. */
export function PageContent({ pageId }: { pageId: string }): JSX.Element {
  const { ctx } = useWizard();
  if (pageId === 'welcome') return <WelcomePage />;
  if (pageId === 'tasks') return <AdditionalTasksPage />;
  if (ctx.task === null) throw new Error(`No task for page ${pageId}`);
  const TaskPageContent = taskPages[ctx.task];
  return (
    <Suspense
      fallback={
        <Stack horizontalAlign="start" styles={{ root: { paddingTop: 8 } }}>
          <Spinner size={SpinnerSize.medium} label="Loading the page..." labelPosition="right" />
        </Stack>
      }
    >
      <TaskPageContent pageId={pageId} />
    </Suspense>
  );
}
