import type { IColumn } from '@fluentui/react';
import { useCallback, useMemo } from 'react';
import type { SubscribedSku } from '../../../../shared/licenses/skus-and-users';
import { SingleSelectList } from './SingleSelectList';

const columns: IColumn[] = [
  { key: 'product', name: 'Product', fieldName: 'productName', minWidth: 220, maxWidth: 320, isMultiline: true },
  { key: 'part', name: 'Part number', fieldName: 'skuPartNumber', minWidth: 120, maxWidth: 160 },
  { key: 'available', name: 'Available', fieldName: 'availableUnits', minWidth: 70, maxWidth: 80 },
  { key: 'consumed', name: 'Assigned', fieldName: 'consumedUnits', minWidth: 70, maxWidth: 80 },
  { key: 'total', name: 'Total', fieldName: 'enabledUnits', minWidth: 60, maxWidth: 70 },
];

/** The tenant's subscriptions with their units; one is selected, the license the page assigns or removes. */
export function SkuTable(props: { skus: readonly SubscribedSku[]; selectedSkuId: string | null; onSelect: (skuId: string) => void }): JSX.Element {
  const { onSelect } = props;
  const items = useMemo(() => props.skus.map((sku) => ({ ...sku, key: sku.skuId })), [props.skus]);
  // A license stays chosen: an empty click keeps the selection, so a key always comes with a change.
  const select = useCallback(
    (skuId: string | null) => {
      if (skuId !== null) onSelect(skuId);
    },
    [onSelect],
  );
  return (
    <SingleSelectList
      items={items}
      columns={columns}
      selectedKey={props.selectedSkuId}
      onSelect={select}
      setKey="skus"
      labels={{ grid: 'Subscriptions of the tenant', selectionColumn: 'Select a license', checkButton: 'Select this license' }}
    />
  );
}
