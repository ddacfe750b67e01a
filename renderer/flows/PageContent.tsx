import { orderedTaskFlows } from './registry';
import { AdditionalTasksPage } from './app/AdditionalTasksPage';
import { WelcomePage } from './app/WelcomePage';

const taskComponents = Object.assign({}, ...orderedTaskFlows.map((flow) => flow.components)) as Record<string, () => JSX.Element>;

/** The component of each page id. */
export function PageContent({ pageId }: { pageId: string }): JSX.Element {
  if (pageId === 'welcome') return <WelcomePage />;
  if (pageId === 'tasks') return <AdditionalTasksPage />;
  const Component = taskComponents[pageId];
  if (!Component) throw new Error(`No component for page ${pageId}`);
  return <Component />;
}
