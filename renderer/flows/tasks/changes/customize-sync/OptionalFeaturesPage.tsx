import { Checkbox, MessageBar, MessageBarType, Stack, Text } from '@fluentui/react';
import { featureAvailability, featureTexts, optionalFeatureKeys } from '../../../../../shared/changes/features';
import { useWizard } from '../../../../wizard/wizard-context';
import { useCustomize } from './use-customize';

/** Optional features: the eight checkboxes in the native order, greyed out with the reason when not available. */
export function OptionalFeaturesPage(): JSX.Element {
  const { strings } = useWizard();
  const { draft, edit } = useCustomize();
  if (!draft) return <MessageBar messageBarType={MessageBarType.error}>The configuration has not been read. Select Previous.</MessageBar>;
  const cloud = strings.cloudDirectory;
  return (
    <Stack tokens={{ childrenGap: 14 }}>
      <Text>Select enhanced functionality if required by your organization.</Text>
      {optionalFeatureKeys.map((key) => {
        const availability = featureAvailability(key, {
          staging: draft.baseline.staging,
          current: draft.baseline.features,
          draft: draft.edit.features,
          settingsPresent: draft.baseline.settingsPresent,
        });
        const descriptionId = `feature-${key}-description`;
        return (
          <Stack key={key} tokens={{ childrenGap: 2 }}>
            <Checkbox
              label={featureTexts[key].label(cloud)}
              checked={draft.edit.features[key]}
              disabled={!availability.available}
              ariaDescribedBy={descriptionId}
              onChange={(_event, checked) => edit((current) => ({ edit: { ...current, features: { ...current.features, [key]: Boolean(checked) } } }))}
            />
            <Text id={descriptionId} variant="small" styles={{ root: { color: '#605e5c', marginLeft: 28 } }}>
              {featureTexts[key].description(cloud)}
              {availability.reason && <strong> {availability.reason}</strong>}
            </Text>
          </Stack>
        );
      })}
      <MessageBar messageBarType={MessageBarType.info} isMultiline>
        If Azure AD Sync or DirSync are active, don&apos;t activate any writeback features.
      </MessageBar>
    </Stack>
  );
}
