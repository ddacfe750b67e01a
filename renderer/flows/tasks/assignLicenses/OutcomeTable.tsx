import { DetailsList, DetailsListLayoutMode, SelectionMode, type IColumn } from '@fluentui/react';
import type { LicenseOutcomeData } from '../../../../shared/contract/licenses';
import { countryLabel } from '../../../../shared/licensing/countries';

const statusText: Record<LicenseOutcomeData['status'], string> = { done: 'Done', failed: 'Failed', notAttempted: 'Not changed' };

const columns: IColumn[] = [
  { key: 'name', name: 'User', minWidth: 180, maxWidth: 280, isMultiline: true, onRender: (o: LicenseOutcomeData) => `${o.displayName} (${o.userPrincipalName})` },
  { key: 'status', name: 'Result', minWidth: 80, maxWidth: 100, onRender: (o: LicenseOutcomeData) => statusText[o.status] },
  {
    key: 'location',
    name: 'Usage location set',
    minWidth: 120,
    maxWidth: 160,
    onRender: (o: LicenseOutcomeData) => (o.usageLocationSet ? countryLabel(o.usageLocationSet) : ''),
  },
  { key: 'reason', name: 'Reason', minWidth: 200, isMultiline: true, onRender: (o: LicenseOutcomeData) => o.reason ?? '' },
];

/** Each user's outcome of the last submission. */
export function OutcomeTable({ outcomes }: { outcomes: readonly LicenseOutcomeData[] }): JSX.Element {
  return (
    <DetailsList
      items={[...outcomes]}
      columns={columns}
      selectionMode={SelectionMode.none}
      layoutMode={DetailsListLayoutMode.justified}
      getKey={(item: LicenseOutcomeData) => item.userId}
      ariaLabelForGrid="Result for each user"
      compact
    />
  );
}
