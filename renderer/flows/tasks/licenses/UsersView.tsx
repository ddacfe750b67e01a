import { Checkbox, ChoiceGroup, DefaultButton, MessageBar, MessageBarType, PrimaryButton, SearchBox, Spinner, SpinnerSize, Stack, Text } from '@fluentui/react';
import { useEffect, useMemo, useState } from 'react';
import type { AppErrorData } from '../../../../shared/core/errors';
import type { ApplyLicensesResult, LicensesProgress } from '../../../../shared/licenses/license-change';
import { hasSku, planLicenseChange, usersNeedingUsageLocation, type LicenseAction, type SkippedUser } from '../../../../shared/licenses/plan';
import type { SubscribedSku, SyncedUser } from '../../../../shared/licenses/skus-and-users';
import { checkUnits, notEnoughUnitsMessage } from '../../../../shared/licenses/units';
import { useDesktopApi } from '../../../desktop-api/DesktopApiContext';
import { Heading, LoadError } from './PageParts';
import { LicenseErrorTable } from './LicenseErrorTable';
import { LicenseProgress } from './LicenseProgress';
import { OutcomeTable } from './OutcomeTable';
import { ServicePlanPicker } from './ServicePlanPicker';
import { UsageLocationSection } from './UsageLocationSection';
import { useLicenseErrors, useSyncedUsers, type SkusState } from './use-licenses-data';
import { UserTable } from './UserTable';

const searchDelayMs = 400;

const actionVerbs: Record<LicenseAction, { button: string; running: string; done: string }> = {
  assign: { button: 'Assign licenses', running: 'Assigning licenses…', done: 'assigned to' },
  plans: { button: 'Change service plans', running: 'Changing service plans…', done: 'service plans changed for' },
  remove: { button: 'Remove licenses', running: 'Removing licenses…', done: 'removed from' },
};

function resultSummary(result: ApplyLicensesResult, action: LicenseAction, productName: string): { type: MessageBarType; text: string } {
  const done = result.outcomes.filter((outcome) => outcome.status === 'done').length;
  const total = result.outcomes.length;
  const summary = `${productName} ${actionVerbs[action].done} ${done} of ${total} ${total === 1 ? 'user' : 'users'}.`;
  if (result.stoppedBy) return { type: MessageBarType.error, text: `${summary} Stopped: ${result.stoppedBy.message}` };
  if (done < total) return { type: MessageBarType.warning, text: `${summary} The reason for each failure is listed below.` };
  return { type: MessageBarType.success, text: summary };
}

/** "Anna (anna@…): reason; Ben (…): reason; and 3 more." */
function listed(users: readonly SkippedUser[]): string {
  const shown = users.slice(0, 5).map((entry) => `${entry.user.displayName} (${entry.user.userPrincipalName}): ${entry.reason}`);
  return `${shown.join(' ')}${users.length > 5 ? ` And ${users.length - 5} more.` : ''}`;
}

/**
 * The Users tab: select synchronized users, choose what to do with the license (assign with some service
 * plans off, change the plans, remove), give users without a usage location a country, and submit. Main
 * sets the locations, then changes the licenses in batches, and reports each user.
 */
