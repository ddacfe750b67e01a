import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { summaryDiffSchema } from '../../shared/configuration/diff-model';
import { contoso, copyContoso, editFile } from '../fixtures/configuration/contoso';
import { expect, expectNoSeriousAxeViolations, keepScreenshot, test } from './fixtures';

const screenshot = (page: Page, name: string): Promise<void> => keepScreenshot(page, `configuration-${name}`, 2000);

async function openCompare(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Configure' }).click();
  await page.getByRole('radio', { name: 'View current configuration' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Compare configurations' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Compare configurations' })).toBeVisible();
}

let temp: string;
test.beforeEach(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'compare-e2e-'));
});
test.afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

test('compares this server with an export folder where one rule is disabled, and saves the comparison', async ({ wizard: page, harness }) => {
  test.setTimeout(240_000);
  // The fixture (../shared/fixtures relative to the repository root), copied and changed inside the test.
  const changed = await copyContoso(temp, 'staging-export');
  await editFile(changed, contoso.ruleFile(contoso.groupJoinRuleId), '<disabled>False</disabled>', '<disabled>True</disabled>');

  await openCompare(page);
  const compareButton = page.getByRole('button', { name: 'Compare', exact: true });
  // Before is this server; After waits for a folder to be chosen.
  await expect(page.getByRole('radiogroup', { name: 'Before' }).getByRole('radio', { name: 'This server' })).toBeChecked();
  await expect(page.getByRole('radiogroup', { name: 'After' }).getByRole('radio', { name: 'An export folder' })).toBeChecked();
  await expect(compareButton).toBeDisabled();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'compare-sources');

  harness.dialogs.answerNext(changed);
  await page.getByRole('button', { name: 'After: choose an export folder' }).click();
  await expect(page.getByText(changed)).toBeVisible();
  await compareButton.click();

  const rules = page.getByRole('region', { name: /Synchronization rules/ });
  await expect(rules).toBeVisible({ timeout: 120_000 });
  const change = rules.getByTestId('change').filter({ hasText: 'Out to AAD - Group Join' });
  await expect(change).toHaveAttribute('data-kind', 'modified');
  const fields = change.getByRole('table', { name: 'Changed fields of Out to AAD - Group Join' });
  await expect(fields.getByRole('columnheader')).toHaveText(['Field', 'Before: This server (CONTOSO-SYNC01)', `After: ${changed}`]);
  await expect(fields.getByRole('row', { name: /disabled/ }).getByRole('cell')).toHaveText(['false', 'true']);
  await expect(page.getByText(/Differences: \d+ added, \d+ removed, \d+ modified\./)).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await screenshot(page, 'compare-results');

  const jsonFile = path.join(temp, 'comparison.json');
  harness.dialogs.answerNext(jsonFile);
  await page.getByRole('button', { name: 'Save as JSON…' }).click();
  await expect(page.getByText(`Comparison saved to ${jsonFile}`)).toBeVisible();
  const diff = summaryDiffSchema.parse(JSON.parse(await readFile(jsonFile, 'utf8')));
  expect(diff.changes.filter((c) => c.objectType === 'syncRule')).toEqual([
    { kind: 'modified', objectType: 'syncRule', name: 'Out to AAD - Group Join', id: contoso.groupJoinRuleId, fields: [{ path: 'disabled', before: false, after: true }] },
  ]);

  const htmlFile = path.join(temp, 'comparison.html');
  harness.dialogs.answerNext(htmlFile);
  await page.getByRole('button', { name: 'Save as HTML…' }).click();
  await expect(page.getByText(`Comparison saved to ${htmlFile}`)).toBeVisible();
  const html = await readFile(htmlFile, 'utf8');
  expect(html).toContain('Out to AAD - Group Join');
  expect(html).not.toMatch(/<script|<link|https?:\/\//i);

  await page.getByRole('button', { name: 'Back to the configuration' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'General settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Compare configurations' })).toBeFocused();
});

test('two copies of the same export are the same; a cancelled folder dialog changes nothing', async ({ wizard: page, harness }) => {
  test.setTimeout(240_000);
  const first = await copyContoso(temp, 'first');
  const second = await copyContoso(temp, 'second');
  await openCompare(page);
  await page.getByRole('radiogroup', { name: 'Before' }).getByRole('radio', { name: 'An export folder' }).check();

  harness.dialogs.answerNext(undefined);
  await page.getByRole('button', { name: 'Before: choose an export folder' }).click();
  await expect.poll(() => harness.dialogs.asked.length).toBe(1);
  await expect(page.getByText('Nothing chosen yet.')).toHaveCount(2);
  await expect(page.getByRole('alert')).toHaveCount(0);

  harness.dialogs.answerNext(first);
  await page.getByRole('button', { name: 'Before: choose an export folder' }).click();
  harness.dialogs.answerNext(second);
  await page.getByRole('button', { name: 'After: choose an export folder' }).click();
  await expect(page.getByText(second)).toBeVisible();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByText('The two configurations are the same.').first()).toBeVisible({ timeout: 60_000 });
});

test('an exported JSON file can be compared with the folder it came from', async ({ wizard: page, harness }) => {
  test.setTimeout(240_000);
  const folder = await copyContoso(temp, 'export');
  await openCompare(page);
  // Export this server's settings first, through the page's own Export settings.
  await page.getByRole('button', { name: 'Back to the configuration' }).click();
  const jsonFile = path.join(temp, 'Exported-SynchronizationPolicy-now.json');
  harness.dialogs.answerNext(jsonFile);
  await page.getByRole('button', { name: 'Export settings' }).click();
  await expect(page.getByText('The settings were exported.')).toBeVisible({ timeout: 120_000 });

  await page.getByRole('button', { name: 'Compare configurations' }).click();
  await page.getByRole('radiogroup', { name: 'Before' }).getByRole('radio', { name: 'An exported JSON file' }).check();
  harness.dialogs.answerNext(jsonFile);
  await page.getByRole('button', { name: 'Before: choose an exported JSON file' }).click();
  harness.dialogs.answerNext(folder);
  await page.getByRole('button', { name: 'After: choose an export folder' }).click();
  await expect(page.getByText(folder, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByText(/Differences: |The two configurations are the same\./).first()).toBeVisible({ timeout: 60_000 });
  // The lab is seeded from this export: no rule differs.
  await expect(page.getByRole('region', { name: /Synchronization rules/ })).toHaveCount(0);
});
