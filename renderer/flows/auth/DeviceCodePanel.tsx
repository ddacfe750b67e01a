import { DefaultButton, Link, mergeStyleSets, Stack, Text, TextField } from '@fluentui/react';
import { useId, useState } from 'react';
import type { DeviceCodePrompt } from '../../../shared/auth/account';

const styles = mergeStyleSets({
  code: { fontFamily: "Consolas, 'Courier New', monospace", fontSize: 20, letterSpacing: 2 },
});

function localTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** The device-code prompt: the page to open on any device and the code to type there. */
export function DeviceCodePanel({ prompt, onOpenPage }: { prompt: DeviceCodePrompt; onOpenPage: () => Promise<boolean> }): JSX.Element {
  const codeFieldId = useId();
  const [copyNote, setCopyNote] = useState('');

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(prompt.userCode);
      setCopyNote('Code copied.');
    } catch {
      // The window may not grant clipboard access: select the code so Ctrl+C copies it.
      const field = document.getElementById(codeFieldId);
      if (field instanceof HTMLInputElement) {
        field.focus();
        field.select();
      }
      setCopyNote('The code is selected: press Ctrl+C to copy it.');
    }
  };

  return (
    <Stack tokens={{ childrenGap: 12 }} styles={{ root: { border: '1px solid #8a8886', padding: 16, maxWidth: 560 } }}>
      <Text as="h2" variant="mediumPlus" styles={{ root: { display: 'block', fontWeight: 600, margin: 0 } }}>
        Sign in with a device code
      </Text>
      <Text>
        On this or any other device, open{' '}
        <Link onClick={() => void onOpenPage()} underline>
          {prompt.verificationUri}
        </Link>{' '}
        and enter the code below. Then sign in with your administrator account.
      </Text>
      <Stack horizontal verticalAlign="end" tokens={{ childrenGap: 8 }}>
        <TextField
          label="Code"
          readOnly
          value={prompt.userCode}
          id={codeFieldId}
          inputClassName={styles.code}
          styles={{ root: { width: 220 } }}
          onFocus={(event) => event.currentTarget.select()}
        />
        <DefaultButton text="Copy code" onClick={() => void copy()} />
      </Stack>
      <Text variant="small" styles={{ root: { color: '#605e5c' } }}>
        The code expires at {localTime(prompt.expiresAt)}.
      </Text>
      <div aria-live="polite">{copyNote && <Text variant="small">{copyNote}</Text>}</div>
    </Stack>
  );
}
