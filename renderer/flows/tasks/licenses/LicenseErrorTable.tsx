import { DetailsList, DetailsListLayoutMode, SelectionMode, type IColumn } from '@fluentui/react';
import type { LicenseErrorEntry } from '../../../../shared/licenses/groups';
import { licenseErrorFix, licenseErrorReason } from '../../../../shared/licenses/license-errors';
import type { SubscribedSku } from '../../../../shared/licenses/skus-and-users';

type Row = LicenseErrorEntry & { key: string; productName: string };

/** Users whose license from a group failed, each error in plain words with what fixes it. */
export function LicenseErrorTable(props: { entries: readonly LicenseErrorEntry[]; skus: readonly SubscribedSku[]; label: string; showGroup: boolean }): JSX.Element {
  const rows: Row[] = props.entries.map((entry) => ({
    ...entry,
    key: `${entry.userId}|${entry.skuId}|${entry.group?.id ?? ''}`,
    productName: props.skus.find((sku) => sku.skuId.toLowerCase() === entry.skuId.toLowerCase())?.productName ?? entry.skuId,
  }));
  const columns: IColumn[] = [
    { key: 'user', name: 'User', minWidth: 200, maxWidth: 300, isMultiline: true, onRender: (row: Row) => `${row.displayName} (${row.userPrincipalName})` },
    { key: 'license', name: 'License', minWidth: 160, maxWidth: 220, isMultiline: true, onRender: (row: Row) => row.productName },
    ...(props.showGroup
      ? [{ key: 'group', name: 'Group', minWidth: 110, maxWidth: 160, isMultiline: true, onRender: (row: Row) => row.group?.displayName ?? row.group?.id ?? '' }]
      : []),
    { key: 'reason', name: 'Reason', minWidth: 150, maxWidth: 200, isMultiline: true, onRender: (row: Row) => licenseErrorReason(row.error) },
    { key: 'fix', name: 'What fixes it', minWidth: 220, isMultiline: true, onRender: (row: Row) => licenseErrorFix(row.error) },
  ];
  return (
    <DetailsList
      items={rows}
      columns={columns}
      selectionMode={SelectionMode.none}
      layoutMode={DetailsListLayoutMode.justified}
      ariaLabelForGrid={props.label}
      compact
    />
  );
}
