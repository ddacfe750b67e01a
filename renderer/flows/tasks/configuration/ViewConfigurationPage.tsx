import { DefaultButton, type IButton, MessageBar, MessageBarType, ProgressIndicator, Spinner, SpinnerSize, Stack, Text } from '@fluentui/react';
import { useEffect, useRef, useState } from 'react';
import { useRequest } from '../../../desktop-api/use-request';
import { ComparePanel } from './ComparePanel';
import { ConfigurationSections } from './ConfigurationSections';
import { formatLocal } from './format';
import { tableStyles } from './styles';
import { exportStageText, useExportSettings, type ExportState } from './use-export-settings';

function ExportStatus({ state }: { state: ExportState }): JSX.Element | null {
  switch (state.status) {
    case 'idle':
      return null;
    case 'running':
      return <ProgressIndicator label="Exporting settings" description={exportStageText[state.stage]} />;
    case 'saved':
      return (
        <MessageBar messageBarType={MessageBarType.success} isMultiline>
          The settings were exported. No password or other secret is included.
          <ul className={tableStyles.list}>
            <li>
              Settings (JSON): <span className={tableStyles.mono}>{state.jsonFile}</span>
            </li>
            <li>
              Report (HTML): <span className={tableStyles.mono}>{state.htmlFile}</span>
            </li>
          </ul>
        </MessageBar>
      );
    case 'failed':
      return (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          The settings could not be exported: {state.error.message} Nothing was written. Check that the folder can be written to, then try
          Export settings again.
        </MessageBar>
      );
  }
}

/** View current configuration: the server's settings, read only, with Export settings and Compare configurations. */
export function ViewConfigurationPage(): JSX.Element {
  const [mode, setMode] = useState<'view' | 'compare'>('view');
  // What the server tells at once first; what only its (slow) configuration export tells fills in after.
  const quick = useRequest('configuration:get-view', { withExport: false });
  const full = useRequest('configuration:get-view', { withExport: true });
  const state = full.state.status === 'done' ? full.state : quick.state.status === 'loading' ? full.state : quick.state;
  const exportFailed = quick.state.status === 'done' && full.state.status === 'failed' ? full.state.error : null;
  const reload = (): void => {
    quick.reload();
    full.reload();
  };
  const exporting = useExportSettings();
  const exportBusy = exporting.state.status === 'running';
  const compareButton = useRef<IButton>(null);
  const returnedFromCompare = useRef(false);

  // Back from Compare, keyboard focus returns to the button that opened it.
  useEffect(() => {
    if (mode === 'view' && returnedFromCompare.current) compareButton.current?.focus();
    returnedFromCompare.current = mode === 'compare';
  }, [mode]);

  if (mode === 'compare') return <ComparePanel onBack={() => setMode('view')} />;

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text>
        These are the settings of this sync server. Viewing them changes nothing and does not pause synchronization.
      </Text>
      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
        <DefaultButton text="Export settings" onClick={exporting.start} disabled={exportBusy} />
        <DefaultButton componentRef={compareButton} text="Compare configurations" onClick={() => setMode('compare')} disabled={exportBusy} />
        <DefaultButton text="Refresh" onClick={reload} disabled={state.status === 'loading'} />
      </Stack>
      <div aria-live="polite">
        <ExportStatus state={exporting.state} />
      </div>
      {state.status === 'loading' && <Spinner size={SpinnerSize.large} label="Reading the configuration from the sync server…" />}
      {state.status === 'failed' && (
        <Stack tokens={{ childrenGap: 8 }} horizontalAlign="start">
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            The configuration could not be read from the sync server: {state.error.message}
          </MessageBar>
          <DefaultButton text="Try again" onClick={reload} />
        </Stack>
      )}
      {state.status === 'done' && (
        <>
          {state.value.exportPending && exportFailed === null && (
            <Spinner size={SpinnerSize.small} labelPosition="right" label="Reading the connector accounts from the server's configuration export…" />
          )}
          {exportFailed !== null && (
            <MessageBar messageBarType={MessageBarType.warning} isMultiline>
              The connector accounts could not be read from the server's configuration export: {exportFailed.message}
            </MessageBar>
          )}
          {state.value.warnings.length > 0 && (
            <MessageBar messageBarType={MessageBarType.warning} isMultiline>
              Some settings could not be read and show as "Not available":
              <ul className={tableStyles.list}>
                {state.value.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </MessageBar>
          )}
          <ConfigurationSections view={state.value} />
          <Text variant="small" styles={{ root: { color: '#605e5c' } }}>
            Read from the sync server at {formatLocal(state.value.readAt)}.
          </Text>
        </>
      )}
    </Stack>
  );
}
