import { CheckboxVisibility, DetailsList, DetailsListLayoutMode, Selection, SelectionMode, type IColumn } from '@fluentui/react';
import { memo, useEffect, useMemo, useState } from 'react';
import { countryLabel } from '../../../../shared/licenses/countries';
import { disabledPlanNames, userDisabledPlans, userLicenseText } from '../../../../shared/licenses/describe';
import { hasSku } from '../../../../shared/licenses/plan';
import type { SubscribedSku, SyncedUser } from '../../../../shared/licenses/skus-and-users';

type Row = SyncedUser & { key: string };

/** A multiple selection of users that reports the selected users to whoever listens now. */
function userSelection(): { selection: Selection; listen: (listener: (users: SyncedUser[]) => void) => void } {
  let listener: (users: SyncedUser[]) => void = () => undefined;
  const selection: Selection = new Selection({
    getKey: (item) => (item as Row).id,
    onSelectionChanged: (): void => listener(selection.getSelection() as Row[]),
  });
  return {
    selection,
    listen: (next) => {
      listener = next;
    },
  };
}

/**
 * Synchronized users, many selectable; selection is kept by user id while more users are loaded. The
 * license column says whether the chosen license is direct or inherited (and from which group).
 */
export const UserTable = memo(function UserTable(props: {
  users: readonly SyncedUser[];
  sku: SubscribedSku | null;
  onSelectionChange: (users: SyncedUser[]) => void;
  /** A new value clears the selection (after a submission). */
  selectionKey: string;
}): JSX.Element {
  const [{ selection, listen }] = useState(userSelection);
  const { onSelectionChange } = props;
  useEffect(() => listen(onSelectionChange), [listen, onSelectionChange]);
  const { selectionKey } = props;
  useEffect(() => {
    // A new key means the last selection was submitted: start with none.
    selection.setAllSelected(false);
  }, [selection, selectionKey]);
  const items = useMemo<Row[]>(() => props.users.map((user) => ({ ...user, key: user.id })), [props.users]);
  const { sku } = props;

  const columns = useMemo<IColumn[]>(
    () => [
      { key: 'name', name: 'Name', fieldName: 'displayName', minWidth: 140, maxWidth: 220 },
      { key: 'upn', name: 'User principal name', fieldName: 'userPrincipalName', minWidth: 190, maxWidth: 260 },
      {
        key: 'location',
        name: 'Usage location',
        minWidth: 120,
        maxWidth: 180,
        onRender: (user: Row) => (user.usageLocation ? countryLabel(user.usageLocation) : 'Not set'),
      },
      {
        key: 'license',
        name: sku?.productName ?? 'License',
        minWidth: 230,
        maxWidth: 300,
        isMultiline: true,
        onRender: (user: Row) => (sku === null ? '' : userLicenseText(user, sku.skuId)),
      },
      {
        key: 'plans',
        name: 'Service plans off',
        minWidth: 140,
        maxWidth: 220,
        isMultiline: true,
        onRender: (user: Row) => (sku !== null && hasSku(user, sku.skuId) ? disabledPlanNames(sku, userDisabledPlans(user, sku.skuId)) || 'None' : ''),
      },
    ],
    [sku],
  );

  return (
    <DetailsList
      items={items}
      columns={columns}
      selection={selection}
      selectionMode={SelectionMode.multiple}
      checkboxVisibility={CheckboxVisibility.always}
      layoutMode={DetailsListLayoutMode.justified}
      setKey={props.selectionKey}
      ariaLabelForGrid="Synchronized users"
      ariaLabelForSelectAllCheckbox="Select all users shown"
      ariaLabelForSelectionColumn="Select users"
      checkButtonAriaLabel="Select this user"
      compact
    />
  );
});
