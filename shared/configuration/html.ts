/** Small helpers for the self-contained HTML reports: every value passes through `escapeHtml`. */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string | number | boolean | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => entities[ch] ?? ch);
}

/** Anchor ids are built from our own prefixes plus sanitized identifiers, never raw input. */
export function anchorId(prefix: string, value: string): string {
  return `${prefix}-${value.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`;
}

export type Cell = string | number | boolean | null | undefined;

/** A table whose cells are plain values (escaped here); `rawCells` columns already hold safe HTML. */
export function table(headers: readonly string[], rows: readonly (readonly Cell[])[], rawColumns: ReadonlySet<number> = new Set()): string {
  if (rows.length === 0) return '<p class="empty">None.</p>';
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell, i) => `<td>${rawColumns.has(i) ? String(cell ?? '') : escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function definitionList(entries: readonly (readonly [string, Cell])[]): string {
  return `<dl>${entries.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
}

export const yesNo = (value: boolean | undefined): string => (value === undefined ? '' : value ? 'Yes' : 'No');

const styles = `
:root { color-scheme: light; }
body { font-family: "Segoe UI", "Noto Sans", Arial, sans-serif; font-size: 14px; color: #201f1e; margin: 0 auto; max-width: 1200px; padding: 24px; line-height: 1.4; }
h1 { font-size: 24px; font-weight: 600; margin: 0 0 4px; }
h2 { font-size: 20px; font-weight: 600; border-bottom: 2px solid #0078d4; padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 16px; font-weight: 600; margin-top: 24px; }
h4 { font-size: 14px; font-weight: 600; margin: 16px 0 4px; }
.meta { color: #605e5c; margin: 0 0 16px; }
nav.toc { background: #f3f2f1; padding: 12px 16px; border-radius: 4px; }
nav.toc ol { margin: 4px 0; padding-left: 20px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid #c8c6c4; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f2f1; font-weight: 600; }
td { word-break: break-word; }
code, .mono { font-family: Consolas, "Courier New", monospace; font-size: 13px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dt { font-weight: 600; }
dd { margin: 0; }
.empty { color: #605e5c; font-style: italic; }
.added { color: #107c10; }
.removed { color: #a4262c; }
.modified { color: #8a5300; }
.badge { display: inline-block; padding: 0 6px; border-radius: 2px; font-size: 12px; font-weight: 600; }
.badge.added { background: #dff6dd; }
.badge.removed { background: #fde7e9; }
.badge.modified { background: #fff4ce; }
ul.set { margin: 0; padding-left: 18px; }
a { color: #0078d4; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  nav.toc { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-before: page; break-after: avoid; }
  h2.first { break-before: auto; }
  h3, h4 { break-after: avoid; }
  tr, dl { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

/** A complete HTML document: inline CSS only, no script, no external resource. */
export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A table of contents of in-page links. */
export function tableOfContents(entries: readonly { id: string; label: string; children?: readonly { id: string; label: string }[] }[]): string {
  const item = (e: { id: string; label: string; children?: readonly { id: string; label: string }[] }): string =>
    `<li><a href="#${e.id}">${escapeHtml(e.label)}</a>${e.children && e.children.length > 0 ? `<ol>${e.children.map(item).join('')}</ol>` : ''}</li>`;
  return `<nav class="toc" aria-label="Contents"><strong>Contents</strong><ol>${entries.map(item).join('')}</ol></nav>`;
}
