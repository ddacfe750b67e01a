import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, ProgressIndicator, Spinner, Stack, Text } from '@fluentui/react';
import { useMemo, useState } from 'react';
import type { AppErrorData } from '../../../../shared/core/errors';
import { cycleProgress, groupRunsIntoCycles, type SyncCycle } from '../../../../shared/sync-status/cycles';
import { startCycleMessage } from '../../../../shared/sync-status/messages';
import { outcomeLabels } from '../../../../shared/sync-status/run-outcome';
import { useDesktopApi } from '../../../desktop-api/DesktopApiContext';
import { useWizard } from '../../../wizard/wizard-context';
import { CloudSyncFacts } from './CloudSyncFacts';
import { CycleChart } from './CycleChart';
import { CycleHistory } from './CycleHistory';
import { SchedulerFacts } from './SchedulerFacts';
import { formatLocalTime } from './time';
import { useSyncStatus } from './use-sync-status';

/** The cycles listed with their runs; the chart shows more. */
const listedCycles = 5;

const sectionHeading = { root: { fontWeight: 600, margin: '8px 0 0' } } as const;

function progressText(running: SyncCycle, cycles: readonly SyncCycle[]): { description: string; fraction: number | undefined } {
  const progress = cycleProgress(running, cycles);
  const step = progress.currentRun
    ? `${progress.currentRun.runProfileName ?? 'A run'} on ${progress.currentRun.connectorName ?? 'a connector'}`
    : 'Starting';
  const done = progress.expectedRuns === null ? `${progress.completedRuns} runs done` : `${progress.completedRuns} of about ${progress.expectedRuns} runs done`;
  return { description: `${step} (${done})`, fraction: progress.fraction ?? undefined };
}

