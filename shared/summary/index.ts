/** The configuration summary: model, diff, JSON export and HTML reports (pure; usable by main and renderer). */
export * from './model';
export * from './features';
export * from './assemble';
export * from './diff-model';
export * from './diff';
export * from './policy-export';
export * from './export-location';
export { renderSummaryHtml, type SummaryReportOptions } from './summary-html';
export { renderDiffHtml, type DiffReportOptions } from './diff-html';
