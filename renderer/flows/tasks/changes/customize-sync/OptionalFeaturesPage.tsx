import { Checkbox, MessageBar, MessageBarType, Stack, Text } from '@fluentui/react';
import { passwordHashSyncMismatch } from '../../../../../shared/changes/baseline';
import { featureAvailability, featureTexts, optionalFeatureKeys } from '../../../../../shared/changes/features';
import { nativeWizardSignInWarning, nativeWizardTopic } from '../../../../../shared/native-wizard/topic';
import { NativeWizardHandOff } from '../../../../components/native-wizard';
import { useWizard } from '../../../../wizard/wizard-context';
import { useCustomize } from './use-customize';

/**
 * Optional features: the eight checkboxes in the native order, each showing the feature's state as the
 * server has it. A feature the app changes completely can be ticked or cleared; one it hands off shows why
 * and opens Azure AD Connect; a locked one says why.
 */
export function OptionalFeaturesPage(): JSX.Element {
  const { strings } = useWizard();
  const { draft, edit } = useCustomize();
  if (!draft) return <MessageBar messageBarType={MessageBarType.error}>The configuration has not been read. Select Previous.</MessageBar>;
  const cloud = strings.cloudDirectory;
  const { baseline } = draft;
  const context = { staging: baseline.staging, signInMethod: baseline.signInMethod, unreadable: baseline.unreadable.map((entry) => entry.feature) };
  // Said once for the page rather than under every feature that opens the native wizard.
  const signInWarning = nativeWizardSignInWarning(baseline.serverVersion);
  return (
    <Stack tokens={{ childrenGap: 14 }}>
      <Text>Select enhanced functionality if required by your organization.</Text>
      {signInWarning && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline data-testid="native-wizard-sign-in-warning">
          {signInWarning}
        </MessageBar>
      )}
      {optionalFeatureKeys.map((key) => {
        const availability = featureAvailability(key, context);
        const descriptionId = `feature-${key}-description`;
        return (
          <Stack key={key} tokens={{ childrenGap: 2 }} data-testid={`feature-${key}`}>
            <Checkbox
              label={featureTexts[key].label(cloud)}
              checked={draft.edit.features[key]}
              disabled={!availability.available}
              ariaDescribedBy={descriptionId}
              onChange={(_event, checked) => edit((current) => ({ edit: { ...current, features: { ...current.features, [key]: Boolean(checked) } } }))}
            />
            <Stack tokens={{ childrenGap: 6 }} styles={{ root: { marginLeft: 28 } }}>
              <Text id={descriptionId} variant="small" styles={{ root: { color: '#605e5c' } }}>
                {featureTexts[key].description(cloud)}
                {availability.reason && !availability.handOff && <strong> {availability.reason}</strong>}
              </Text>
              {availability.handOff && (
                <NativeWizardHandOff openedFor={nativeWizardTopic('customize-sync', key)}>
                  <Text variant="small">
                    <strong>{availability.reason}</strong>
                  </Text>
                </NativeWizardHandOff>
              )}
              {key === 'passwordHashSync' && passwordHashSyncMismatch(baseline) && (
                <MessageBar messageBarType={MessageBarType.warning} isMultiline>
                  Password hash synchronization is {baseline.passwordHashSync.tenant ? 'on for the tenant but off on every AD connector' : 'on for an AD connector but off for the tenant'}, so no password
                  hash reaches {cloud}. Select it to turn both on, or leave it cleared.
                </MessageBar>
              )}
            </Stack>
          </Stack>
        );
      })}
      <MessageBar messageBarType={MessageBarType.info} isMultiline>
        If Azure AD Sync or DirSync are active, don&apos;t activate any writeback features.
      </MessageBar>
    </Stack>
  );
}
