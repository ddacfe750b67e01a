import { MessageBar, MessageBarType, Stack, Text } from '@fluentui/react';
import { NativeWizardHandOff } from '../../../../components/native-wizard';
import { StepOutcomeList } from './ConfiguringPage';
import { useWizard } from '../../../../wizard/wizard-context';
import { useChangeTask, type ChangeTask } from './use-change-task';

/** Configuration complete: the outcome of each step, and what to do next. */
export function ConfigurationCompletePage({ task, summary }: { task: ChangeTask; summary: (succeeded: boolean) => string }): JSX.Element {
  const { run } = useChangeTask(task);
  const { ctx } = useWizard();
  const outcome = run?.outcome ?? null;
  if (!outcome) return <MessageBar messageBarType={MessageBarType.error}>Nothing was configured.</MessageBar>;
  const anyChange = outcome.steps.some((step) => step.status === 'succeeded' || step.status === 'warning');
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      {outcome.succeeded ? (
        <MessageBar messageBarType={MessageBarType.success} isMultiline>
          {summary(true)}
        </MessageBar>
      ) : (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {anyChange
            ? 'Some changes could not be made; the steps below say which. The synchronization scheduler was resumed. Run the task again to retry.'
            : 'Nothing was changed. The steps below say why. Run the task again to retry.'}
        </MessageBar>
      )}
      <StepOutcomeList steps={outcome.steps} label="Outcome of each step" />
      {outcome.steps.flatMap((step) =>
        step.handOff === null ? [] : [
              <NativeWizardHandOff
                key={step.stepId}
                openedFor={step.handOff}
                serverVersion={ctx.customize?.baseline.serverVersion ?? null}
                title={`${step.title}: change it in Azure AD Connect`}
              />,
            ],
      )}
      <Text>Select Exit to close the wizard.</Text>
    </Stack>
  );
}
