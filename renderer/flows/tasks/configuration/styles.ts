import { mergeStyleSets } from '@fluentui/react';

/** Shared look of the task's tables: label column, values, and the grey notes under them (#605e5c keeps 4.5:1). */
export const tableStyles = mergeStyleSets({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    maxWidth: 960,
    fontSize: 14,
    selectors: {
      'th, td': { textAlign: 'left', verticalAlign: 'top', padding: '6px 12px 6px 0', borderBottom: '1px solid #edebe9' },
      'thead th': { fontWeight: 600, color: '#323130' },
      'tbody th': { fontWeight: 400, color: '#323130', width: 280 },
    },
  },
  note: { display: 'block', color: '#605e5c', fontSize: 12, marginTop: 2 },
  missing: { fontStyle: 'italic', color: '#323130' },
  mono: { fontFamily: 'Consolas, "Courier New", monospace', fontSize: 13, wordBreak: 'break-all' },
  list: { margin: 0, paddingLeft: 18 },
  sectionHeading: { fontSize: 18, fontWeight: 600, margin: '8px 0 8px' },
  subHeading: { fontSize: 15, fontWeight: 600, margin: '16px 0 6px' },
});
