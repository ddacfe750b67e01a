import { taskIds, type TaskId } from '../../shared/tasks';
import { placeholderPageId } from '../flows/pages';
import { AdditionalTasksPage } from './AdditionalTasksPage';
import { PlaceholderPage } from './PlaceholderPage';
import { WelcomePage } from './WelcomePage';

const placeholderTask = (pageId: string): TaskId | undefined => taskIds.find((task) => placeholderPageId(task) === pageId);

/** The component of each page id. */
export function PageContent({ pageId }: { pageId: string }): JSX.Element {
  if (pageId === 'welcome') return <WelcomePage />;
  if (pageId === 'tasks') return <AdditionalTasksPage />;
  const task = placeholderTask(pageId);
  if (task) return <PlaceholderPage task={task} />;
  throw new Error(`No component for page ${pageId}`);
}
