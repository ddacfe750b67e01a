import { ChoiceGroup, Stack, Text, type IChoiceGroupOption } from '@fluentui/react';
import { appTaskIds, taskDescriptions, taskIds, taskLabel, type TaskId } from './tasks';
import { StagingModeNotice } from '../tasks/changes/staging-mode/StagingModeNotice';
import { useRequest } from '../../desktop-api/use-request';
import { useWizard } from '../../wizard/wizard-context';

const isTaskId = (value: string): value is TaskId => (taskIds as readonly string[]).includes(value);

const firstAppTask: TaskId = appTaskIds[0];

/** The line between the native wizard's tasks and the app's own: drawn only, so the radio group stays one list. */
function separatorAbove(option: IChoiceGroupOption): IChoiceGroupOption {
  return {
    ...option,
    onRenderField: (props, render) => (
      <>
        <div aria-hidden="true" data-testid="app-tasks-separator" style={{ borderTop: '1px solid #c8c6c4', margin: '4px 0 12px' }} />
        {render ? render(props) : null}
      </>
    ),
  };
}

/** The list of additional tasks: the native wizard's nine, a separator, the app's own three; one is chosen before Next. */
export function AdditionalTasksPage(): JSX.Element {
  const { ctx, update } = useWizard();
  // The build names the configuration task and the notice below needs staging mode: one quick read, because the
  // task pages' own reads queue behind it in the one PowerShell session.
  const { state } = useRequest('changes:get-server-mode', {});
  const serverVersion = state.status === 'done' ? state.value.serverVersion : null;
  const options = taskIds.map((task) => {
    const option: IChoiceGroupOption = { key: task, text: taskLabel(task, serverVersion) };
    return task === firstAppTask ? separatorAbove(option) : option;
  });
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
      <StagingModeNotice staging={state.status === 'done' && state.value.enabled} />
    </Stack>
  );
}
