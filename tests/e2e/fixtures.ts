import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startHarness, type Harness } from '../harness/harness';

/** A fresh harness on a fresh lab for each test, and a page already showing the wizard. */
export const test = base.extend<{ harness: Harness; wizard: Page }>({
  harness: async ({}, use) => {
    const harness = await startHarness();
    await use(harness);
    await harness.close();
  },
  wizard: async ({ page, harness }, use) => {
    await page.goto(harness.url);
    await use(page);
  },
});

export { expect };

/** Fails on any serious or critical accessibility violation, naming each. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(serious, `axe violations on ${await page.title()}`).toEqual([]);
}
