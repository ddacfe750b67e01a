import { ChoiceGroup, DefaultButton, MessageBar, MessageBarType, PrimaryButton, SearchBox, Spinner, SpinnerSize, Stack, Text } from '@fluentui/react';
import { useEffect, useState } from 'react';
import type { AppErrorData } from '../../../../shared/core/errors';
import { disabledPlanNames, processingStateText } from '../../../../shared/licenses/describe';
import { isProcessingSettled, type LicensedGroup } from '../../../../shared/licenses/groups';
import type { LicenseAction } from '../../../../shared/licenses/plan';
import type { SubscribedSku } from '../../../../shared/licenses/skus-and-users';
import { useDesktopApi } from '../../../desktop-api/DesktopApiContext';
import { GroupTable } from './GroupTable';
import { LicenseErrorTable } from './LicenseErrorTable';
import { Heading, LoadError } from './PageParts';
import { ServicePlanPicker } from './ServicePlanPicker';
import { useGroups, useLicenseErrors, type SkusState } from './use-licenses-data';

const searchDelayMs = 400;
/**
 * Reading a group's processing state again: 2 s, then twice as long each time, at most a minute. Microsoft
 * publishes no processing time; it grows with the group (licensing-at-scale §1.3).
 */
const firstPollMs = 2_000;
const maxPollMs = 60_000;

const sameId = (left: string, right: string): boolean => left.toLowerCase() === right.toLowerCase();

/**
 * The Groups tab: the security groups (synchronized and cloud) with their licenses; for the selected
 * group, assign the license with some plans off, change the plans, or remove it. Graph processes the
 * members afterwards: the processing state is shown until it settles, then the members in error.
 */
