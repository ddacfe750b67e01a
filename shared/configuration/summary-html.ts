import { featureLabels } from './features';
import { anchorId, definitionList, escapeHtml, htmlPage, table, tableOfContents, yesNo, type Cell } from './html';
import { isStandardRule, type ConfigurationSummary, type OptionalFeatures, type SummaryConnector, type SyncRule } from './summary';

export type SummaryReportOptions = {
  generatedAt: string;
  generatedBy: string;
};

const ul = (items: readonly string[]): string =>
  items.length === 0 ? '<span class="empty">None</span>' : `<ul class="set">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;

function overviewSection(summary: ConfigurationSummary): string {
  const s = summary.globalSettings;
  return definitionList([
    ['Server', summary.server.name ?? ''],
    ['Exported', summary.server.exportDate ?? ''],
    ['Server configuration version', summary.server.serverConfigurationVersion ?? ''],
    ['Staging mode', s['Microsoft.Synchronize.StagingMode'] ?? ''],
    ['Source anchor', s['Microsoft.SynchronizationOption.AnchorAttribute'] ?? ''],
    ['User principal name attribute', s['Microsoft.SynchronizationOption.UPNAttribute'] ?? ''],
    ['User sign-in method', s['Microsoft.UserSignIn.SignOnMethod'] ?? ''],
    ['Auto upgrade', s['Microsoft.OptionalFeature.AutoUpgradeState'] ?? ''],
    ['Connectors', summary.connectors.length],
    ['Synchronization rules', summary.syncRules.length],
  ]);
}

function featuresSection(features: OptionalFeatures | undefined): string {
  if (features === undefined) return '<p>Not in this export.</p>';
  const rows = (Object.keys(featureLabels) as (keyof OptionalFeatures)[]).map((key): Cell[] => {
    if (key === 'exportDeletionThreshold') {
      const t = features.exportDeletionThreshold;
      return [featureLabels[key], t.enabled ? `Enabled${t.threshold !== undefined ? ` (${t.threshold} objects)` : ''}` : 'Disabled'];
    }
    return [featureLabels[key], features[key] ? 'Enabled' : 'Disabled'];
  });
  return table(['Feature', 'State'], rows);
}

function connectorSection(connector: SummaryConnector): string {
  const phs = connector.passwordHashSync;
  const details = definitionList([
    ['Identifier', connector.identifier],
    ['Type', connector.kind],
    ['Category', [connector.type, connector.subtype].filter(Boolean).join(' / ')],
    ['Forest', connector.forest ?? ''],
    ['Domain', connector.domain ?? ''],
    ['Account', connector.account ?? ''],
    ['Password hash synchronization', connector.kind === 'AD' ? yesNo(phs?.enabled) : ''],
  ]);
  const partitions = table(
    ['Partition', 'Selected', 'Object classes', 'Included containers', 'Excluded containers'],
    connector.partitions.map((p) => [
      escapeHtml(p.dn) + (p.name && p.name !== p.dn ? ` <span class="meta">(${escapeHtml(p.name)})</span>` : ''),
      escapeHtml(yesNo(p.selected)),
      ul(p.objectClasses),
      ul(p.containerInclusions),
      ul(p.containerExclusions),
    ]),
    new Set([0, 1, 2, 3, 4]),
  );
  const runProfiles = table(
    ['Run profile', 'Steps'],
    connector.runProfiles.map((r) => [r.name, r.steps.map((s) => [s.type, s.subtype, s.partition].filter(Boolean).join(' / ')).join('; ')]),
  );
  const passwordSync =
    phs === undefined
      ? ''
      : `<h4>Password synchronization settings</h4>${definitionList([
          ['Enabled', yesNo(phs.enabled)],
          ['Maximum retry count', phs.maximumRetryCount],
          ['Retry interval (seconds)', phs.retryIntervalSeconds],
          ['Allow low security', yesNo(phs.allowLowSecurity)],
          ['Unlock account', yesNo(phs.unlockAccount)],
        ])}`;
  return `<h3 id="${anchorId('connector', connector.identifier)}">${escapeHtml(connector.name)}</h3>${details}<h4>Partitions and OU filtering</h4>${partitions}<h4>Run profiles</h4>${runProfiles}${passwordSync}`;
}

function rulesTable(rules: readonly SyncRule[]): string {
  return table(
    ['Precedence', 'Name', 'Direction', 'Connector', 'Source', 'Target', 'Link type', 'Kind', 'Disabled'],
    rules.map((r) => [
      escapeHtml(r.precedence),
      `<a href="#${anchorId('rule', r.identifier)}">${escapeHtml(r.name)}</a>`,
      escapeHtml(r.direction),
      escapeHtml(r.connectorName),
      escapeHtml(r.sourceObjectType),
      escapeHtml(r.targetObjectType),
      escapeHtml(r.linkType),
      isStandardRule(r) ? 'Standard' : 'Custom',
      escapeHtml(yesNo(r.disabled)),
    ]),
    new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]),
  );
}

function ruleDetails(rule: SyncRule): string {
  const header = definitionList([
    ['Identifier', rule.identifier],
    ['Internal identifier', rule.internalIdentifier ?? ''],
    ['Description', rule.description],
    ['Direction', rule.direction],
    ['Connector', rule.connectorName],
    ['Source object type', rule.sourceObjectType],
    ['Target object type', rule.targetObjectType],
    ['Link type', rule.linkType],
    ['Precedence', rule.precedence],
    ['Immutable tag', rule.immutableTag ?? ''],
    ['Disabled', yesNo(rule.disabled)],
    ['Enable password sync', yesNo(rule.enablePasswordSync)],
  ]);
  const scoping = table(
    ['Group', 'Attribute', 'Operator', 'Value'],
    rule.scopingFilter.flatMap((g, gi) => g.conditions.map((c): Cell[] => [gi + 1, c.attribute, c.operator, c.value])),
  );
  const joins = table(
    ['Group', 'Source attribute', 'Target attribute', 'Case sensitive'],
    rule.joinRules.flatMap((g, gi) => g.conditions.map((c): Cell[] => [gi + 1, c.sourceAttribute, c.targetAttribute, yesNo(c.caseSensitive)])),
  );
  const flows = table(
    ['Destination', 'Flow type', 'Source', 'Expression', 'Merge type'],
    rule.attributeFlows.map((f) => [
      escapeHtml(f.destination),
      escapeHtml(f.flowType),
      escapeHtml(f.constant ?? f.source.join(', ')),
      `<code>${escapeHtml(f.expression ?? '')}</code>`,
      escapeHtml(f.valueMergeType ?? ''),
    ]),
    new Set([0, 1, 2, 3, 4]),
  );
  return `<h3 id="${anchorId('rule', rule.identifier)}">${escapeHtml(rule.name)}</h3>${header}<h4>Scoping filter</h4>${scoping}<h4>Join rules</h4>${joins}<h4>Transformations</h4>${flows}`;
}

/** The configuration as a self-contained, printable HTML report (no script, no external resource). */
export function renderSummaryHtml(summary: ConfigurationSummary, options: SummaryReportOptions): string {
  const title = `Synchronization configuration${summary.server.name ? ` of ${summary.server.name}` : ''}`;
  const settingsRows = summary.notInExport?.includes('globalSettings')
    ? [['Not in this export', '']]
    : Object.entries(summary.globalSettings).map(([name, value]): Cell[] => [name, value]);
  const scheduler = summary.scheduler;
  const sections = [
    { id: 'overview', label: 'Overview', html: overviewSection(summary) },
    { id: 'features', label: 'Optional features', html: featuresSection(summary.features) },
    {
      id: 'connectors',
      label: 'Connectors',
      html: summary.connectors.map(connectorSection).join('\n'),
      children: summary.connectors.map((c) => ({ id: anchorId('connector', c.identifier), label: c.name })),
    },
    { id: 'global-settings', label: 'Global settings', html: table(['Name', 'Value'], settingsRows) },
    {
      id: 'scheduler',
      label: 'Scheduler',
      html:
        scheduler === undefined
          ? '<p class="empty">Not available: an export folder does not record the scheduler (only a live server does).</p>'
          : table(['Setting', 'Value'], Object.entries(scheduler).map(([k, v]): Cell[] => [k, v === null ? '' : v])),
    },
    { id: 'sync-rules', label: `Synchronization rules (${summary.syncRules.length})`, html: rulesTable(summary.syncRules) },
    { id: 'sync-rule-details', label: 'Synchronization rule details', html: summary.syncRules.map(ruleDetails).join('\n') },
  ];
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">Generated ${escapeHtml(options.generatedAt)} by ${escapeHtml(options.generatedBy)}</p>`,
    tableOfContents(sections),
    ...sections.map((s, i) => `<section><h2 id="${s.id}"${i === 0 ? ' class="first"' : ''}>${escapeHtml(s.label)}</h2>\n${s.html}</section>`),
  ].join('\n');
  return htmlPage(title, body);
}
