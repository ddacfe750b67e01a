import { Checkbox, MessageBar, MessageBarType, Spinner, Stack, Text } from '@fluentui/react';
import { useEffect, useState } from 'react';
import type { AppErrorData } from '../../../../../shared/core/errors';
import { useDesktopApi } from '../../../../desktop-api/DesktopApiContext';
import { ShowPowerShell } from './ShowPowerShell';
import { useChangeTask, type ChangeTask } from './use-change-task';

/** Ready to configure: the exact steps main will run, and whether a synchronization starts afterwards. */
export function ReadyToConfigurePage({ task }: { task: ChangeTask }): JSX.Element {
  const api = useDesktopApi();
  const { draft, run, updateRun, setStartSync } = useChangeTask(task);
  const [error, setError] = useState<AppErrorData | null>(null);
  const draftKey = JSON.stringify(draft);

  useEffect(() => {
    if (draft === null) return;
    let current = true;
    updateRun((state) => ({ ...state, plan: null, outcome: null }));
    void api['changes:prepare-plan']({ draft }).then((result) => {
      if (!current) return;
      setError(result.ok ? null : result.error);
      if (result.ok) updateRun((state) => ({ ...state, plan: result.value }));
    });
    return () => {
      current = false;
    };
    // The plan is recomputed whenever the draft changes (e.g. the checkbox below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, draftKey]);

  const plan = run?.plan ?? null;
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      {error && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {error.message} Select Previous to change your choices.
        </MessageBar>
      )}
      {!error && !plan && <Spinner label="Preparing the list of changes…" labelPosition="right" styles={{ root: { justifyContent: 'flex-start' } }} />}
      {plan && (
        <Stack tokens={{ childrenGap: 12 }} aria-live="polite">
          <Text>
            {plan.changeCount === 0
              ? 'No configuration changes were made.'
              : 'The wizard is ready to make these changes when you select Configure:'}
          </Text>
          {plan.steps.length > 0 && (
            <ol aria-label="Changes to make" data-testid="plan-steps" style={{ margin: 0, paddingLeft: 24 }}>
              {plan.steps.map((step) => (
                <li key={step.id} style={{ marginBottom: 6 }}>
                  <Text>{step.title}</Text>
                  {step.details.length > 0 && (
                    <ul style={{ margin: '4px 0 0', paddingLeft: 20, color: '#605e5c' }}>
                      {step.details.map((detail) => (
                        <li key={detail}>
                          <Text variant="small" styles={{ root: { color: '#605e5c' } }}>
                            {detail}
                          </Text>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
          {plan.steps.length > 0 && <ShowPowerShell plan={plan} />}
          {plan.warnings.map((warning) => (
            <MessageBar key={warning} messageBarType={MessageBarType.warning} isMultiline>
              {warning}
            </MessageBar>
          ))}
        </Stack>
      )}
      <Checkbox
        label="Start the synchronization process when configuration completes."
        checked={draft?.startSync ?? true}
        disabled={draft === null}
        onChange={(_event, checked) => setStartSync(Boolean(checked))}
      />
    </Stack>
  );
}