export function GroupsView(props: { sku: SubscribedSku | null; skus: SkusState }): JSX.Element {
  const api = useDesktopApi();
  const { sku, skus } = props;
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const groups = useGroups(search);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // What the admin chose for one group and license; another group or license starts from what it has now.
  const [choice, setChoice] = useState<{ key: string; action: LicenseAction; disabledPlans: string[]; error: AppErrorData | null } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [watched, setWatched] = useState<LicensedGroup | null>(null);
  const errors = useLicenseErrors(selectedId);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText), searchDelayMs);
    return () => clearTimeout(timer);
  }, [searchText]);

  const group = groups.groups?.find((candidate) => candidate.id === selectedId) ?? null;
  const held = group && sku ? group.assignedLicenses.find((license) => sameId(license.skuId, sku.skuId)) : undefined;
  const productName = sku?.productName ?? 'the license';

  const choiceKey = `${selectedId ?? ''}|${sku?.skuId ?? ''}|${held?.disabledPlans.join(',') ?? '-'}`;
  const current = choice?.key === choiceKey ? choice : { key: choiceKey, action: (held ? 'plans' : 'assign') as LicenseAction, disabledPlans: [...(held?.disabledPlans ?? [])], error: null };
  const { action, disabledPlans, error: applyError } = current;
  const setAction = (next: LicenseAction): void => setChoice({ ...current, action: next });
  const setDisabledPlans = (next: string[]): void => setChoice({ ...current, disabledPlans: next });
  const setApplyError = (error: AppErrorData | null): void => setChoice({ ...current, error });

  // Reads the watched group again, with growing pauses, until its processing settles.
  const { replace } = groups;
  const { reload: reloadErrors } = errors;
  useEffect(() => {
    if (watched === null || isProcessingSettled(watched.processingState)) return;
    let stopped = false;
    let delay = firstPollMs;
    let timer: ReturnType<typeof setTimeout>;
    const poll = (): void => {
      timer = setTimeout(() => {
        void api['licenses:get-group']({ groupId: watched.id }).then((result) => {
          if (stopped) return;
          if (result.ok) {
            replace(result.value);
            if (isProcessingSettled(result.value.processingState)) {
              setWatched(result.value);
              reloadErrors();
              return;
            }
          }
          delay = Math.min(delay * 2, maxPollMs);
          poll();
        });
      }, delay);
    };
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, watched, replace, reloadErrors]);

  const submit = async (): Promise<void> => {
    if (!group || !sku) return;
    setSubmitting(true);
    setApplyError(null);
    const answer = await api['licenses:apply-group']({ applyId: crypto.randomUUID(), groupId: group.id, skuId: sku.skuId, action, disabledPlans: action === 'remove' ? [] : disabledPlans });
    setSubmitting(false);
    if (!answer.ok) {
      setApplyError(answer.error);
      return;
    }
    groups.replace(answer.value);
    setWatched(answer.value);
    skus.reload();
  };

  const watching = watched !== null && group !== null && watched.id === group.id;
  const processing = group?.processingState ?? 'ProcessingComplete';
  const buttonText = action === 'assign' ? 'Assign to group' : action === 'plans' ? 'Change service plans' : 'Remove from group';
  const unchanged = action === 'plans' && held !== undefined && held.disabledPlans.length === disabledPlans.length && held.disabledPlans.every((plan) => disabledPlans.includes(plan));

  return (
    <Stack tokens={{ childrenGap: 20 }}>
      <section aria-labelledby="groups-heading">
        <Heading id="groups-heading">Groups</Heading>
        <Text block styles={{ root: { marginBottom: 8 } }}>
          Licenses assigned to a group go to its members, and to members who join later. Only security groups and
          security-enabled Microsoft 365 groups can hold licenses; members of nested groups get none.
        </Text>
        <SearchBox
          placeholder="Search groups by name"
          ariaLabel="Search groups by name"
          value={searchText}
          onChange={(_event, value) => setSearchText(value ?? '')}
          onSearch={(value) => {
            setSearchText(value);
            setSearch(value);
          }}
          styles={{ root: { width: 340, marginBottom: 8 } }}
        />
        <div aria-live="polite">
          <Text variant="small" styles={{ root: { color: '#605e5c' } }}>
            {groups.loading
              ? 'Reading groups…'
              : groups.groups
                ? `Showing ${groups.groups.length} of ${groups.totalCount ?? groups.groups.length} groups${search.trim() ? ` matching "${search.trim()}"` : ''}.`
                : ''}
          </Text>
        </div>
        {groups.error && <LoadError error={groups.error} what="groups" onRetry={groups.reload} />}
        {groups.groups && groups.groups.length > 0 && (
          <div data-is-scrollable="true" style={{ maxHeight: 360, overflowY: 'auto', border: '1px solid #edebe9' }}>
            <GroupTable groups={groups.groups} skus={skus.skus ?? []} onSelect={setSelectedId} />
          </div>
        )}
        {groups.hasMore && <DefaultButton text="Load more" onClick={groups.loadMore} disabled={groups.loading} styles={{ root: { marginTop: 8 } }} />}
      </section>

      {group && (
        <section aria-labelledby="group-heading">
          <Stack tokens={{ childrenGap: 12 }}>
            <Heading id="group-heading">{`Licenses of ${group.displayName}`}</Heading>
            <Text>
              {group.assignedLicenses.length === 0
                ? 'This group has no licenses.'
                : group.assignedLicenses
                    .map((license) => {
                      const owned = skus.skus?.find((candidate) => sameId(candidate.skuId, license.skuId));
                      const off = owned ? disabledPlanNames(owned, license.disabledPlans) : '';
                      return `${owned?.productName ?? license.skuId}${off ? `, with ${off} off` : ''}`;
                    })
                    .join('; ')}
            </Text>
            <ChoiceGroup
              label={`What to do with ${productName}`}
              selectedKey={action}
              onChange={(_event, option) => option && setAction(option.key === 'remove' ? 'remove' : option.key === 'plans' ? 'plans' : 'assign')}
              options={[
                { key: 'assign', text: `Assign ${productName} to the group`, disabled: held !== undefined },
                { key: 'plans', text: `Change the service plans of ${productName}`, disabled: held === undefined },
                { key: 'remove', text: `Remove ${productName} from the group`, disabled: held === undefined },
              ]}
            />
            {sku && action !== 'remove' && <ServicePlanPicker sku={sku} disabledPlans={disabledPlans} onChange={setDisabledPlans} disabled={submitting} />}
            <Stack horizontal tokens={{ childrenGap: 12 }} verticalAlign="center">
              <PrimaryButton text={buttonText} disabled={!sku || submitting || unchanged} onClick={() => void submit()} />
              {submitting && <Spinner size={SpinnerSize.small} label="Sending to Microsoft Graph…" labelPosition="right" />}
            </Stack>
            <div aria-live="polite">
              {applyError && (
                <MessageBar messageBarType={MessageBarType.error} isMultiline>
                  {applyError.message}
                </MessageBar>
              )}
              {watching && (
                <MessageBar messageBarType={isProcessingSettled(processing) ? MessageBarType.success : MessageBarType.info} isMultiline>
                  {isProcessingSettled(processing)
                    ? `License processing of ${group.displayName} is complete. Its members have their licenses; any member Graph could not license is listed below.`
                    : `License processing of ${group.displayName}: ${processingStateText(processing)}. Microsoft Entra applies the change to each member in the background; this can take from seconds to hours for large groups.`}
                </MessageBar>
              )}
            </div>
          </Stack>
        </section>
      )}

      {group && (
        <section aria-labelledby="group-errors-heading">
          <Heading id="group-errors-heading">Members with license errors</Heading>
          <div aria-live="polite">
            {errors.loading && <Spinner size={SpinnerSize.small} label="Reading the members with license errors…" />}
            {errors.error && <LoadError error={errors.error} what="members with license errors" onRetry={errors.reload} />}
            {errors.list && errors.list.entries.length === 0 && <Text>No member of {group.displayName} has a license error.</Text>}
            {errors.list && errors.list.entries.length > 0 && (
              <LicenseErrorTable entries={errors.list.entries} skus={skus.skus ?? []} label={`Members of ${group.displayName} with license errors`} showGroup={false} />
            )}
          </div>
        </section>
      )}
    </Stack>
  );
}
