import { MessageBar, MessageBarType, PrimaryButton, Stack, Text } from '@fluentui/react';
import { useState } from 'react';
import type { AppErrorData } from '../../../../../shared/core/errors';
import type { InterruptedPlan } from '../../../../../shared/changes/plan-outcome';
import { useDesktopApi } from '../../../../desktop-api/DesktopApiContext';

/**
 * For Welcome: a change plan stopped with scheduled synchronization cycles turned off (the app was closed
 * or crashed, or the sync server refused to turn them back on). No change starts until they are restored.
 * Welcome reads the plan and shows this only when there is one.
 */
export function InterruptedPlanNotice({ interrupted }: { interrupted: InterruptedPlan }): JSX.Element | null {
  const api = useDesktopApi();
  const [after, setAfter] = useState<{ plan: InterruptedPlan | null; error: AppErrorData | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const plan = after ? after.plan : interrupted;
  if (after && plan === null) {
    return (
      <MessageBar messageBarType={MessageBarType.success} data-testid="interrupted-plan-notice">
        The scheduler was restored: scheduled synchronization cycles are as they were before the interrupted change.
      </MessageBar>
    );
  }
  if (plan === null) return null;
  const restore = async (): Promise<void> => {
    setBusy(true);
    const result = await api['changes:restore-scheduler']({});
    setBusy(false);
    setAfter(result.ok ? { plan: result.value, error: null } : { plan, error: result.error });
  };
  const problem = after?.error?.message ?? plan.problem;
  return (
    <MessageBar
      messageBarType={MessageBarType.severeWarning}
      isMultiline
      data-testid="interrupted-plan-notice"
      actions={<PrimaryButton text="Restore the scheduler" disabled={busy} onClick={() => void restore()} />}
    >
      <Stack tokens={{ childrenGap: 4 }}>
        <Text>
          A change started at {new Date(plan.startedAtUtc).toLocaleString()} stopped before it could turn scheduled synchronization
          cycles back {plan.syncCycleWasEnabled ? 'on' : 'to their previous state'}. Until they are restored, this server does not
          synchronize on its schedule and no change can be made here.
        </Text>
        {problem && <Text variant="small">The last attempt failed: {problem}</Text>}
      </Stack>
    </MessageBar>
  );
}
