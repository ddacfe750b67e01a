import { Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import type { TaskId } from './app/tasks';
import { WelcomePage } from './app/WelcomePage';
import { loadAdditionalTasksPage, preloadEveryTaskPagesWhenIdle, taskPagesLoaders } from './registry';
import { lazyWithFluent } from '../fluent/lazy-with-fluent';
import { FrameSpinner } from '../wizard/FrameControls';
import { useWizard } from '../wizard/wizard-context';

type TaskPage = LazyExoticComponent<ComponentType<{ pageId: string }>>;

const taskPages = Object.fromEntries(
  Object.entries(taskPagesLoaders).map(([task, loadPages]) => [
    task,
    lazyWithFluent(async () => {
      const { pages } = await loadPages();
      return function TaskPageContent({ pageId }: { pageId: string }): JSX.Element {
        const Component = pages[pageId];
        if (!Component) throw new Error(`No component for page ${pageId}`);
        return <Component />;
      };
    }),
  ]),
) as Record<TaskId, TaskPage>;

const AdditionalTasksPage = lazyWithFluent(async () => (await loadAdditionalTasksPage()).AdditionalTasksPage);

/**
 * Drawn beside Additional tasks, in the same Suspense boundary, so every task's pages start loading once that page
 * is on screen: not before, where its own chunk would queue behind theirs.
 */
function PreloadEveryTaskPages(): null {
  useEffect(() => preloadEveryTaskPagesWhenIdle(), []);
  return null;
}

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
    <Suspense fallback={<FrameSpinner label="Loading the page..." />}>
      {pageId === 'tasks' ? (
        <>
          <AdditionalTasksPage />
          <PreloadEveryTaskPages />
        </>
      ) : (
        <TaskPage pageId={pageId} />
      )}
    </Suspense>
  );
}