/** Synchronization status: scheduler, staging, run history, the tenant's last sync, and starting a cycle. */
export function SyncStatusPage(): JSX.Element {
  const api = useDesktopApi();
  const { strings } = useWizard();
  const { status, cloud, error, readingRuns, refresh, expectCycle, watchedCycleFinished } = useSyncStatus();
  const [starting, setStarting] = useState<'Delta' | 'Initial' | null>(null);
  const [startError, setStartError] = useState<AppErrorData | null>(null);
  const [started, setStarted] = useState<'Delta' | 'Initial' | null>(null);

  // Ages are measured against the moment main read the status, so a render never reads the clock.
  const nowMs = status ? Date.parse(status.readAtUtc) : 0;
  const cycles = useMemo(() => groupRunsIntoCycles(status?.runs ?? []), [status]);
  const running = status?.scheduler.syncCycleInProgress ?? false;
  const runningCycle = running ? cycles.find((cycle) => cycle.outcome === 'inProgress') : undefined;
  const latestFinished = cycles.find((cycle) => cycle.outcome !== 'inProgress');

  const start = async (policyType: 'Delta' | 'Initial'): Promise<void> => {
    setStarting(policyType);
    setStartError(null);
    setStarted(null);
    const result = await api['sync-status:start-cycle']({ policyType });
    setStarting(null);
    if (result.ok) setStarted(policyType);
    else setStartError(result.error);
    // Also after SYNC_ALREADY_RUNNING: the page follows the cycle that runs elsewhere.
    expectCycle();
  };

  if (!status) {
    if (error) {
      return (
        <Stack tokens={{ childrenGap: 12 }}>
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            The status of the sync server could not be read: {error.message}
          </MessageBar>
          <DefaultButton text="Try again" onClick={() => void refresh()} styles={{ root: { alignSelf: 'flex-start' } }} />
        </Stack>
      );
    }
    return <Spinner label="Reading the scheduler…" />;
  }

  const { scheduler } = status;
  // Starting a cycle or reading again waits for the first full read: each is one more read of the whole history.
  const busy = running || starting !== null || readingRuns;
  const progress = runningCycle ? progressText(runningCycle, cycles) : null;

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text>
        The scheduler and the last synchronization cycles of this server. Reading the status does not suspend the scheduler.
      </Text>

      {error && status.runs !== null && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          The status could not be refreshed: {error.message} The values below are from {formatLocalTime(status.readAtUtc)}.
        </MessageBar>
      )}
      {scheduler.stagingModeEnabled && (
        <MessageBar messageBarType={MessageBarType.info} isMultiline>
          This server is in staging mode: cycles import and synchronize, but exports are not performed, so nothing is written to{' '}
          {strings.cloudDirectory} or Active Directory.
        </MessageBar>
      )}
      {!scheduler.syncCycleEnabled && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          Scheduled synchronization is disabled: cycles run only when started here or with Start-ADSyncSyncCycle.
        </MessageBar>
      )}
      {scheduler.schedulerSuspended && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          The scheduler is suspended (the configuration wizard or an upgrade suspends it while it runs): scheduled cycles do not start
          until it is resumed.
        </MessageBar>
      )}

      <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="center">
        <PrimaryButton text="Start delta sync" disabled={busy} onClick={() => void start('Delta')} />
        <DefaultButton text="Start full sync" disabled={busy} onClick={() => void start('Initial')} />
        <DefaultButton text="Refresh" disabled={starting !== null || readingRuns} onClick={() => void refresh()} />
      </Stack>
      <Text variant="small" styles={{ root: { color: '#605e5c' } }}>
        A delta sync imports and synchronizes the changes since the last cycle. A full sync imports and synchronizes every object again,
        which can take hours on a large directory.
      </Text>

      <div aria-live="polite" data-testid="cycle-live-status">
        {starting && <Spinner label={`Starting a ${starting === 'Initial' ? 'full' : 'delta'} sync…`} labelPosition="right" />}
        {running && (
          <ProgressIndicator
            label="Synchronization cycle in progress"
            description={progress?.description ?? 'The scheduler reports a cycle in progress.'}
            percentComplete={progress?.fraction}
          />
        )}
        {!running && watchedCycleFinished && latestFinished && (
          <MessageBar messageBarType={latestFinished.outcome === 'success' ? MessageBarType.success : MessageBarType.warning}>
            The synchronization cycle finished at {latestFinished.endUtc ? formatLocalTime(latestFinished.endUtc) : 'an unknown time'}:{' '}
            {outcomeLabels[latestFinished.outcome]}.
          </MessageBar>
        )}
      </div>
      {startError && (
        <MessageBar messageBarType={startError.code === 'SYNC_ALREADY_RUNNING' ? MessageBarType.warning : MessageBarType.error} isMultiline>
          {startCycleMessage(startError)}
        </MessageBar>
      )}
      {started && running && (
        <MessageBar messageBarType={MessageBarType.info}>
          {started === 'Initial' ? 'Full' : 'Delta'} sync started.
        </MessageBar>
      )}

      <Text as="h2" variant="large" styles={sectionHeading}>
        Scheduler
      </Text>
      <SchedulerFacts scheduler={scheduler} nowMs={nowMs} />

      {status.runs === null ? (
        <>
          {error && (
            <MessageBar messageBarType={MessageBarType.error} isMultiline>
              The run history could not be read: {error.message} Select Refresh to try again.
            </MessageBar>
          )}
          {readingRuns && <Spinner label="Reading the run history…" labelPosition="right" styles={{ root: { justifyContent: 'flex-start' } }} />}
        </>
      ) : (
        <>
          <Text as="h2" variant="large" styles={sectionHeading}>
            {strings.cloudDirectory}
          </Text>
          <CloudSyncFacts
            cloud={cloud}
            intervalSeconds={scheduler.currentlyEffectiveSyncCycleIntervalSeconds}
            stagingModeEnabled={scheduler.stagingModeEnabled}
            nowMs={nowMs}
          />

          <Text as="h2" variant="large" styles={sectionHeading}>
            Cycle durations
          </Text>
          <CycleChart cycles={cycles} nowMs={nowMs} />

          <Text as="h2" variant="large" styles={sectionHeading}>
            Last cycles
          </Text>
          {cycles.length === 0 ? (
            <Text>The run history has no cycles yet.</Text>
          ) : (
            <>
              <CycleHistory cycles={cycles.slice(0, listedCycles)} nowMs={nowMs} />
              {status.runs.every((run) => run.counts === null) && (
                <Text variant="small" styles={{ root: { color: '#605e5c' } }}>
                  This server&apos;s run history does not report counts of adds, updates, deletes and errors here (shown as —);
                  Synchronization Service Manager shows them per run.
                </Text>
              )}
            </>
          )}
        </>
      )}
    </Stack>
  );
}
