import { CheckboxVisibility, DetailsList, DetailsListLayoutMode, Selection, SelectionMode, type IColumn } from '@fluentui/react';
import { useEffect, useMemo, useState } from 'react';
import { countryLabel } from '../../../../shared/licenses/countries';
import { hasSku } from '../../../../shared/licenses/plan';
import type { SyncedUser } from '../../../../shared/licenses/skus-and-users';

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

/** Synchronized users, many selectable; selection is kept by user id while more users are loaded. */
export function UserTable(props: {
  users: readonly SyncedUser[];
  skuId: string | null;
  productName: string;
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
  const { skuId, productName } = props;

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
        name: productName,
        minWidth: 230,
        maxWidth: 280,
        onRender: (user: Row) => (skuId !== null && hasSku(user, skuId) ? 'Assigned' : 'Not assigned'),
      },
    ],
    [skuId, productName],
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
}
