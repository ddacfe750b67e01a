import { Checkbox, ChoiceGroup, DefaultButton, Dropdown, MessageBar, MessageBarType, Spinner, Stack, Text } from '@fluentui/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DirectoryFilter } from '../../../../../shared/changes/draft';
import type { PartitionFilter } from '../../../../../shared/sync-server/connectors';
import type { AppErrorData } from '../../../../../shared/core/errors';
import type { OrganizationalUnits } from '../../../../../shared/changes/directories';
import { applyFilter, entriesNotShown, OuTree, partitionsToSave, setSyncNewOus, syncsNewOus, useOuTreeModel, type OuTreeInput, type OuTreeModel } from '../../../../components/ou-tree';
import { useDesktopApi } from '../../../../desktop-api/DesktopApiContext';
import { useWizard } from '../../../../wizard/wizard-context';
import { firstRead, readDomainsInOrder, readsFromServer, refreshRead, retryRead, type DomainsRead } from './read-domains';
import { useCustomize } from './use-customize';

interface DirectoryOus {
  readonly key: string;
  /** The domains read so far, in the directory's order: the first alone while the others are read, then all. */
  readonly ous: OrganizationalUnits[] | null;
  /** Every domain is read. */
  readonly complete: boolean;
  /** The domain whose read failed, and why; the domains read before it stay in `ous`. */
  readonly failure: { readonly partitionDn: string; readonly error: AppErrorData } | null;
}

/**
 * Loads every OU of every domain of a directory (one request per domain, in order; main keeps them for the
 * session); the first domain shows while the others are read. `refresh` reads them again from the server; `retry`,
 * after a failure, keeps the domains read before it shown.
 */
