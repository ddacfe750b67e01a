import type { DiffValue, FieldChange, SummaryChange, SummaryDiff } from './diff-model';
import { escapeHtml, htmlPage, tableOfContents } from './html';

export type DiffReportOptions = {
  beforeLabel: string;
  afterLabel: string;
  generatedAt: string;
  generatedBy: string;
};

const sectionTitles: Record<SummaryChange['objectType'], string> = {
  connector: 'Connectors',
  partition: 'Partitions and OU filtering',
  globalSetting: 'Global settings',
  feature: 'Optional features',
  scheduler: 'Scheduler',
  syncRule: 'Synchronization rules',
};

function valueHtml(value: DiffValue): string {
  if (value === null) return '<span class="empty">(none)</span>';
  if (Array.isArray(value)) {
    return value.length === 0 ? '<span class="empty">(empty)</span>' : `<ul class="set">${value.map((v) => `<li>${escapeHtml(v)}</li>`).join('')}</ul>`;
  }
  return escapeHtml(value);
}

function fieldRow(field: FieldChange): string {
  const setChanges = [
    ...(field.added ?? []).map((v) => `<li class="added">+ ${escapeHtml(v)}</li>`),
    ...(field.removed ?? []).map((v) => `<li class="removed">− ${escapeHtml(v)}</li>`),
  ];
  const change = setChanges.length > 0 ? `<ul class="set">${setChanges.join('')}</ul>` : '';
  return `<tr><td class="mono">${escapeHtml(field.path)}</td><td>${valueHtml(field.before)}</td><td>${valueHtml(field.after)}</td><td>${change}</td></tr>`;
}

function changeBlock(change: SummaryChange, options: DiffReportOptions): string {
  const heading = `<h3><span class="badge ${change.kind}">${escapeHtml(change.kind)}</span> ${escapeHtml(change.name)} <span class="meta mono">${escapeHtml(change.id)}</span></h3>`;
  if (change.fields.length === 0) {
    const where = change.kind === 'added' ? options.afterLabel : options.beforeLabel;
    return `${heading}<p class="meta">Only in ${escapeHtml(where)}.</p>`;
  }
  return `${heading}<table><thead><tr><th scope="col">Field</th><th scope="col">${escapeHtml(options.beforeLabel)}</th><th scope="col">${escapeHtml(options.afterLabel)}</th><th scope="col">Entries added/removed</th></tr></thead><tbody>${change.fields.map(fieldRow).join('')}</tbody></table>`;
}

/** A comparison of two configurations as a self-contained HTML page, changed fields side by side. */
export function renderDiffHtml(diff: SummaryDiff, options: DiffReportOptions): string {
  const title = 'Synchronization configuration comparison';
  const types = [...new Set(diff.changes.map((c) => c.objectType))];
  const sections = types.map((type) => ({ id: `changes-${type}`, label: sectionTitles[type], type }));
  const { added, removed, modified } = diff.counts;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">Before: ${escapeHtml(options.beforeLabel)}<br>After: ${escapeHtml(options.afterLabel)}<br>Generated ${escapeHtml(options.generatedAt)} by ${escapeHtml(options.generatedBy)}</p>`,
    `<p><span class="badge added">${added} added</span> <span class="badge removed">${removed} removed</span> <span class="badge modified">${modified} modified</span></p>`,
    diff.changes.length === 0 ? '<p>The two configurations are the same.</p>' : tableOfContents(sections),
    ...sections.map(
      (s, i) =>
        `<section><h2 id="${s.id}"${i === 0 ? ' class="first"' : ''}>${escapeHtml(s.label)}</h2>${diff.changes
          .filter((c) => c.objectType === s.type)
          .map((c) => changeBlock(c, options))
          .join('\n')}</section>`,
    ),
  ].join('\n');
  return htmlPage(title, body);
}
