import { ChoiceGroup, Stack, Text, type IChoiceGroupOption } from '@fluentui/react';
import { taskDescriptions, taskIds, type TaskId } from './tasks';
import { StagingModeNotice } from '../tasks/changes/staging-mode/StagingModeNotice';
import { useWizard } from '../../wizard/wizard-context';

const options: IChoiceGroupOption[] = taskIds.map((task) => ({ key: task, text: taskDescriptions[task].label }));

const isTaskId = (value: string): value is TaskId => (taskIds as readonly string[]).includes(value);

/** The list of additional tasks; one is chosen before Next. */
export function AdditionalTasksPage(): JSX.Element {
  const { ctx, update } = useWizard();
  const selected = ctx.task;
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <ChoiceGroup
        label="Select a task"
        options={options}
        selectedKey={selected ?? null}
        onChange={(_event, option) => {
          if (option && isTaskId(option.key)) update((current) => ({ ...current, task: option.key as TaskId }));
        }}
      />
      {selected && (
        <Text aria-live="polite" data-testid="task-description">
          {taskDescriptions[selected].description}
        </Text>
      )}
      <StagingModeNotice />
    </Stack>
  );
}
