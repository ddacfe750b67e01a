import { MessageBar, MessageBarType, Stack } from '@fluentui/react';
import type { CloudSyncStatus } from '../../../../shared/sync-status/status';
import { cloudFreshness } from '../../../../shared/sync-status/cloud-staleness';
import { formatAge, formatInterval } from '../../../../shared/sync-status/format';
import { useWizard } from '../../../wizard/wizard-context';
import { FactList } from '../../../components/fact-list';
import { formatLocalTime, formatUtcTime } from './time';

interface Props {
  readonly cloud: CloudSyncStatus | null;
  readonly intervalSeconds: number | null;
  readonly stagingModeEnabled: boolean;
  readonly nowMs: number;
}

/** The tenant's side of synchronization (Microsoft Graph), when an administrator is signed in. */
export function CloudSyncFacts({ cloud, intervalSeconds, stagingModeEnabled, nowMs }: Props): JSX.Element {
  const { strings } = useWizard();
  if (cloud === null) return <></>;
  if (cloud.state === 'signedOut') {
    return (
      <MessageBar messageBarType={MessageBarType.info} isMultiline>
        To see when {strings.cloudDirectory} last received changes from this server, sign in on the “{strings.connectPageTitle}” page of
        another task (for example Assign licenses), then come back and select Refresh. The local status above needs no sign-in.
      </MessageBar>
    );
  }
  if (cloud.state === 'failed') {
    return (
      <MessageBar messageBarType={MessageBarType.warning} isMultiline>
        {strings.cloudDirectory} could not be asked for its last synchronization: {cloud.error.message} Select Refresh to try again.
      </MessageBar>
    );
  }
  const last = cloud.onPremisesLastSyncDateTime;
  const freshness = cloudFreshness(last, intervalSeconds, nowMs);
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <FactList
        label={`${strings.cloudDirectory} tenant`}
        facts={[
          { term: 'Tenant', value: cloud.tenantDisplayName ?? 'Not known' },
          {
            term: 'Directory synchronization',
            value: cloud.onPremisesSyncEnabled === null ? 'Not known' : cloud.onPremisesSyncEnabled ? 'Enabled' : 'Disabled',
          },
          {
            term: 'Last synchronization',
            value:
              last === null ? (
                'Never'
              ) : (
                <span data-testid="cloud-last-sync">
                  <time dateTime={last}>{formatLocalTime(last)}</time> (local), {formatUtcTime(last)}
                  {freshness.kind === 'fresh' || freshness.kind === 'stale' ? ` — ${formatAge(freshness.ageSeconds)}` : ''}
                </span>
              ),
          },
        ]}
      />
      {freshness.kind === 'stale' && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {strings.cloudDirectory} last received changes {formatAge(freshness.ageSeconds)}, more than two sync intervals (
          {formatInterval(freshness.limitSeconds)}).{' '}
          {stagingModeEnabled
            ? 'This server is in staging mode, so the time is that of the active server: check that server.'
            : 'Check that the scheduler is enabled and not suspended, and look for failed runs in the history below.'}
        </MessageBar>
      )}
      {freshness.kind === 'never' && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {strings.cloudDirectory} has never received changes from an on-premises directory.
        </MessageBar>
      )}
    </Stack>
  );
}
