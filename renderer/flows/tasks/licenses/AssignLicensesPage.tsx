import {
  Checkbox,
  ChoiceGroup,
  DefaultButton,
  MessageBar,
  MessageBarType,
  PrimaryButton,
  ProgressIndicator,
  SearchBox,
  Spinner,
  SpinnerSize,
  Stack,
  Text,
} from '@fluentui/react';
import { useEffect, useMemo, useState } from 'react';
import type { AppErrorData } from '../../../../shared/core/errors';
import type { ApplyLicensesResult, LicensesProgress } from '../../../../shared/licenses/license-change';
import { isGraphBusy } from '../../../../shared/licenses/failures';
import { hasSku, planLicenseChange, usersNeedingUsageLocation, type LicenseAction } from '../../../../shared/licenses/plan';
import { canAssignLicenses, missingLicenseRoleMessage } from '../../../../shared/licenses/roles';
import { checkUnits, notEnoughUnitsMessage } from '../../../../shared/licenses/units';
import type { SyncedUser } from '../../../../shared/licenses/skus-and-users';
import { useDesktopApi } from '../../../desktop-api/DesktopApiContext';
import { useRequest } from '../../../desktop-api/use-request';
import { OutcomeTable } from './OutcomeTable';
import { SkuTable } from './SkuTable';
import { UsageLocationSection } from './UsageLocationSection';
import { useSkus, useSyncedUsers } from './use-licenses-data';
import { UserTable } from './UserTable';

const searchDelayMs = 400;

function Heading({ id, children }: { id: string; children: string }): JSX.Element {
  return (
    <Text as="h2" id={id} variant="mediumPlus" styles={{ root: { display: 'block', fontWeight: 600, margin: '0 0 8px' } }}>
      {children}
    </Text>
  );
}

/** An error of a list request, with the next step; a busy Graph is said as such. */
function LoadError({ error, what, onRetry }: { error: AppErrorData; what: string; onRetry: () => void }): JSX.Element {
  const text = isGraphBusy(error)
    ? `Microsoft Graph is busy and did not answer after several retries, so the ${what} could not be read. Wait a minute, then try again.`
    : `The ${what} could not be read: ${error.message}`;
  return (
    <MessageBar
      messageBarType={MessageBarType.error}
      isMultiline
      actions={<DefaultButton text="Try again" onClick={onRetry} />}
    >
      {text}
    </MessageBar>
  );
}

function resultSummary(result: ApplyLicensesResult, action: LicenseAction, productName: string): { type: MessageBarType; text: string } {
  const done = result.outcomes.filter((outcome) => outcome.status === 'done').length;
  const total = result.outcomes.length;
  const verb = action === 'assign' ? `${productName} assigned to` : `${productName} removed from`;
  const summary = `${verb} ${done} of ${total} ${total === 1 ? 'user' : 'users'}.`;
  if (result.stoppedBy) return { type: MessageBarType.error, text: `${summary} Stopped: ${result.stoppedBy.message}` };
  if (done < total) return { type: MessageBarType.warning, text: `${summary} The reason for each failure is listed below.` };
  return { type: MessageBarType.success, text: summary };
}

/**
 * Assign licenses: pick a subscription, select synchronized users, give the ones without a usage
 * location a country, and submit. Main sets each location, then the license, and reports per user.
 */
