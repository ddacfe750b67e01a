import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize, Stack, Text } from '@fluentui/react';
import { useEffect, useState } from 'react';
import { useWizard } from '../../wizard/wizard-context';
import { AccountSummary } from './AccountSummary';
import { connectView } from './connect-view';
import { DeviceCodePanel } from './DeviceCodePanel';
import { useAuthStatus } from './use-auth-status';

/**
 * Signs the administrator in (system browser, or a device code), shows the account, tenant and roles,
 * and says why Next stays disabled with the native wizard's message. The sign-in itself and the role
 * check run in main; this page only shows the status main reports.
 */
export function ConnectToAzureAdPage(): JSX.Element {
  const { strings, ctx, update } = useWizard();
  const { status, requestError, run, openDeviceCodePage } = useAuthStatus();
  // Which button started the pending sign-in (the status says only that one is pending).
  const [method, setMethod] = useState<'browser' | 'deviceCode'>('browser');
  const signIn = (next: 'browser' | 'deviceCode'): void => {
    setMethod(next);
    run(next === 'browser' ? 'auth:sign-in' : 'auth:sign-in-device-code');
  };
  const view = status ? connectView(status) : null;
  const canProceed = view?.canProceed ?? false;

  useEffect(() => {
    if (view && ctx.signedInAsAdmin !== canProceed) update((current) => ({ ...current, signedInAsAdmin: canProceed }));
  }, [view, canProceed, ctx.signedInAsAdmin, update]);

  if (!status || !view) {
    return requestError ? (
      <MessageBar messageBarType={MessageBarType.error} isMultiline>
        The sign-in status could not be read: {requestError.message}
      </MessageBar>
    ) : (
      <Spinner size={SpinnerSize.large} label="Reading the sign-in status…" />
    );
  }

  return (
    <Stack tokens={{ childrenGap: 20 }} styles={{ root: { maxWidth: 680 } }}>
      <Text>
        Sign in with a Global Administrator or Hybrid Identity Administrator account of the {strings.cloudDirectory} tenant this server
        synchronizes to. The sign-in page opens in your browser, where multi-factor authentication works as usual.
      </Text>

      <div aria-live="polite" aria-atomic="false">
        {view.phase === 'signingIn' && !status.deviceCode && (
          <Spinner
            size={SpinnerSize.medium}
            labelPosition="right"
            label={method === 'deviceCode' ? 'Requesting a device code…' : 'Waiting for you to sign in in your browser…'}
            styles={{ root: { justifyContent: 'flex-start' } }}
          />
        )}
        {view.phase === 'signedIn' && status.account && (
          <MessageBar messageBarType={MessageBarType.success}>
            Signed in as {status.account.username}. Select Next to continue.
          </MessageBar>
        )}
      </div>

      {view.phase === 'signingIn' && status.deviceCode && <DeviceCodePanel prompt={status.deviceCode} onOpenPage={openDeviceCodePage} />}

      {view.failure && (
        <MessageBar messageBarType={view.phase === 'signedIn' ? MessageBarType.warning : MessageBarType.error} isMultiline role="alert">
          <Text as="p" styles={{ root: { display: 'block', fontWeight: 600, margin: 0 } }}>
            {view.failure.title}
          </Text>
          {view.phase === 'signedIn' && status.account && (
            <Text as="p" styles={{ root: { display: 'block', margin: '4px 0 0' } }}>
              The other account was not signed in; you are still signed in as {status.account.username}.
            </Text>
          )}
          <Text as="p" styles={{ root: { display: 'block', margin: '4px 0 0' } }}>
            {view.failure.message}
          </Text>
          {view.failure.detail && (
            <Text as="p" variant="small" styles={{ root: { display: 'block', margin: '4px 0 0' } }}>
              Details: {view.failure.detail}
            </Text>
          )}
        </MessageBar>
      )}

      {requestError && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {requestError.message} Try again; if it keeps failing, restart the wizard.
        </MessageBar>
      )}

      {view.phase === 'signedIn' && status.account && <AccountSummary account={status.account} cloudDirectory={strings.cloudDirectory} />}

      <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
        {view.phase === 'signedOut' && (
          <>
            <PrimaryButton text="Sign in" onClick={() => signIn('browser')} />
            <DefaultButton text="Use a device code instead" onClick={() => signIn('deviceCode')} />
          </>
        )}
        {view.phase === 'signingIn' && <DefaultButton text="Cancel" onClick={() => run('auth:cancel-sign-in')} />}
        {view.phase === 'signedIn' && (
          <>
            <DefaultButton text="Use another account" onClick={() => signIn('browser')} />
            <DefaultButton text="Sign out" onClick={() => run('auth:sign-out')} />
          </>
        )}
      </Stack>

      {view.memoryCacheNote && (
        <MessageBar messageBarType={MessageBarType.info} isMultiline>
          {view.memoryCacheNote}
        </MessageBar>
      )}
    </Stack>
  );
}
