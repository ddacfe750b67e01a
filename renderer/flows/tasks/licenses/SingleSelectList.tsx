import { CheckboxVisibility, DetailsList, DetailsListLayoutMode, Selection, SelectionMode, type IColumn } from '@fluentui/react';
import { useEffect, useState } from 'react';

/** A selection of one row that reports the chosen row's key to whoever listens now (the page's latest callback). */
function singleSelection(): { selection: Selection; listen: (listener: (key: string | null) => void) => void } {
  let listener: (key: string | null) => void = () => undefined;
  const selection: Selection = new Selection({
    getKey: (item) => (item as { key: string }).key,
    onSelectionChanged: (): void => listener((selection.getSelection() as { key: string }[])[0]?.key ?? null),
  });
  return {
    selection,
    listen: (next) => {
      listener = next;
    },
  };
}

export interface SingleSelectListProps<Row extends { key: string }> {
  readonly items: Row[];
  readonly columns: IColumn[];
  /** Selects this row when it changes from outside (null leaves the selection as it is). */
  readonly selectedKey?: string | null;
  readonly onSelect: (key: string | null) => void;
  readonly setKey: string;
  readonly labels: { readonly grid: string; readonly selectionColumn: string; readonly checkButton: string };
}

/** A compact table of which one row is chosen with its check box, by mouse or keyboard. */
export function SingleSelectList<Row extends { key: string }>(props: SingleSelectListProps<Row>): JSX.Element {
  const [{ selection, listen }] = useState(singleSelection);
  const { onSelect, items, selectedKey = null } = props;
  useEffect(() => listen(onSelect), [listen, onSelect]);

  useEffect(() => {
    if (selectedKey === null) return;
    const [chosen] = selection.getSelection() as Row[];
    if (chosen?.key === selectedKey) return;
    selection.setChangeEvents(false);
    selection.setItems(items, false);
    selection.setKeySelected(selectedKey, true, false);
    selection.setChangeEvents(true, true);
  }, [selection, items, selectedKey]);

  return (
    <DetailsList
      items={items}
      columns={props.columns}
      selection={selection}
      selectionMode={SelectionMode.single}
      selectionPreservedOnEmptyClick
      checkboxVisibility={CheckboxVisibility.always}
      layoutMode={DetailsListLayoutMode.justified}
      setKey={props.setKey}
      ariaLabelForGrid={props.labels.grid}
      ariaLabelForSelectionColumn={props.labels.selectionColumn}
      checkButtonAriaLabel={props.labels.checkButton}
      compact
    />
  );
}
