import {
  ChoiceGroup,
  DefaultButton,
  MessageBar,
  MessageBarType,
  PrimaryButton,
  Spinner,
  Stack,
  Text,
  type IChoiceGroupOption,
} from '@fluentui/react';
import { useEffect, useRef, useState } from 'react';
import type { AppErrorData } from '../../../../shared/core/errors';
import type { CompareSourceRef, Comparison, ComparisonFormat, PickedSource } from '../../../../shared/configuration/comparison';
import { useDesktopApi } from '../../../desktop-api/DesktopApiContext';
import { CompareResults, countsText } from './CompareResults';
import { tableStyles } from './styles';

type SourceKind = 'thisServer' | 'exportFolder' | 'jsonFile';

/** One side: what kind of source, and (for a folder or file) what was picked through the dialog. */
type Side = { kind: SourceKind; picked: PickedSource | null };

const sourceOptions: IChoiceGroupOption[] = [
  { key: 'thisServer', text: 'This server' },
  { key: 'exportFolder', text: 'An export folder' },
  { key: 'jsonFile', text: 'An exported JSON file' },
];

const isSourceKind = (key: string): key is SourceKind => sourceOptions.some((option) => option.key === key);

function refOf(side: Side): CompareSourceRef | null {
  if (side.kind === 'thisServer') return { kind: 'thisServer' };
  return side.picked === null ? null : { kind: 'picked', token: side.picked.token };
}

function SourcePicker(props: { label: string; side: Side; disabled: boolean; onChange: (side: Side) => void }): JSX.Element {
  const api = useDesktopApi();
  const [error, setError] = useState<AppErrorData | null>(null);
  const [picking, setPicking] = useState(false);
  const { side } = props;
  const kind = side.kind;

  const pick = (): void => {
    if (kind === 'thisServer') return;
    setPicking(true);
    setError(null);
    void api['configuration:pick-compare-source']({ kind })
      .then((result) => {
        if (!result.ok) setError(result.error);
        else if (result.value.status === 'picked') props.onChange({ kind, picked: result.value.source });
      })
      .finally(() => setPicking(false));
  };

  return (
    <Stack tokens={{ childrenGap: 6 }} styles={{ root: { minWidth: 280, flex: 1 } }}>
      <ChoiceGroup
        label={props.label}
        options={sourceOptions}
        selectedKey={kind}
        disabled={props.disabled}
        onChange={(_event, option) => {
          if (option && isSourceKind(option.key)) props.onChange({ kind: option.key, picked: null });
        }}
      />
      {kind !== 'thisServer' && (
        <Stack tokens={{ childrenGap: 4 }} horizontalAlign="start">
          <DefaultButton
            text={kind === 'exportFolder' ? 'Choose folder…' : 'Choose file…'}
            ariaLabel={`${props.label}: ${kind === 'exportFolder' ? 'choose an export folder' : 'choose an exported JSON file'}`}
            onClick={pick}
            disabled={props.disabled || picking}
          />
          <Text>
            {side.picked === null ? (
              <span className={tableStyles.missing}>Nothing chosen yet.</span>
            ) : (
              <>
                Chosen: <span className={tableStyles.mono}>{side.picked.label}</span>
              </>
            )}
          </Text>
        </Stack>
      )}
      {error !== null && <MessageBar messageBarType={MessageBarType.error}>{error.message}</MessageBar>}
    </Stack>
  );
}

type CompareState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; comparison: Comparison }
  | { status: 'failed'; error: AppErrorData };

type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; file: string } | { status: 'failed'; error: AppErrorData };

function SaveComparison({ comparison }: { comparison: Comparison }): JSX.Element {
  const api = useDesktopApi();
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const save = (format: ComparisonFormat): void => {
    setState({ status: 'saving' });
    void api['configuration:save-comparison']({ comparisonId: comparison.comparisonId, format }).then((result) => {
      if (!result.ok) setState({ status: 'failed', error: result.error });
      else setState(result.value.status === 'saved' ? { status: 'saved', file: result.value.file } : { status: 'idle' });
    });
  };
  const busy = state.status === 'saving';
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        <DefaultButton text="Save as HTML…" onClick={() => save('html')} disabled={busy} />
        <DefaultButton text="Save as JSON…" onClick={() => save('json')} disabled={busy} />
      </Stack>
      <div aria-live="polite">
        {state.status === 'saving' && <Spinner label="Saving the comparison…" labelPosition="right" />}
        {state.status === 'saved' && (
          <MessageBar messageBarType={MessageBarType.success}>
            Comparison saved to <span className={tableStyles.mono}>{state.file}</span>
          </MessageBar>
        )}
        {state.status === 'failed' && (
          <MessageBar messageBarType={MessageBarType.error}>The comparison could not be saved: {state.error.message}</MessageBar>
        )}
      </div>
    </Stack>
  );
}

/** Compare two configurations: this server, an export folder, or an exported JSON file, on either side. */
export function ComparePanel({ onBack }: { onBack: () => void }): JSX.Element {
  const api = useDesktopApi();
  const [before, setBefore] = useState<Side>({ kind: 'thisServer', picked: null });
  const [after, setAfter] = useState<Side>({ kind: 'exportFolder', picked: null });
  const [state, setState] = useState<CompareState>({ status: 'idle' });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const beforeRef = refOf(before);
  const afterRef = refOf(after);
  const running = state.status === 'running';

  useEffect(() => headingRef.current?.focus(), []);

  const compare = (): void => {
    if (beforeRef === null || afterRef === null) return;
    setState({ status: 'running' });
    void api['configuration:compare']({ before: beforeRef, after: afterRef }).then((result) =>
      setState(result.ok ? { status: 'done', comparison: result.value } : { status: 'failed', error: result.error }),
    );
  };

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 12 }}>
        <h2 ref={headingRef} tabIndex={-1} className={tableStyles.sectionHeading} style={{ outline: 'none', margin: 0 }}>
          Compare configurations
        </h2>
        <DefaultButton text="Back to the configuration" onClick={onBack} disabled={running} />
      </Stack>
      <Text>
        Compare this server with an export, or two exports with each other (for example the active server and the staging server before a
        switch-over). Nothing on the server changes.
      </Text>
      <Stack horizontal wrap tokens={{ childrenGap: 24 }}>
        <SourcePicker label="Before" side={before} disabled={running} onChange={setBefore} />
        <SourcePicker label="After" side={after} disabled={running} onChange={setAfter} />
      </Stack>
      <Stack horizontal>
        <PrimaryButton text="Compare" onClick={compare} disabled={running || beforeRef === null || afterRef === null} />
      </Stack>
      <div aria-live="polite">
        {running && <Spinner label="Reading and comparing the two configurations…" />}
        {state.status === 'failed' && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            The configurations could not be compared: {state.error.message}
          </MessageBar>
        )}
        {state.status === 'done' && (
          <MessageBar messageBarType={state.comparison.diff.changes.length === 0 ? MessageBarType.success : MessageBarType.info}>
            {state.comparison.diff.changes.length === 0
              ? 'The two configurations are the same.'
              : `Differences: ${countsText(state.comparison.diff.counts)}.`}
          </MessageBar>
        )}
      </div>
      {state.status === 'done' && (
        <>
          <SaveComparison comparison={state.comparison} />
          <CompareResults comparison={state.comparison} />
        </>
      )}
    </Stack>
  );
}
