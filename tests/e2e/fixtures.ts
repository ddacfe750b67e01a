import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { startHarness, type Harness } from '../harness/harness';
import type { LabProfile } from '../../lab/index';

/**
 * A fresh harness on a fresh lab for each test, and a page already showing the wizard. `labProfile` picks
 * the lab sync server's profile (`test.use({ labProfile: 'contoso-current' })`); default contoso.
 */
export const test = base.extend<{ labProfile: LabProfile; harness: Harness; wizard: Page }>({
  labProfile: ['contoso', { option: true }],
  harness: async ({ labProfile }, use) => {
    const harness = await startHarness({ labProfile });
    await use(harness);
    await harness.close();
  },
  wizard: async ({ page, harness }, use) => {
    await page.goto(harness.url);
    await use(page);
  },
});

export { expect };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const axeOptions: RunOptions = { resultTypes: ['violations'] };

/**
 * Fails on any serious or critical accessibility violation, naming each (in the part `include` selects, else the page).
 * axe is injected once per document and run in the page itself: the Playwright wrapper injects it again and finishes
 * each run in a new blank page, which cost seconds per check on this machine.
 */
export async function expectNoSeriousAxeViolations(page: Page, include?: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  // Fluent fades new rows in; contrast measured mid-fade fails, so running finite animations are let finish
  // (spinners never do), for a few seconds at most.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().endTime !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 3_000)),
    ]),
  );
  const results = await page.evaluate(
    ([context, options]) => (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe.run(context ?? document, options),
    [include ?? null, axeOptions] as const,
  );
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(serious, `axe violations on ${await page.title()}`).toEqual([]);
}

const screenshotFolder = path.join('test-results', 'screenshots');

/**
 * Keeps a screenshot of the page as a test artifact and in test-results/screenshots/<name>.png. The page
 * scrolls inside the wizard frame, so the window is made tall for the picture and then restored.
 */
export async function keepScreenshot(page: Page, name: string, height = 1800): Promise<void> {
  await mkdir(screenshotFolder, { recursive: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height });
  await page.screenshot({ path: base.info().outputPath(`${name}.png`) });
  await page.screenshot({ path: path.join(screenshotFolder, `${name}.png`) });
  if (size) await page.setViewportSize(size);
}

/** From Welcome, chooses a task on Additional tasks and goes to its first page. */
export async function openTask(page: Page, taskLabel: string): Promise<void> {
  await page.getByRole('button', { name: 'Configure' }).click();
  await page.getByRole('radio', { name: taskLabel }).check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
}

/**
 * On the Connect to Azure AD page, signs a lab administrator in (the lab sign-in page opens in a new tab)
 * unless one is signed in already, and waits until Next is enabled.
 */
export async function signInAsAdmin(page: Page, username = 'hybridadmin@contoso.onmicrosoft.com'): Promise<void> {
  const signedIn = page.getByText(/Signed in as/);
  await expect(page.getByRole('button', { name: 'Sign in', exact: true }).or(signedIn)).toBeVisible({ timeout: 30_000 });
  if (!(await signedIn.isVisible())) {
    const tab = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const signInPage = await tab;
    await signInPage.getByLabel('Username').fill(username);
    await signInPage.getByLabel('Password').fill('LabPassw0rd!');
    await signInPage.getByRole('button', { name: 'Sign in' }).click();
    // The tab posts the answer back to the app: close it only once the app shows the account.
    await expect(signedIn).toBeVisible({ timeout: 30_000 });
    await signInPage.close().catch(() => {});
  }
  await expect(signedIn).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeEnabled();
}