export function UsersView(props: { sku: SubscribedSku | null; skus: SkusState }): JSX.Element {
  const api = useDesktopApi();
  const { sku, skus } = props;
  const [action, setAction] = useState<LicenseAction>('assign');
  // The plans switched off belong to one license: another license starts with every plan on.
  const [planChoice, setPlanChoice] = useState<{ skuId: string | null; disabled: string[] }>({ skuId: null, disabled: [] });
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const users = useSyncedUsers(search);
  const [onlyWithout, setOnlyWithout] = useState(false);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const errors = useLicenseErrors(onlyErrors ? 'tenant' : null);
  const [selected, setSelected] = useState<SyncedUser[]>([]);
  const [selectionKey, setSelectionKey] = useState(0);
  const [chosenLocations, setChosenLocations] = useState<Record<string, string>>({});
  const [defaultLocation, setDefaultLocation] = useState<string | null>(null);
  const [progress, setProgress] = useState<LicensesProgress | null>(null);
  const [result, setResult] = useState<{ value: ApplyLicensesResult; action: LicenseAction; productName: string } | null>(null);
  const [applyError, setApplyError] = useState<AppErrorData | null>(null);

  const skuId = sku?.skuId ?? null;
  const productName = sku?.productName ?? 'the license';
  const disabledPlans = useMemo(() => (planChoice.skuId === skuId ? planChoice.disabled : []), [planChoice, skuId]);
  const setDisabledPlans = (disabled: string[]): void => setPlanChoice({ skuId, disabled });
  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText), searchDelayMs);
    return () => clearTimeout(timer);
  }, [searchText]);

  const shownUsers = useMemo(() => {
    const all = users.list?.users ?? [];
    return onlyWithout && skuId !== null ? all.filter((user) => !hasSku(user, skuId)) : all;
  }, [users.list, onlyWithout, skuId]);

  const plan = useMemo(
    () => (skuId === null ? null : planLicenseChange({ action, skuId, disabledPlans, users: selected, chosenLocations, defaultLocation })),
    [action, skuId, disabledPlans, selected, chosenLocations, defaultLocation],
  );
  const units = plan && sku ? checkUnits(plan, sku.availableUnits) : null;
  const needingLocation = skuId === null ? [] : usersNeedingUsageLocation(action, skuId, selected);
  const running = progress !== null;

  const blockers: string[] = [];
  if (plan && selected.length === 0) blockers.push('Select the users to change.');
  else if (plan && plan.operations.length === 0 && plan.missingUsageLocation.length === 0) {
    blockers.push(
      action === 'assign' ? 'Every selected user already has this license.' : action === 'plans' ? 'No selected user has these plans to change.' : 'No selected user has this license directly.',
    );
  }
  if (plan && plan.missingUsageLocation.length > 0) {
    const count = plan.missingUsageLocation.length;
    blockers.push(`Choose a usage location for ${count === 1 ? '1 user' : `${count} users`}, or a default.`);
  }
  const canSubmit = plan !== null && blockers.length === 0 && (units?.shortfall ?? 0) === 0 && !running && sku !== null;

  const submit = async (): Promise<void> => {
    if (!plan || !sku || !canSubmit) return;
    const applyId = crypto.randomUUID();
    setApplyError(null);
    setResult(null);
    setProgress({ applyId, completed: 0, total: plan.operations.length, phase: 'licenses', busy: false, waiting: 0, retryInMs: null, throttled: 0, pacing: false });
    const unsubscribe = api.on('licenses:progress', (update) => {
      if (update.applyId === applyId) setProgress(update);
    });
    const answer = await api['licenses:apply']({ applyId, skuId: sku.skuId, action, disabledPlans: [...plan.disabledPlans], operations: [...plan.operations] });
    unsubscribe();
    setProgress(null);
    if (!answer.ok) {
      setApplyError(answer.error);
      return;
    }
    setResult({ value: answer.value, action, productName: sku.productName });
    if (answer.value.skus) skus.replace(answer.value.skus);
    else skus.reload();
    setSelected([]);
    setSelectionKey((key) => key + 1);
    setChosenLocations({});
    users.reload();
  };

  const shownCount = shownUsers.length;
  const total = users.list?.totalCount;
  const moreUsers = users.list?.nextPageToken !== undefined;
  const listStatus = users.list
    ? `Showing ${shownCount} of ${total ?? `${users.list.users.length}${moreUsers ? '+' : ''}`} synchronized users${search.trim() ? ` matching "${search.trim()}"` : ''}${onlyWithout ? ' (only those without this license)' : ''}. ${selected.length} selected.`
    : '';
  const verbs = actionVerbs[action];

  return (
    <Stack tokens={{ childrenGap: 20 }}>
      <ChoiceGroup
        label="What to do"
        selectedKey={action}
        onChange={(_event, option) => option && setAction(option.key === 'remove' ? 'remove' : option.key === 'plans' ? 'plans' : 'assign')}
        options={[
          { key: 'assign', text: `Assign ${productName}` },
          { key: 'plans', text: `Change the service plans of ${productName}` },
          { key: 'remove', text: `Remove ${productName}` },
        ]}
      />
      {sku && action !== 'remove' && <ServicePlanPicker sku={sku} disabledPlans={disabledPlans} onChange={setDisabledPlans} disabled={running} />}

      <section aria-labelledby="users-heading">
        <Heading id="users-heading">Synchronized users</Heading>
        <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 16 }} styles={{ root: { marginBottom: 8 } }}>
          <SearchBox
            placeholder="Search by name or user principal name"
            ariaLabel="Search synchronized users by name or user principal name"
            value={searchText}
            onChange={(_event, value) => setSearchText(value ?? '')}
            onSearch={(value) => {
              setSearchText(value);
              setSearch(value);
            }}
            styles={{ root: { width: 340 } }}
          />
          <Checkbox label={`Only users without ${productName}`} checked={onlyWithout} onChange={(_event, checked) => setOnlyWithout(Boolean(checked))} />
          <Checkbox label="Users with license errors" checked={onlyErrors} onChange={(_event, checked) => setOnlyErrors(Boolean(checked))} />
        </Stack>
        {onlyErrors ? (
          <div aria-live="polite">
            {errors.loading && <Spinner size={SpinnerSize.small} label="Reading the users with license errors…" />}
            {errors.error && <LoadError error={errors.error} what="users with license errors" onRetry={errors.reload} />}
            {errors.list && (
              <Stack tokens={{ childrenGap: 8 }}>
                <Text variant="small" styles={{ root: { color: '#605e5c' } }}>
                  {errors.list.entries.length === 0
                    ? 'No user has a license error.'
                    : `${errors.list.entries.length} license ${errors.list.entries.length === 1 ? 'error' : 'errors'} across the tenant${errors.list.truncated ? ' (the first ones only)' : ''}. Licenses assigned directly fail at once and are never listed here.`}
                </Text>
                {errors.list.entries.length > 0 && (
                  <LicenseErrorTable entries={errors.list.entries} skus={skus.skus ?? []} label="Users with license errors" showGroup />
                )}
              </Stack>
            )}
          </div>
        ) : (
          <>
            <div aria-live="polite">
              <Text variant="small" styles={{ root: { color: '#605e5c' } }}>
                {users.loading ? 'Reading synchronized users…' : listStatus}
              </Text>
            </div>
            {users.error && <LoadError error={users.error} what="synchronized users" onRetry={users.retry} />}
            {users.list && users.list.users.length === 0 && !users.loading && (
              <MessageBar messageBarType={MessageBarType.info} isMultiline>
                {search.trim()
                  ? 'No synchronized user matches this search.'
                  : 'The tenant has no synchronized users yet. Run a synchronization cycle (Synchronization status task), then come back.'}
              </MessageBar>
            )}
            {users.list && users.list.users.length > 0 && (
              // A scroll box of its own keeps the review below in sight; the list renders the rows scrolled to.
              <div data-is-scrollable="true" style={{ maxHeight: 440, overflowY: 'auto', border: '1px solid #edebe9' }}>
                <UserTable users={shownUsers} sku={sku} onSelectionChange={setSelected} selectionKey={`users-${selectionKey}`} />
              </div>
            )}
            {moreUsers && <DefaultButton text="Load more" onClick={users.loadMore} disabled={users.loading} styles={{ root: { marginTop: 8 } }} />}
          </>
        )}
      </section>

      {plan && selected.length > 0 && !onlyErrors && (
        <section aria-labelledby="review-heading">
          <Stack tokens={{ childrenGap: 12 }}>
            <Heading id="review-heading">Review</Heading>
            <Text>
              {action === 'assign'
                ? `${plan.operations.length + plan.missingUsageLocation.length} of ${selected.length} selected users will get ${productName}.`
                : action === 'plans'
                  ? `${plan.operations.length + plan.missingUsageLocation.length} of ${selected.length} selected users will have their service plans of ${productName} changed.`
                  : `${plan.operations.length} of ${selected.length} selected users will lose ${productName}.`}
              {plan.skipped.length > 0 && ` ${plan.skipped.length} ${plan.skipped.length === 1 ? 'is' : 'are'} skipped: ${plan.skipped[0]?.reason.toLowerCase()}`}
            </Text>
            {plan.refused.length > 0 && (
              <MessageBar messageBarType={MessageBarType.warning} isMultiline role="alert">
                {plan.refused.length === 1 ? '1 selected user is' : `${plan.refused.length} selected users are`} left out. {listed(plan.refused)}
              </MessageBar>
            )}
            {units && units.shortfall > 0 && (
              <MessageBar messageBarType={MessageBarType.severeWarning} isMultiline role="alert">
                Not enough licenses. {notEnoughUnitsMessage(units, productName)}
              </MessageBar>
            )}
            {needingLocation.length > 0 && (
              <UsageLocationSection
                users={needingLocation}
                chosen={chosenLocations}
                defaultLocation={defaultLocation}
                onDefault={setDefaultLocation}
                onChoose={(userId, code) =>
                  setChosenLocations((current) => {
                    const next = { ...current };
                    if (code === null) delete next[userId];
                    else next[userId] = code;
                    return next;
                  })
                }
              />
            )}
          </Stack>
        </section>
      )}

      <Stack tokens={{ childrenGap: 8 }}>
        <Stack horizontal>
          <PrimaryButton text={verbs.button} disabled={!canSubmit} onClick={() => void submit()} />
        </Stack>
        {!running && blockers.length > 0 && selected.length > 0 && (
          <Text variant="small" styles={{ root: { color: '#605e5c' } }}>
            {blockers.join(' ')}
          </Text>
        )}
      </Stack>

      <div aria-live="polite">
        {progress && <LicenseProgress progress={progress} verb={verbs.running} />}
        {applyError && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            {applyError.code === 'NOT_ENOUGH_LICENSES' ? `Not enough licenses. ${applyError.message}` : applyError.message}{' '}
            {['NOT_ENOUGH_LICENSES', 'PLAN_ALREADY_APPLIED', 'NOT_SIGNED_IN', 'VALIDATION_FAILED'].includes(applyError.code)
              ? 'Nothing was changed.'
              : 'Some users may have been changed: the list below shows their current licenses.'}
          </MessageBar>
        )}
      </div>

      {result && (
        <section aria-labelledby="results-heading">
          <Stack tokens={{ childrenGap: 12 }}>
            <Heading id="results-heading">Results</Heading>
            {(() => {
              const summary = resultSummary(result.value, result.action, result.productName);
              return (
                <MessageBar messageBarType={summary.type} isMultiline>
                  {summary.text}
                </MessageBar>
              );
            })()}
            <div data-is-scrollable="true" style={{ maxHeight: 480, overflowY: 'auto', border: '1px solid #edebe9' }}>
              <OutcomeTable outcomes={result.value.outcomes} />
            </div>
          </Stack>
        </section>
      )}
    </Stack>
  );
}
