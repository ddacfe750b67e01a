import path from 'node:path';
import { taskDescriptions, taskIds } from '../../renderer/flows/app/tasks';
import { expect, expectNoSeriousAxeViolations, keepScreenshot, test } from './fixtures';
import { finishStagingInNativeWizard } from '../harness/native-wizard-stand-in';
import { writeRunningMarker } from '../../electron/services/changes/running-marker';

test('opens on Welcome, and Configure leads to Additional tasks', async ({ wizard, harness }) => {
  await expect(wizard.getByRole('heading', { level: 1, name: 'Welcome to Azure AD Connect' })).toBeVisible();

  // About and help: the version, the log folder as text, and a button that has main open it.
  await wizard.getByRole('button', { name: 'About and help' }).click();
  const about = wizard.getByRole('dialog', { name: /^About / });
  await expect(about).toContainText('Version');
  await expect(about.getByTestId('log-folder')).toHaveText(path.dirname(harness.logFile));
  await expectNoSeriousAxeViolations(wizard);
  await about.getByRole('button', { name: 'Open log folder' }).click();
  await expect.poll(() => harness.logFolderOpenings()).toBe(1);
  await about.getByRole('button', { name: 'Close' }).click();
  await expect(about).toHaveCount(0);

  await expect(wizard.getByRole('button', { name: 'Previous' })).toHaveCount(0);
  const steps = wizard.getByRole('navigation', { name: 'Wizard steps' });
  await expect(steps.locator('[aria-current="step"]')).toHaveText('Welcome');
  await expectNoSeriousAxeViolations(wizard);

  await wizard.getByRole('button', { name: 'Configure' }).click();
  await expect(wizard.getByRole('heading', { level: 1, name: 'Additional tasks' })).toBeVisible();
  await expect(steps.locator('[aria-current="step"]')).toHaveText('Tasks');
  await expect(wizard.getByRole('button', { name: 'Next' })).toBeDisabled();
  // The native wizard's nine in its order, then the app's three, all one radio group; the line between is not announced.
  const group = wizard.getByRole('radiogroup', { name: 'Select a task' });
  await expect(group.getByRole('radio')).toHaveCount(taskIds.length);
  for (const [index, task] of taskIds.entries()) {
    await expect(group.getByRole('radio').nth(index)).toHaveAccessibleName(taskDescriptions[task].label);
  }
  await expect(group.getByTestId('app-tasks-separator')).toBeVisible();
  await expect(group.getByRole('separator')).toHaveCount(0);
  await expectNoSeriousAxeViolations(wizard);
});

test('the wizard says "Starting the wizard..." while main is slow to answer, and why it could not start when main fails', async ({ page, harness }) => {
  // Held back until the spinner has been seen, as a main process busy at start would hold it.
  let releaseAnswer = (): void => undefined;
  const answerHeld = new Promise<void>((resolve) => (releaseAnswer = resolve));
  await page.route('**/__ipc/app%3Aget-info', async (route) => {
    await answerHeld;
    await route.continue();
  });
  await page.goto(harness.url);
  await expect(page.getByRole('status').filter({ hasText: 'Starting the wizard...' })).toBeAttached();
  await expect(page.locator('[aria-hidden="true"]', { hasText: 'Starting the wizard...' })).toBeVisible();
  releaseAnswer();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Azure AD Connect' })).toBeVisible();
  await expect(page.getByText('Starting the wizard...')).toHaveCount(0);

  await page.unrouteAll();
  await page.route('**/__ipc/app%3Aget-info', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'INTERNAL', message: 'The settings could not be read.' } } }),
  );
  await page.reload();
  await expect(page.getByRole('alert')).toHaveText('The wizard could not start: The settings could not be read.');
  await expect(page.getByRole('button', { name: 'Configure' })).toHaveCount(0);

  // A call that never reaches main (the bridge's request fails) says so too, rather than spinning.
  await page.unrouteAll();
  await page.route('**/__ipc/app%3Aget-info', (route) => route.abort());
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('The wizard could not start:');
  await expect(page.getByText('Starting the wizard...')).toHaveCount(0);
});

