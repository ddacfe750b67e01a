import { memo } from 'react';
import { DetailsList, DetailsListLayoutMode, SelectionMode, type IColumn } from '@fluentui/react';
import type { LicenseOutcome } from '../../../../shared/licenses/license-change';
import { countryLabel } from '../../../../shared/licenses/countries';

const statusText: Record<LicenseOutcome['status'], string> = { done: 'Done', failed: 'Failed', notAttempted: 'Not changed' };

const columns: IColumn[] = [
  { key: 'name', name: 'User', minWidth: 180, maxWidth: 280, isMultiline: true, onRender: (o: LicenseOutcome) => `${o.displayName} (${o.userPrincipalName})` },
  { key: 'status', name: 'Result', minWidth: 80, maxWidth: 100, onRender: (o: LicenseOutcome) => statusText[o.status] },
  {
    key: 'location',
    name: 'Usage location set',
    minWidth: 120,
    maxWidth: 160,
    onRender: (o: LicenseOutcome) => (o.usageLocationSet ? countryLabel(o.usageLocationSet) : ''),
  },
  { key: 'reason', name: 'Reason', minWidth: 200, isMultiline: true, onRender: (o: LicenseOutcome) => o.reason ?? '' },
];

/** Each user's outcome of the last submission (a thousand rows: the list draws those scrolled to). */
export const OutcomeTable = memo(function OutcomeTable({ outcomes }: { outcomes: readonly LicenseOutcome[] }): JSX.Element {
  return (
    <DetailsList
      items={[...outcomes]}
      columns={columns}
      selectionMode={SelectionMode.none}
      layoutMode={DetailsListLayoutMode.justified}
      getKey={(item: LicenseOutcome) => item.userId}
      ariaLabelForGrid="Result for each user"
      compact
    />
  );
});