function useDirectoryOus(
  connectorName: string | null,
  domains: readonly string[],
): Omit<DirectoryOus, 'key'> & { refreshed: boolean; retry: () => void; refresh: () => void } {
  const api = useDesktopApi();
  const [state, setState] = useState<DirectoryOus>({ key: '', ous: null, complete: false, failure: null });
  const [domainsRead, setDomainsRead] = useState<DomainsRead>(firstRead);
  const directoryKey = `${connectorName}|${domains.join('|')}`;
  const key = `${directoryKey}|${domainsRead.count}`;
  useEffect(() => {
    if (!connectorName) return;
    let current = true;
    void readDomainsInOrder(
      domains,
      (partitionDn) => {
        const refresh = readsFromServer(domainsRead, domains.indexOf(partitionDn));
        return api['changes:get-organizational-units']({ connectorName, partitionDn, ...(refresh ? { refresh } : {}) });
      },
      // A retry already shows the domains read before the failure (see retry): the first one alone must not replace them.
      (first) => setState((shown) => (shown.key === key && shown.ous ? { ...shown, failure: null } : { key, ous: [first], complete: false, failure: null })),
      () => current,
    ).then((result) => {
      if (!result) return;
      setState(
        result.ok
          ? { key, ous: result.value, complete: true, failure: null }
          : { key, ous: result.readSoFar.length > 0 ? result.readSoFar : null, complete: false, failure: { partitionDn: result.domain, error: result.error } },
      );
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  const mine = state.key === key;
  return {
    ous: mine ? state.ous : null,
    complete: mine && state.complete,
    failure: mine ? state.failure : null,
    refreshed: domainsRead.refreshFrom !== null && mine && state.complete,
    // The shown domains move to the next read's key, so the tree stays as it is (expanded rows, focus) while main
    // answers them again from its copy.
    retry: () => {
      const next = retryRead(domainsRead, state.failure ? Math.max(0, domains.indexOf(state.failure.partitionDn)) : 0);
      setState((shown) => (shown.key === key ? { ...shown, key: `${directoryKey}|${next.count}`, failure: null } : shown));
      setDomainsRead(next);
    },
    refresh: () => setDomainsRead(refreshRead),
  };
}

/** Domain and OU filtering: which domains and OUs of a directory synchronize. */
export function DomainOuFilteringPage(): JSX.Element {
  const { strings } = useWizard();
  const { draft, edit } = useCustomize();
  const directories = draft?.baseline.directories ?? [];
  const [connectorName, setConnectorName] = useState<string | null>(directories[0]?.connectorName ?? null);
  const directory = directories.find((candidate) => candidate.connectorName === connectorName) ?? null;
  const domains = useMemo(() => directory?.partitions.map((partition) => partition.dn) ?? [], [directory]);
  const { ous, complete, failure, retry, refresh, refreshed } = useDirectoryOus(connectorName, domains);
  const [version, setVersion] = useState(0);
  const editedDirectory = draft?.edit.directories.find((candidate) => candidate.connectorName === connectorName) ?? null;
  const treeArea = useRef<HTMLDivElement>(null);

  // The tree holds the domains read so far, and is rebuilt as the others are read; its check marks come from the
  // draft's lists (a big forest shows its first window at once, then the whole tree: each gets the lists of that
  // moment, so what was changed on the first domain carries over).
  const treeInput = useMemo<OuTreeInput | null>(() => {
    if (!ous || !directory) return null;
    const read = new Set(ous.map((domain) => domain.partitionDn.toLowerCase()));
    return {
      roots: directory.partitions
        .filter((partition) => read.has(partition.dn.toLowerCase()))
        .map((partition) => ({ name: directory.partitionNames[partition.dn] ?? partition.dn, dn: partition.dn })),
      ous: ous.flatMap((domain) => domain.ous),
    };
  }, [ous, directory]);
  const shownModel = useOuTreeModel(treeInput, (tree) => {
    for (const root of tree.roots) {
      const filter = editedDirectory?.partitions.find((partition) => partition.dn.toLowerCase() === (tree.dns[root] as string).toLowerCase());
      if (filter) applyFilter(tree, root, filter);
    }
  });
  // What the page edits and saves from: the whole tree of the domains read so far (a first window holds too little to
  // write lists from); the domains not read yet keep their lists (partitionsToSave).
  const model = shownModel?.complete ? shownModel : null;
  // Sync all, new OUs and the entries the tree does not show are about every domain: they wait for all of them.
  const wholeModel = complete ? model : null;

  if (!draft || !directory || !connectorName) return <MessageBar messageBarType={MessageBarType.warning}>No directory is connected to this server.</MessageBar>;
  const syncAll = draft.syncAll[connectorName] ?? false;
  const syncNewOus = wholeModel ? wholeModel.roots.every((root) => syncsNewOus(wholeModel, root)) : false;

  // The server's own filter of each domain: what the tree writes keeps every entry of it that still stands.
  const storedOf = (root: number, tree: OuTreeModel): PartitionFilter => {
    const dn = (tree.dns[root] as string).toLowerCase();
    return directory.partitions.find((partition) => partition.dn.toLowerCase() === dn) ?? { dn, selected: false, containerInclusions: [], containerExclusions: [] };
  };
  // `current`: the draft's filters, which the domains not read yet keep.
  const writeFilters = (tree: OuTreeModel, current: readonly DirectoryFilter[]): DirectoryFilter => ({
    connectorName,
    partitions: partitionsToSave(tree, directory.partitions, current.find((candidate) => candidate.connectorName === connectorName)?.partitions ?? []),
  });
  const kept = wholeModel
    ? wholeModel.roots.flatMap((root) => {
        const { inclusions, exclusions } = entriesNotShown(wholeModel, storedOf(root, wholeModel));
        return [...inclusions.map((dn) => ({ dn, included: true })), ...exclusions.map((dn) => ({ dn, included: false }))];
      })
    : [];
  const replaceDirectory = (filter: DirectoryFilter) => (current: DirectoryFilter[]) =>
    current.map((candidate) => (candidate.connectorName === filter.connectorName ? filter : candidate));

  const chooseSyncAll = (all: boolean): void => {
    if (all && wholeModel) {
      for (const root of wholeModel.roots) wholeModel.setSubtree(root, true);
      setVersion((value) => value + 1);
    }
    edit((current, whole) => ({
      syncAll: { ...whole.syncAll, [connectorName]: all },
      edit:
        all && wholeModel
          ? { ...current, directories: replaceDirectory(writeFilters(wholeModel, current.directories))(current.directories) }
          : current,
    }));
  };

  const writeTree = (tree: OuTreeModel): void => {
    setVersion((count) => count + 1);
    edit((current) => ({ edit: { ...current, directories: replaceDirectory(writeFilters(tree, current.directories))(current.directories) } }));
  };

  const onToggle = (node: number): void => {
    if (!model) return;
    model.toggle(node);
    writeTree(model);
  };

  // Try again goes away with the message it is in: the keyboard focus moves to the tree, which stays while the rest is read.
  const tryAgain = (): void => {
    treeArea.current?.querySelector<HTMLElement>('[role=treeitem][tabindex="0"]')?.focus();
    retry();
  };

  const onSyncNewOus = (value: boolean): void => {
    if (!wholeModel) return;
    for (const root of wholeModel.roots) setSyncNewOus(wholeModel, root, value);
    writeTree(wholeModel);
  };

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Dropdown
        label="Directory"
        options={directories.map((candidate) => ({ key: candidate.connectorName, text: candidate.forest }))}
        selectedKey={connectorName}
        onChange={(_event, option) => option && setConnectorName(String(option.key))}
        styles={{ root: { maxWidth: 360 } }}
      />
      <ChoiceGroup
        label="Filtering"
        selectedKey={syncAll ? 'all' : 'selected'}
        // Both choices write the filters from the whole tree of every domain: until it is there, neither can be saved.
        options={[
          { key: 'all', text: 'Sync all domains and OUs', disabled: !wholeModel },
          { key: 'selected', text: 'Sync selected domains and OUs', disabled: !wholeModel },
        ]}
        onChange={(_event, option) => chooseSyncAll(option?.key === 'all')}
      />
      {failure && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline actions={<DefaultButton text="Try again" onClick={tryAgain} />}>
          The OUs of {directory.partitionNames[failure.partitionDn] ?? failure.partitionDn} could not be read: {failure.error.message}
          {model && !syncAll && ' You can still change the domains shown; what you change is kept.'}
        </MessageBar>
      )}
      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 12 }}>
        <DefaultButton text="Refresh" iconProps={{ iconName: 'Sync' }} onClick={refresh} disabled={!ous && !failure} />
        <Text variant="small" styles={{ root: { color: '#605e5c' } }}>
          The OUs are read once while the wizard is open: Refresh reads them again from the directory.
        </Text>
        <div role="status" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
          {refreshed
            ? `The domains and OUs of ${directory.forest} were read again.`
            : complete && domains.length > 1
              ? `Every domain of ${directory.forest} is read: the selection can be changed.`
              : ''}
        </div>
      </Stack>
      {!failure && !shownModel && <Spinner label={`Reading the domains and OUs of ${directory.forest}…`} labelPosition="right" styles={{ root: { justifyContent: 'flex-start' } }} />}
      {!failure && shownModel && !complete && (
        <Spinner
          label={`Reading the OUs of the other domains of ${directory.forest}… You can change the domains shown now; the others, and Sync all, once they are read.`}
          labelPosition="right"
          styles={{ root: { justifyContent: 'flex-start' } }}
        />
      )}
      {shownModel && (
        <div ref={treeArea}>
          <OuTree
            key={connectorName}
            model={shownModel}
            version={version}
            onToggle={onToggle}
            disabled={syncAll}
            label={`Domains and OUs of ${directory.forest}`}
          />
        </div>
      )}
      {kept.length > 0 && (
        <MessageBar messageBarType={MessageBarType.info} isMultiline>
          <Text as="h2" variant="medium" block styles={{ root: { fontWeight: 600, margin: 0 } }}>
            Kept as they are
          </Text>
          <Text block>
            These entries of the stored filter name containers the tree does not show (for example an OU that was deleted or renamed). They stay
            exactly as they are whatever you change above.
          </Text>
          <ul aria-label="Filter entries kept as they are" style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {kept.map((entry) => (
              <li key={`${entry.included ? 'in' : 'out'}:${entry.dn}`}>
                <Text>
                  {entry.included ? 'Included' : 'Excluded'}: {entry.dn}
                </Text>
              </li>
            ))}
          </ul>
        </MessageBar>
      )}
      <Checkbox
        label="Automatically synchronize new OUs created under a partly selected OU"
        checked={syncNewOus}
        disabled={syncAll || !wholeModel}
        onChange={(_event, checked) => onSyncNewOus(Boolean(checked))}
      />
      <Text variant="small" styles={{ root: { color: '#605e5c' } }}>
        When this is on, a partly selected OU is included and its cleared OUs are excluded, so OUs created under it later are synchronized. When it
        is off, only its selected OUs are included.
      </Text>
      <MessageBar messageBarType={MessageBarType.warning} isMultiline>
        Changing the filtering can delete objects in {strings.cloudDirectory}: objects that leave the scope are deleted there at
        the next export. If one export would delete more than {draft.baseline.deletionThreshold.threshold ?? 500} objects, the sync
        server stops it (prevent accidental deletes). Renaming an included OU also takes its objects out of scope.
      </MessageBar>
    </Stack>
  );
}
