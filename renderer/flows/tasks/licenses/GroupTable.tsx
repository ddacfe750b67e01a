import type { IColumn } from '@fluentui/react';
import { useMemo } from 'react';
import { disabledPlanNames, processingStateText } from '../../../../shared/licenses/describe';
import type { LicensedGroup } from '../../../../shared/licenses/groups';
import type { SubscribedSku } from '../../../../shared/licenses/skus-and-users';
import { SingleSelectList } from './SingleSelectList';

type Row = LicensedGroup & { key: string };

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
  const { onSelect, skus } = props;
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
    <SingleSelectList
      items={items}
      columns={columns}
      onSelect={onSelect}
      setKey="groups"
      labels={{ grid: 'Groups that can hold licenses', selectionColumn: 'Select a group', checkButton: 'Select this group' }}
    />
  );
}