export function AssignLicensesPage(): JSX.Element {
  const api = useDesktopApi();
  const auth = useRequest('auth:get-status', {});
  const skus = useSkus();
  const [chosenSkuId, setSkuId] = useState<string | null>(null);
  const [action, setAction] = useState<LicenseAction>('assign');
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const users = useSyncedUsers(search);
  const [onlyWithout, setOnlyWithout] = useState(false);
  const [selected, setSelected] = useState<SyncedUser[]>([]);
  const [selectionKey, setSelectionKey] = useState(0);
  const [chosenLocations, setChosenLocations] = useState<Record<string, string>>({});
  const [defaultLocation, setDefaultLocation] = useState<string | null>(null);
  const [progress, setProgress] = useState<LicensesProgress | null>(null);
  const [result, setResult] = useState<{ value: ApplyLicensesResult; action: LicenseAction; productName: string } | null>(null);
  const [applyError, setApplyError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText), searchDelayMs);
    return () => clearTimeout(timer);
  }, [searchText]);

  const skuList = skus.skus;
  // The first license (Azure AD Premium P1 when the tenant has it) until another is chosen.
  const sku = skuList?.find((candidate) => candidate.skuId === chosenSkuId) ?? skuList?.[0] ?? null;
  const skuId = sku?.skuId ?? null;
  const productName = sku?.productName ?? 'the license';
  const account = auth.state.status === 'done' ? auth.state.value.account : undefined;
  const mayAssign = account === undefined || canAssignLicenses(account.roles);

  const shownUsers = useMemo(() => {
    const all = users.list?.users ?? [];
    return onlyWithout && skuId !== null ? all.filter((user) => !hasSku(user, skuId)) : all;
  }, [users.list, onlyWithout, skuId]);

  const plan = useMemo(
    () => (skuId === null ? null : planLicenseChange({ action, skuId, users: selected, chosenLocations, defaultLocation })),
    [action, skuId, selected, chosenLocations, defaultLocation],
  );
  const units = plan && sku ? checkUnits(plan, sku.availableUnits) : null;
  const needingLocation = skuId === null ? [] : usersNeedingUsageLocation(action, skuId, selected);
  const running = progress !== null;

  const blockers: string[] = [];
  if (plan && selected.length === 0) blockers.push('Select the users to change.');
  else if (plan && plan.operations.length === 0 && plan.missingUsageLocation.length === 0) {
    blockers.push(action === 'assign' ? 'Every selected user already has this license.' : 'No selected user has this license.');
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
    setProgress({ applyId, completed: 0, total: plan.operations.length, busy: false });
    const unsubscribe = api.on('licenses:progress', (update) => {
      if (update.applyId === applyId) setProgress(update);
    });
    const answer = await api['licenses:apply']({ applyId, skuId: sku.skuId, action, operations: [...plan.operations] });
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

  return (
    <Stack tokens={{ childrenGap: 24 }} styles={{ root: { maxWidth: 960 } }}>
      <Text>
        Assign Azure AD Premium or Enterprise Mobility + Security licenses to users synchronized from your on-premises directory, or
        remove them.
      </Text>

      {!mayAssign && account && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          You are signed in as {account.username} ({account.roles.map((role) => role.displayName).join(', ')}). {missingLicenseRoleMessage}
        </MessageBar>
      )}

      <section aria-labelledby="licenses-heading">
        <Heading id="licenses-heading">Licenses</Heading>
        {skus.error && <LoadError error={skus.error} what="subscriptions" onRetry={skus.reload} />}
        {!skuList && !skus.error && <Spinner size={SpinnerSize.medium} label="Reading the tenant's subscriptions…" />}
        {skuList && skuList.length === 0 && (
          <MessageBar messageBarType={MessageBarType.info}>The tenant has no subscriptions with licenses to assign.</MessageBar>
        )}
        {skuList && skuList.length > 0 && <SkuTable skus={skuList} selectedSkuId={skuId} onSelect={setSkuId} />}
      </section>

      <ChoiceGroup
        label="What to do"
        selectedKey={action}
        onChange={(_event, option) => option && setAction(option.key === 'remove' ? 'remove' : 'assign')}
        options={[
          { key: 'assign', text: `Assign ${productName}` },
          { key: 'remove', text: `Remove ${productName}` },
        ]}
      />

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
        </Stack>
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
            <UserTable
              users={shownUsers}
              skuId={skuId}
              productName={productName}
              onSelectionChange={setSelected}
              selectionKey={`users-${selectionKey}`}
            />
          </div>
        )}
        {moreUsers && (
          <DefaultButton text="Load more" onClick={users.loadMore} disabled={users.loading} styles={{ root: { marginTop: 8 } }} />
        )}
      </section>

      {plan && selected.length > 0 && (
        <section aria-labelledby="review-heading">
          <Stack tokens={{ childrenGap: 12 }}>
            <Heading id="review-heading">Review</Heading>
            <Text>
              {action === 'assign'
                ? `${plan.operations.length + plan.missingUsageLocation.length} of ${selected.length} selected users will get ${productName}.`
                : `${plan.operations.length} of ${selected.length} selected users will lose ${productName}.`}
              {plan.skipped.length > 0 && ` ${plan.skipped.length} ${plan.skipped.length === 1 ? 'is' : 'are'} skipped: ${plan.skipped[0]?.reason.toLowerCase()}`}
            </Text>
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
          <PrimaryButton
            text={action === 'assign' ? 'Assign licenses' : 'Remove licenses'}
            disabled={!canSubmit}
            onClick={() => void submit()}
          />
        </Stack>
        {!running && blockers.length > 0 && selected.length > 0 && (
          <Text variant="small" styles={{ root: { color: '#605e5c' } }}>
            {blockers.join(' ')}
          </Text>
        )}
      </Stack>

      <div aria-live="polite">
        {progress && (
          <Stack tokens={{ childrenGap: 8 }}>
            <ProgressIndicator
              label={action === 'assign' ? 'Assigning licenses…' : 'Removing licenses…'}
              description={`${progress.completed} of ${progress.total} users done`}
              percentComplete={progress.total > 0 ? progress.completed / progress.total : undefined}
            />
            {progress.busy && <MessageBar messageBarType={MessageBarType.warning}>Microsoft Graph is busy, retrying…</MessageBar>}
          </Stack>
        )}
        {applyError && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            {applyError.code === 'NOT_ENOUGH_LICENSES' ? `Not enough licenses. ${applyError.message}` : applyError.message}{' '}
            {['NOT_ENOUGH_LICENSES', 'PLAN_ALREADY_APPLIED', 'NOT_SIGNED_IN'].includes(applyError.code)
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
            <OutcomeTable outcomes={result.value.outcomes} />
          </Stack>
        </section>
      )}
    </Stack>
  );
}
