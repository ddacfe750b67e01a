import { CheckboxVisibility, DetailsList, DetailsListLayoutMode, Selection, SelectionMode, type IColumn } from '@fluentui/react';
import { useEffect, useMemo, useState } from 'react';
import { disabledPlanNames, processingStateText } from '../../../../shared/licenses/describe';
import type { LicensedGroup } from '../../../../shared/licenses/groups';
import type { SubscribedSku } from '../../../../shared/licenses/skus-and-users';

type Row = LicensedGroup & { key: string };

/** A single selection of groups that reports the chosen group id to whoever listens now. */
function groupSelection(): { selection: Selection; listen: (listener: (groupId: string | null) => void) => void } {
  let listener: (groupId: string | null) => void = () => undefined;
  const selection: Selection = new Selection({
    getKey: (item) => (item as Row).id,
    onSelectionChanged: (): void => listener((selection.getSelection() as Row[])[0]?.id ?? null),
  });
  return {
    selection,
    listen: (next) => {
      listener = next;
    },
  };
}

/** "EMS E3 (Intune off); Entra ID P1": a group's licenses with the plans it switches off. */
function groupLicensesText(group: LicensedGroup, skus: readonly SubscribedSku[]): string {
  if (group.assignedLicenses.length === 0) return 'None';
  return group.assignedLicenses
    .map((license) => {
      const sku = skus.find((candidate) => candidate.skuId.toLowerCase() === license.skuId.toLowerCase());
      const off = sku ? disabledPlanNames(sku, license.disabledPlans) : license.disabledPlans.join(', ');
      return `${sku?.productName ?? license.skuId}${off ? ` (${off} off)` : ''}`;
    })
    .join('; ');
}

/** The groups that can hold licenses, one selectable, with their licenses and processing state. */
export function GroupTable(props: { groups: readonly LicensedGroup[]; skus: readonly SubscribedSku[]; onSelect: (groupId: string | null) => void }): JSX.Element {
  const [{ selection, listen }] = useState(groupSelection);
  const { onSelect, skus } = props;
  useEffect(() => listen(onSelect), [listen, onSelect]);
  const items = useMemo<Row[]>(() => props.groups.map((group) => ({ ...group, key: group.id })), [props.groups]);
  const columns = useMemo<IColumn[]>(
    () => [
      { key: 'name', name: 'Group', fieldName: 'displayName', minWidth: 160, maxWidth: 240, isMultiline: true },
      { key: 'source', name: 'Source', minWidth: 100, maxWidth: 120, onRender: (group: Row) => (group.synced ? 'Synchronized' : 'Cloud') },
      { key: 'kind', name: 'Type', minWidth: 110, maxWidth: 140, onRender: (group: Row) => (group.microsoft365 ? 'Microsoft 365' : 'Security') },
      { key: 'licenses', name: 'Licenses', minWidth: 220, isMultiline: true, onRender: (group: Row) => groupLicensesText(group, skus) },
      { key: 'processing', name: 'License processing', minWidth: 130, maxWidth: 160, onRender: (group: Row) => processingStateText(group.processingState) },
    ],
    [skus],
  );
  return (
    <DetailsList
      items={items}
      columns={columns}
      selection={selection}
      selectionMode={SelectionMode.single}
      selectionPreservedOnEmptyClick
      checkboxVisibility={CheckboxVisibility.always}
      layoutMode={DetailsListLayoutMode.justified}
      setKey="groups"
      ariaLabelForGrid="Groups that can hold licenses"
      ariaLabelForSelectionColumn="Select a group"
      checkButtonAriaLabel="Select this group"
      compact
    />
  );
}
