import { ActionButton, DefaultButton, Stack, Text } from '@fluentui/react';
import { useMemo, useState } from 'react';
import type { ChangePlan } from '../../../../../shared/changes/plan';
import { planPowerShell } from '../../../../../shared/changes/powershell-script';

const taskTitles = { customize: 'Customize synchronization options', staging: 'Configure staging mode' } as const;

/**
 * "Show the PowerShell" on Ready to configure: the ADSync cmdlets each step runs, as a script an
 * administrator can audit and run by hand; Copy copies exactly the text shown.
 */
export function ShowPowerShell({ plan }: { plan: ChangePlan }): JSX.Element {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const script = useMemo(() => planPowerShell(plan, { taskTitle: taskTitles[plan.task] }), [plan]);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(script);
      setCopied('copied');
    } catch {
      // The window may not grant clipboard access; the text stays selectable.
      setCopied('failed');
    }
  };
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <ActionButton
        iconProps={{ iconName: open ? 'ChevronDown' : 'ChevronRight' }}
        aria-expanded={open}
        aria-controls="plan-powershell"
        onClick={() => {
          setOpen((value) => !value);
          setCopied(null);
        }}
      >
        Show the PowerShell
      </ActionButton>
      {open && (
        <Stack tokens={{ childrenGap: 8 }} id="plan-powershell">
          <pre
            aria-label="PowerShell of these changes"
            data-testid="plan-powershell"
            style={{ margin: 0, padding: 12, maxHeight: 320, overflow: 'auto', background: '#f3f2f1', fontFamily: 'Consolas, monospace', fontSize: 12, userSelect: 'text' }}
          >
            {script}
          </pre>
          <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 12 }}>
            <DefaultButton iconProps={{ iconName: 'Copy' }} text="Copy" onClick={() => void copy()} />
            <Text aria-live="polite" variant="small">
              {copied === 'copied' ? 'Copied.' : copied === 'failed' ? 'The clipboard is not available: select the text and press Ctrl+C.' : ''}
            </Text>
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
