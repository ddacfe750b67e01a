import { taskIds, type TaskId } from './app/tasks';
import type { ConnectApi } from '../../shared/contract';
import type { WizardContext } from './context';
import { loadFluent } from '../fluent/lazy-with-fluent';
import type { TaskFlow, TaskPagesModule } from './task-flow';
import { licensesFlow } from './tasks/licenses/flow';
import { syncAdminsFlow } from './tasks/sync-admins/flow';
import { syncStatusFlow } from './tasks/sync-status/flow';
import { customizeSyncFlow } from './tasks/changes/customize-sync';
import { stagingModeFlow } from './tasks/changes/staging-mode';
import { configurationFlow } from './tasks/configuration/flow';
import { deviceOptionsFlow, federationFlow, privacyFlow, refreshSchemaFlow, userSignInFlow } from './tasks/native-tasks/flow';
import { troubleshootFlow } from './tasks/troubleshoot/flow';

/** The flow of each task of the Additional tasks page. */
export const taskFlows: Readonly<Record<TaskId, TaskFlow>> = {
  privacy: privacyFlow,
  configuration: configurationFlow,
  'customize-sync': customizeSyncFlow,
  'device-options': deviceOptionsFlow,
  'refresh-schema': refreshSchemaFlow,
  'staging-mode': stagingModeFlow,
  'user-sign-in': userSignInFlow,
  federation: federationFlow,
  troubleshoot: troubleshootFlow,
  'sync-status': syncStatusFlow,
  'sync-admins': syncAdminsFlow,
  licenses: licensesFlow,
};

/**
 * The page components of each task, as dynamic imports: each task's pages are a chunk of their own, loaded
 * when the task is chosen, so the first screen carries only the frame, Welcome and Additional tasks.
 */
export const taskPagesLoaders: Readonly<Record<TaskId, () => Promise<TaskPagesModule>>> = {
  configuration: () => import('./tasks/configuration/pages'),
  'customize-sync': () => import('./tasks/changes/customize-sync/pages'),
  'staging-mode': () => import('./tasks/changes/staging-mode/pages'),
  'sync-status': () => import('./tasks/sync-status/pages'),
  'sync-admins': () => import('./tasks/sync-admins/pages'),
  licenses: () => import('./tasks/licenses/pages'),
  troubleshoot: () => import('./tasks/troubleshoot/pages'),
  privacy: () => import('./tasks/native-tasks/pages'),
  'device-options': () => import('./tasks/native-tasks/pages'),
  'refresh-schema': () => import('./tasks/native-tasks/pages'),
  'user-sign-in': () => import('./tasks/native-tasks/pages'),
  federation: () => import('./tasks/native-tasks/pages'),
};

export const orderedTaskFlows: readonly TaskFlow[] = taskIds.map((task) => taskFlows[task]);

/** Starts loading a task's page components as soon as the task is chosen, so Next rarely waits for them. */
export function preloadTaskPages(task: TaskId): void {
  // A chunk that fails to load here is asked for again, and its failure shown, when its page opens.
  taskPagesLoaders[task]().catch(() => undefined);
}

/**
 * Starts a task's `prepare` reads (its first page has opened); applies what they give through `update`. A failed
 * read is dropped: the page that needs it reads again and says why.
 */
export function prepareTask(task: TaskId, api: ConnectApi, ctx: WizardContext, update: (change: (ctx: WizardContext) => WizardContext) => void): void {
  void taskFlows[task]
    .prepare?.(api, ctx)
    .then((change) => change && update(change))
    .catch(() => undefined);
}

/** Additional tasks, with Fluent UI: not part of the first screen. */
export const loadAdditionalTasksPage = () => import('./app/AdditionalTasksPage');

/**
 * Starts loading Additional tasks and Fluent UI when the admin heads for Configure (points at it or tabs to it):
 * not as soon as Welcome shows, where the PowerShell warm-up needs the cores, and early enough that the click
 * rarely waits.
 */
export function preloadAdditionalTasks(): void {
  Promise.all([loadFluent(), loadAdditionalTasksPage()]).catch(() => undefined);
}

/**
 * Once Additional tasks is on screen, loads every task's pages while the browser is idle, so a task's first page
 * waits for no chunk however fast it is chosen. Not on Welcome: there the PowerShell warm-up needs the cores.
 */
export function preloadEveryTaskPagesWhenIdle(): void {
  const loadAll = () => taskIds.forEach(preloadTaskPages);
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(loadAll, { timeout: 2000 });
  else window.setTimeout(loadAll, 500);
}
