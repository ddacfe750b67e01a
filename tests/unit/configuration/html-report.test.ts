import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExportFolder } from '../../../electron/services/configuration/export-folder-reader';
import { diffSummaries } from '../../../shared/configuration/diff';
import { renderDiffHtml } from '../../../shared/configuration/diff-html';
import { escapeHtml } from '../../../shared/configuration/html';
import type { ConfigurationSummary } from '../../../shared/configuration/summary';
import { renderSummaryHtml } from '../../../shared/configuration/summary-html';
import { contoso, contosoFolder } from '../../fixtures/configuration/contoso';

const options = { generatedAt: '2026-01-02T03:04:05.000Z', generatedBy: 'Connect wizard' };
const hostile = '<script>alert(1)</script>';

function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/https?:\/\//i);
  expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|@import|url\(/i);
  expect(html).toContain('<style>');
  expect(html).toContain('@media print');
}

/** Every in-page link points at an element of the page. */
function expectLinksResolve(html: string): void {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
  expect(targets.length).toBeGreaterThan(0);
  for (const target of targets) expect(ids.has(target), `anchor #${target}`).toBe(true);
}

describe('the HTML report', () => {
  let summary: ConfigurationSummary;
  beforeAll(async () => {
    summary = await readExportFolder(contosoFolder);
  });

  it('is self-contained and navigable, with every sync rule in the rules table', () => {
    const html = renderSummaryHtml(summary, options);
    expectSelfContained(html);
    expectLinksResolve(html);
    expect(html).toContain('<nav class="toc"');
    for (const section of ['Overview', 'Optional features', 'Connectors', 'Global settings', 'Scheduler', 'Synchronization rules (62)']) {
      expect(html).toContain(`>${section}</h2>`);
    }
    expect(html).toContain('OU=CORP,DC=contoso,DC=com');
    const ruleLinks = html.match(/<a href="#rule-/g) ?? [];
    expect(ruleLinks).toHaveLength(62);
    expect(html).toContain(escapeHtml('"CN={" & ConvertToUTF8Hex([sourceAnchor]) & "}"'));
  });

  it('escapes hostile values everywhere they appear', () => {
    const tampered = structuredClone(summary);
    const rule = tampered.syncRules.find((r) => r.identifier === contoso.groupJoinRuleId)!;
    rule.name = hostile;
    rule.description = `"><img src=x onerror=alert(2)>`;
    rule.identifier = `x" onmouseover="alert(3)`;
    tampered.connectors[0]!.name = hostile;
    tampered.globalSettings[hostile] = hostile;
    tampered.server.name = hostile;
    const html = renderSummaryHtml(tampered, options);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onmouseover="');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('contains no partition cookie', async () => {
    const adXml = await readFile(path.join(contosoFolder, contoso.adConnectorFile), 'utf8');
    const cookie = /<cookie>([^<]+)<\/cookie>/.exec(adXml)?.[1] ?? '';
    const html = renderSummaryHtml(summary, options);
    expect(html).not.toContain(cookie.slice(0, 32));
    expect(html).not.toMatch(/cookie|water-?mark/i);
  });
});

describe('the HTML comparison', () => {
  it('shows changed fields side by side, added and removed DNs, and escapes names', async () => {
    const before = await readExportFolder(contosoFolder);
    const after = structuredClone(before);
    after.syncRules.find((r) => r.identifier === contoso.groupJoinRuleId)!.name = hostile;
    after.connectors[0]!.partitions[0]!.containerExclusions.push('OU=Test,OU=CORP,DC=contoso,DC=com');
    const html = renderDiffHtml(diffSummaries(before, after), { ...options, beforeLabel: 'active <server>', afterLabel: 'staging' });
    expectSelfContained(html);
    expectLinksResolve(html);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<th scope="col">active &lt;server&gt;</th><th scope="col">staging</th>');
    expect(html).toContain('<li class="added">+ OU=Test,OU=CORP,DC=contoso,DC=com</li>');
    expect(html).toContain('0 added');
    expect(html).toContain('2 modified');
  });

  it('says so when both configurations are the same', async () => {
    const summary = await readExportFolder(contosoFolder);
    const html = renderDiffHtml(diffSummaries(summary, summary), { ...options, beforeLabel: 'a', afterLabel: 'b' });
    expect(html).toContain('The two configurations are the same.');
  });
});
