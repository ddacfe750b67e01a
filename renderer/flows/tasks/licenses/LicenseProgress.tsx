import { MessageBar, MessageBarType, ProgressIndicator, Stack } from '@fluentui/react';
import type { LicensesProgress } from '../../../../shared/licenses/license-change';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/**
 * The batch's progress: a bar of users done out of all, the phase, and Graph's throttling as it happens.
 * It sits in the page's live region, so a screen reader hears the changes.
 */
export function LicenseProgress({ progress, verb }: { progress: LicensesProgress; verb: string }): JSX.Element {
  const phase = progress.phase === 'usageLocation' ? 'Setting usage locations first. ' : '';
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <ProgressIndicator
        label={verb}
        description={`${phase}${progress.completed} of ${progress.total} users done`}
        percentComplete={progress.total > 0 ? progress.completed / progress.total : undefined}
        ariaValueText={`${progress.completed} of ${progress.total} users done`}
      />
      {(progress.busy || progress.throttled > 0) && (
        // Stays up once Graph has throttled: a wait may last only milliseconds, too short to read.
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          Microsoft Graph is busy, retrying…{' '}
          {progress.busy && progress.retryInMs !== null
            ? `Graph throttled ${progress.waiting === 1 ? '1 request' : `${progress.waiting} requests`}; they are sent again in ${seconds(progress.retryInMs)}, as Graph asked.`
            : `Graph has throttled ${progress.throttled === 1 ? '1 request' : `${progress.throttled} requests`} so far; each was sent again after the wait Graph asked for.`}{' '}
          Nothing is applied twice.
        </MessageBar>
      )}
      {!progress.busy && progress.throttled === 0 && progress.pacing && (
        <MessageBar messageBarType={MessageBarType.info}>Pacing the changes to stay within Microsoft Graph&apos;s write limits…</MessageBar>
      )}
    </Stack>
  );
}