test('a change plan that stopped with scheduled cycles off is shown on Welcome, and Restore the scheduler turns them back on', async ({ page, harness }) => {
  // What an app that died mid-plan leaves: its running marker, and cycles turned off.
  await harness.app.clients.syncServer.setScheduler({ syncCycleEnabled: false });
  const startedAtUtc = '2026-11-30T09:15:00.000Z';
  await writeRunningMarker(harness.labFolder, { planId: 'interrupted-plan', startedAtUtc, syncCycleWasEnabled: true });

  await page.goto(harness.url);
  const notice = page.getByTestId('interrupted-plan-notice');
  await expect(notice).toContainText(`A change started at ${await page.evaluate((at) => new Date(at).toLocaleString(), startedAtUtc)} stopped`);
  await expect(notice).toContainText('no change can be made here');
  // Drawn by Fluent, loaded for the notice: its bundled icons are registered before it draws.
  await expect(page.locator('[data-icon-name="Warning"] svg')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await keepScreenshot(page, 'welcome-interrupted-plan', 900);

  await page.getByRole('button', { name: 'Restore the scheduler' }).click();
  await expect(notice).toContainText('The scheduler was restored');
  expect((await harness.app.clients.syncServer.getScheduler()).syncCycleEnabled).toBe(true);
  await page.getByRole('button', { name: 'Configure' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Additional tasks' })).toBeVisible();
});

test('every task can be chosen with the keyboard alone, and Previous and Next move between pages', async ({ wizard }) => {
  await expect(wizard.getByRole('heading', { level: 1, name: 'Welcome to Azure AD Connect' })).toBeVisible();
  await wizard.keyboard.press('Tab');
  await expect(wizard.getByRole('button', { name: 'Configure' })).toBeFocused();
  await wizard.keyboard.press('Enter');
  await expect(wizard.getByRole('heading', { level: 1, name: 'Additional tasks' })).toBeFocused();

  const taskList = wizard.getByRole('radiogroup', { name: 'Select a task' });
  for (const [index, task] of taskIds.entries()) {
    const label = taskDescriptions[task].label;
    // The heading is the frame's and has the focus at once; the list comes with the page's chunk. A user tabs
    // once they see it (pressed before, Tab would reach Previous and Space would go back to Welcome).
    await expect(taskList).toBeVisible();
    // From the page heading, Tab reaches the task list; arrow keys move the selection inside it.
    await wizard.getByRole('heading', { level: 1, name: 'Additional tasks' }).focus();
    await wizard.keyboard.press('Tab');
    await expect(taskList.locator(':focus')).toHaveAttribute('type', 'radio');
    if (index === 0) await wizard.keyboard.press('Space');
    else await wizard.keyboard.press('ArrowDown');
    await expect(wizard.getByRole('radio', { name: label })).toBeChecked();

    await wizard.getByRole('button', { name: 'Next' }).focus();
    await wizard.keyboard.press('Enter');
    // The task's first page: the step list now shows the task's own steps after Tasks.
    const steps = wizard.getByRole('navigation', { name: 'Wizard steps' });
    await expect(wizard.getByRole('heading', { level: 1, name: 'Additional tasks' })).toHaveCount(0);
    await expect(steps.locator('[aria-current="step"]')).not.toHaveText('Tasks');
    await expect(steps.locator('[data-status="done"]').last()).toHaveText('Tasks');

    await wizard.getByRole('button', { name: 'Previous' }).focus();
    await wizard.keyboard.press('Enter');
    await expect(wizard.getByRole('heading', { level: 1, name: 'Additional tasks' })).toBeVisible();
    await expect(wizard.getByRole('radio', { name: label })).toBeChecked();
  }
});

test('Exit on a task page closes the wizard', async ({ wizard }) => {
  await wizard.getByRole('button', { name: 'Configure' }).click();
  await wizard.getByRole('radio', { name: 'View current configuration' }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Exit' }).click();
  await expect(wizard.getByRole('heading', { name: 'Azure AD Connect has closed' })).toBeVisible();
});

test('Additional tasks says at the bottom when the server is in staging mode', async ({ wizard, harness }) => {
  await wizard.getByRole('button', { name: 'Configure' }).click();
  await expect(wizard.getByRole('heading', { level: 1, name: 'Additional tasks' })).toBeVisible();
  await expect(wizard.getByRole('radio', { name: 'Assign licenses' })).toBeVisible();
  await expect(wizard.getByText(/This server is in staging mode/)).toHaveCount(0);

  await finishStagingInNativeWizard(harness.labFolder, true);
  await wizard.getByRole('button', { name: 'Previous' }).click();
  await wizard.getByRole('button', { name: 'Configure' }).click();
  await expect(wizard.getByText(/This server is in staging mode: it imports and synchronizes, but exports nothing/)).toBeVisible();
  await expectNoSeriousAxeViolations(wizard);
});
