import { mergeStyleSets } from '@fluentui/react';
import type { ReactNode } from 'react';

const styles = mergeStyleSets({
  table: { borderCollapse: 'collapse', minWidth: 520, fontSize: 12, color: '#323130' },
  cell: { padding: '6px 12px', borderBottom: '1px solid #edebe9', textAlign: 'left', fontWeight: 400 },
  heading: { fontWeight: 600, color: '#323130' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

export interface DataColumn<Row> {
  readonly key: string;
  readonly name: string;
  /** Numbers are right-aligned. */
  readonly numeric?: boolean;
  readonly render: (row: Row) => ReactNode;
}

export interface DataTableProps<Row> {
  readonly label: string;
  readonly columns: readonly DataColumn<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row, index: number) => string;
  /** The column whose cell names its row (a row header), where one does. */
  readonly rowHeader?: string;
}

/**
 * A read-only table with column headers, styled like Fluent's compact lists: a plain table is announced by screen
 * readers with its headers, and costs a fraction of a DetailsList to render (the status page shows several).
 */
export function DataTable<Row>({ label, columns, rows, rowKey, rowHeader }: DataTableProps<Row>): JSX.Element {
  const classOf = (column: DataColumn<Row>, heading: boolean): string =>
    [styles.cell, heading ? styles.heading : '', column.numeric ? styles.number : ''].filter(Boolean).join(' ');
  return (
    <table className={styles.table} aria-label={label}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={classOf(column, true)}>
              {column.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          <tr key={rowKey(row, rowIndex)}>
            {columns.map((column) =>
              column.key === rowHeader ? (
                <th key={column.key} scope="row" className={classOf(column, false)}>
                  {column.render(row)}
                </th>
              ) : (
                <td key={column.key} className={classOf(column, false)}>
                  {column.render(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
