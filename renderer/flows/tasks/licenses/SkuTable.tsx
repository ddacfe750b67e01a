import { CheckboxVisibility, DetailsList, DetailsListLayoutMode, Selection, SelectionMode, type IColumn } from '@fluentui/react';
import { useEffect, useMemo, useState } from 'react';
import type { SubscribedSku } from '../../../../shared/licenses/skus-and-users';

const columns: IColumn[] = [
  { key: 'product', name: 'Product', fieldName: 'productName', minWidth: 220, maxWidth: 320, isMultiline: true },
  { key: 'part', name: 'Part number', fieldName: 'skuPartNumber', minWidth: 120, maxWidth: 160 },
  { key: 'available', name: 'Available', fieldName: 'availableUnits', minWidth: 70, maxWidth: 80 },
  { key: 'consumed', name: 'Assigned', fieldName: 'consumedUnits', minWidth: 70, maxWidth: 80 },
  { key: 'total', name: 'Total', fieldName: 'enabledUnits', minWidth: 60, maxWidth: 70 },
];

/** A single selection of SKUs that reports the chosen skuId to whoever listens now. */
function skuSelection(): { selection: Selection; listen: (listener: (skuId: string) => void) => void } {
  let listener: (skuId: string) => void = () => undefined;
  const selection: Selection = new Selection({
    getKey: (item) => (item as SubscribedSku).skuId,
    onSelectionChanged: (): void => {
      const [chosen] = selection.getSelection() as SubscribedSku[];
      if (chosen) listener(chosen.skuId);
    },
  });
  return {
    selection,
    listen: (next) => {
      listener = next;
    },
  };
}

/** The tenant's subscriptions with their units; one is selected, the license the page assigns or removes. */
export function SkuTable(props: { skus: readonly SubscribedSku[]; selectedSkuId: string | null; onSelect: (skuId: string) => void }): JSX.Element {
  const [{ selection, listen }] = useState(skuSelection);
  const { onSelect } = props;
  useEffect(() => listen(onSelect), [listen, onSelect]);
  const items = useMemo(() => props.skus.map((sku) => ({ ...sku, key: sku.skuId })), [props.skus]);

  useEffect(() => {
    if (props.selectedSkuId === null) return;
    const [chosen] = selection.getSelection() as SubscribedSku[];
    if (chosen?.skuId === props.selectedSkuId) return;
    selection.setChangeEvents(false);
    selection.setItems(items, false);
    selection.setKeySelected(props.selectedSkuId, true, false);
    selection.setChangeEvents(true, true);
  }, [selection, items, props.selectedSkuId]);

  return (
    <DetailsList
      items={items}
      columns={columns}
      selection={selection}
      selectionMode={SelectionMode.single}
      selectionPreservedOnEmptyClick
      checkboxVisibility={CheckboxVisibility.always}
      layoutMode={DetailsListLayoutMode.justified}
      setKey="skus"
      ariaLabelForGrid="Subscriptions of the tenant"
      ariaLabelForSelectionColumn="Select a license"
      checkButtonAriaLabel="Select this license"
      compact
    />
  );
}
