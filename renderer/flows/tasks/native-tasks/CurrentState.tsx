import { MessageBar, MessageBarType, Spinner, Stack, Text } from '@fluentui/react';
import { FactList, type Fact as FactRow } from '../../../components/fact-list';
import type { RequestState } from '../../../desktop-api/use-request';

/** A fact as read: its value, or why this server cannot tell it. */
export type Fact<T> = { readonly readable: true; readonly value: T } | { readonly readable: false; readonly reason: string };

/** A fact's value in words, or "Not readable on this server: …" with the reason. */
export function factText<T>(fact: Fact<T>, words: (value: T) => string): string {
  return fact.readable ? words(fact.value) : `Not readable on this server: ${fact.reason}`;
}

/** The "Configured now" section of a read-only task: a loading state, the error, or the facts as a list. */
export function CurrentState<T>({ state, rows }: { readonly state: RequestState<T>; readonly rows: (value: T) => readonly FactRow[] }): JSX.Element {
  return (
    <Stack tokens={{ childrenGap: 8 }} data-testid="current-state">
      <Text as="h2" variant="mediumPlus" styles={{ root: { fontWeight: 600, margin: 0 } }}>
        Configured now
      </Text>
      {state.status === 'loading' && <Spinner label="Reading this server…" labelPosition="right" styles={{ root: { justifyContent: 'flex-start' } }} />}
      {state.status === 'failed' && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {state.error.message}
        </MessageBar>
      )}
      {state.status === 'done' && (
        <FactList facts={rows(state.value).map((row) => ({ term: row.term, value: typeof row.value === 'string' ? <Text>{row.value}</Text> : row.value }))} />
      )}
    </Stack>
  );
}
