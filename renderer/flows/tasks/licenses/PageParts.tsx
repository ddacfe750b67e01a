import { DefaultButton, MessageBar, MessageBarType, Text } from '@fluentui/react';
import type { AppErrorData } from '../../../../shared/core/errors';
import { isGraphBusy } from '../../../../shared/licenses/failures';

/** A section heading of the page (h2). */
export function Heading({ id, children }: { id: string; children: string }): JSX.Element {
  return (
    <Text as="h2" id={id} variant="mediumPlus" styles={{ root: { display: 'block', fontWeight: 600, margin: '0 0 8px' } }}>
      {children}
    </Text>
  );
}

/** An error of a list request, with the next step; a busy Graph is said as such. */
export function LoadError({ error, what, onRetry }: { error: AppErrorData; what: string; onRetry: () => void }): JSX.Element {
  const text = isGraphBusy(error)
    ? `Microsoft Graph is busy and did not answer after several retries, so the ${what} could not be read. Wait a minute, then try again.`
    : `The ${what} could not be read: ${error.message}`;
  return (
    <MessageBar messageBarType={MessageBarType.error} isMultiline actions={<DefaultButton text="Try again" onClick={onRetry} />}>
      {text}
    </MessageBar>
  );
}
