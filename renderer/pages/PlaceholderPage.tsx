import { MessageBar, MessageBarType, Stack, Text } from '@fluentui/react';
import { taskDescriptions, type TaskId } from '../../shared/tasks';

/** Stands in for a task whose pages have not been built yet, and says so plainly. */
export function PlaceholderPage({ task }: { task: TaskId }): JSX.Element {
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <MessageBar messageBarType={MessageBarType.warning} isMultiline>
        Not available yet: the pages of this task arrive in a later version of the app. Nothing on this server has
        been read or changed.
      </MessageBar>
      <Text>{taskDescriptions[task].description}</Text>
    </Stack>
  );
}
