import { DefaultButton, Icon, MessageBar, MessageBarType, PrimaryButton, ProgressIndicator, Stack, Text } from '@fluentui/react';
import { useEffect, useState } from 'react';
import type { AppErrorData } from '../../../../../shared/core/errors';
import type { StepOutcome, StepStatus } from '../../../../../shared/changes/plan-outcome';
import { useDesktopApi } from '../../../../desktop-api/DesktopApiContext';
import { useChangeTask, type ChangeTask } from './use-change-task';

/**
 * Refusals that changed nothing and give the plan back: a cycle runs, another plan holds the machine-wide
 * lock, Azure AD Connect suspended the scheduler, or an interrupted plan's scheduler is not restored yet.
 */
const retryable = new Set<AppErrorData['code']>(['SYNC_ALREADY_RUNNING', 'PLAN_IN_PROGRESS', 'SCHEDULER_SUSPENDED', 'SCHEDULER_NOT_RESTORED']);

/** Plans sent to main from this window: React's strict mode mounts twice, a plan must be sent once. */
const sentPlans = new Set<string>();

const statusText: Record<StepStatus, string> = {
  pending: 'Waiting',
  running: 'In progress',
  succeeded: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
  warning: 'Done, with a warning',
};

const statusIcon: Record<StepStatus, { name: string; color: string }> = {
  pending: { name: 'CircleRing', color: '#605e5c' },
  running: { name: 'Sync', color: '#0078d4' },
  succeeded: { name: 'Completed', color: '#107c10' },
  failed: { name: 'ErrorBadge', color: '#a4262c' },
  skipped: { name: 'Blocked', color: '#605e5c' },
  warning: { name: 'Warning', color: '#8a6d00' },
};

/** One step and its status, as on Configuring and Configuration complete. */
export function StepOutcomeList({ steps, label }: { steps: readonly StepOutcome[]; label: string }): JSX.Element {
  return (
    <ul aria-label={label} data-testid="step-outcomes" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {steps.map((step) => (
        <li key={step.stepId} style={{ marginBottom: 8 }} data-status={step.status}>
          <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="start">
            <Icon iconName={statusIcon[step.status].name} aria-hidden styles={{ root: { color: statusIcon[step.status].color, marginTop: 3 } }} />
            <Stack>
              <Text>
                {step.title}: <strong>{statusText[step.status]}</strong>
              </Text>
              {step.message && (
                <Text variant="small" styles={{ root: { color: '#605e5c' } }}>
                  {step.message}
                </Text>
              )}
            </Stack>
          </Stack>
        </li>
      ))}
    </ul>
  );
}

/** Configuring: sends the plan to main once and shows each step's progress as main reports it. */
export function ConfiguringPage({ task }: { task: ChangeTask }): JSX.Element {
  const api = useDesktopApi();
  const { run, updateRun } = useChangeTask(task);
  const plan = run?.plan ?? null;
  const [steps, setSteps] = useState<StepOutcome[]>(() =>
    (plan?.steps ?? []).map((step) => ({ stepId: step.id, title: step.title, status: 'pending', message: null, handOff: null })),
  );
  const [error, setError] = useState<AppErrorData | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [undo, setUndo] = useState<{ state: 'running' | 'done'; steps: StepOutcome[]; error: AppErrorData | null } | null>(null);

  useEffect(() => {
    if (!plan) return;
    return api.on('changes:plan-progress', (event) => {
      if (event.planId !== plan.planId) return;
      if (event.stepId.startsWith('undo-')) {
        setUndo((current) => current && { ...current, steps: current.steps.map((step) => (step.stepId === event.stepId ? { ...step, status: event.status, message: event.message } : step)) });
        return;
      }
      setSteps((current) => current.map((step) => (step.stepId === event.stepId ? { ...step, status: event.status, message: event.message } : step)));
    });
  }, [api, plan]);

  useEffect(() => {
    if (!plan || run?.outcome) return;
    const key = `${plan.planId}#${attempt}`;
    if (sentPlans.has(key)) return;
    sentPlans.add(key);
    void api['changes:apply-plan']({ planId: plan.planId }).then((result) => {
      if (result.ok) {
        setSteps(result.value.steps);
        updateRun((state) => ({ ...state, outcome: result.value }));
      } else if (result.error.code !== 'PLAN_ALREADY_APPLIED') {
        setError(result.error);
        if (!retryable.has(result.error.code)) {
          // Nothing was changed; Configuration complete says so.
          updateRun((state) => ({
            ...state,
            outcome: {
              planId: plan.planId,
              succeeded: false,
              steps: plan.steps.map((step) => ({ stepId: step.id, title: step.title, status: 'skipped', message: result.error.message, handOff: null })),
            },
          }));
        }
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, plan, attempt]);

  const done = steps.filter((step) => step.status !== 'pending' && step.status !== 'running').length;
  const finished = Boolean(run?.outcome);
  // A failed step after others changed the server: offer to put them back.
  const changedBeforeFailure =
    finished && steps.some((step) => step.status === 'failed') && steps.some((step, index) => index > 0 && step.status === 'succeeded' && !/scheduled synchronization cycles/i.test(step.title));
  const startUndo = async (): Promise<void> => {
    if (!plan) return;
    setUndo({ state: 'running', steps: [], error: null });
    const result = await api['changes:undo-plan']({ planId: plan.planId });
    setUndo(result.ok ? { state: 'done', steps: result.value.steps, error: null } : { state: 'done', steps: [], error: result.error });
  };
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      {!plan && <MessageBar messageBarType={MessageBarType.error}>There is no plan to configure. Select Previous.</MessageBar>}
      {error && retryable.has(error.code) && (
        <MessageBar
          messageBarType={MessageBarType.warning}
          isMultiline
          actions={
            <PrimaryButton
              text="Try again"
              onClick={() => {
                setError(null);
                setAttempt((value) => value + 1);
              }}
            />
          }
        >
          {error.message}
        </MessageBar>
      )}
      {error && !retryable.has(error.code) && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {error.message} Select Next to see the details.
        </MessageBar>
      )}
      <ProgressIndicator
        label={finished ? 'Configuration finished. Select Next.' : 'Configuring…'}
        description={`${done} of ${steps.length} steps`}
        percentComplete={steps.length === 0 ? (finished ? 1 : undefined) : done / steps.length}
      />
      <div aria-live="polite">
        <StepOutcomeList steps={steps} label="Configuration steps" />
      </div>
      {changedBeforeFailure && !undo && (
        <MessageBar
          messageBarType={MessageBarType.warning}
          isMultiline
          actions={<DefaultButton text="Undo the applied steps" onClick={() => void startUndo()} />}
        >
          A step failed after others had already changed the server. You can put back what was changed, as it was before Configure.
        </MessageBar>
      )}
      {undo && (
        <Stack tokens={{ childrenGap: 8 }} aria-live="polite" data-testid="undo-outcome">
          <Text>{undo.state === 'running' ? 'Undoing the applied steps…' : undo.error ? `The steps could not be undone: ${undo.error.message}` : 'The applied steps were undone:'}</Text>
          {undo.steps.length > 0 && <StepOutcomeList steps={undo.steps} label="Undo steps" />}
        </Stack>
      )}
    </Stack>
  );
}
