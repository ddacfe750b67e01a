import { Checkbox, DefaultButton, MessageBar, MessageBarType, Spinner, Stack, Text } from '@fluentui/react';
import { useCallback, useEffect, useState } from 'react';
import type { StagingState } from '../../../../../shared/changes/staging';
import type { AppErrorData } from '../../../../../shared/core/errors';
import { initialRunState } from '../drafts';
import { useDesktopApi } from '../../../../desktop-api/DesktopApiContext';
import { useWizard } from '../../../../wizard/wizard-context';
import { SyncRunningNotice } from '../plan-pages/SyncRunningNotice';

const onOff = (value: boolean | null): string => (value === null ? 'could not be read' : value ? 'on' : 'off');

/** Password hash sync and password writeback as configured, and whether they run: neither does while staging. */
export function FollowingFeatures({ state }: { state: StagingState }): JSX.Element {
  const running = state.enabled ? 'does not run while staging mode is enabled' : 'runs';
  const hashSync = state.passwordHashSync.connectors && state.passwordHashSync.tenant !== false;
  return (
    <ul aria-label="Features that follow staging mode" style={{ margin: 0, paddingLeft: 20 }}>
      <li>
        <Text>
          Password hash synchronization: {hashSync ? 'configured' : 'not configured'} (AD connectors {onOff(state.passwordHashSync.connectors)}, tenant{' '}
          {onOff(state.passwordHashSync.tenant)}){hashSync ? `; it ${running}` : ''}.
        </Text>
      </li>
      <li>
        <Text>
          Password writeback: {state.passwordWriteback === null ? 'could not be read' : state.passwordWriteback ? `configured; it ${running}` : 'not configured'}.
        </Text>
      </li>
    </ul>
  );
}

/** Staging mode: one checkbox, set to the server's current state. */
export function StagingModePage(): JSX.Element {
  const api = useDesktopApi();
  const { ctx, update, strings } = useWizard();
  const [error, setError] = useState<AppErrorData | null>(null);
  const [generation, setGeneration] = useState(0);
  const staging = ctx.staging;

  useEffect(() => {
    if (staging !== null) return;
    let current = true;
    void api['changes:get-staging-state']({}).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(result.error);
      setError(null);
      update((context) => ({
        ...context,
        staging: {
          current: result.value.enabled,
          enabled: result.value.enabled,
          state: result.value,
          pendingExports: null,
          reviewed: false,
          startSync: true,
          run: { ...initialRunState, syncRunning: result.value.syncCycleInProgress },
        },
      }));
    });
    return () => {
      current = false;
    };
  }, [api, staging, update, generation]);

  const onSyncFinished = useCallback(
    () => update((context) => (context.staging ? { ...context, staging: { ...context.staging, run: { ...context.staging.run, syncRunning: false } } } : context)),
    [update],
  );

  if (error) {
    return (
      <MessageBar
        messageBarType={MessageBarType.error}
        isMultiline
        actions={<DefaultButton text="Try again" onClick={() => setGeneration((value) => value + 1)} />}
      >
        The staging state of this server could not be read: {error.message}
      </MessageBar>
    );
  }
  if (!staging) return <Spinner label="Reading the staging state of this server…" labelPosition="right" styles={{ root: { justifyContent: 'flex-start' } }} />;

  const disabling = staging.current && !staging.enabled;
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <SyncRunningNotice running={staging.run.syncRunning} onFinished={onSyncFinished} />
      <Text>
        A server in staging mode imports and synchronizes changes as usual but exports nothing to {strings.cloudDirectory} or to
        your on-premises directory. Password hash synchronization and password writeback are turned off while staging mode
        is enabled. Use it for a standby server, or to check a configuration change before it takes effect.
      </Text>
      <Text>This server is {staging.current ? 'in staging mode' : 'not in staging mode'}.</Text>
      <FollowingFeatures state={staging.state} />
      <Checkbox
        label="Enable staging mode"
        checked={staging.enabled}
        disabled={staging.run.syncRunning}
        onChange={(_event, checked) =>
          update((context) => (context.staging ? { ...context, staging: { ...context.staging, enabled: Boolean(checked), reviewed: false } } : context))
        }
      />
      {disabling && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          When staging mode is disabled, this server starts exporting to {strings.cloudDirectory} and to your directories. Make
          sure no other server is actively synchronizing the same directories: only one server may export at a time, and password
          writeback works on one active server only. Next, check what this server would export.
        </MessageBar>
      )}
    </Stack>
  );
}
