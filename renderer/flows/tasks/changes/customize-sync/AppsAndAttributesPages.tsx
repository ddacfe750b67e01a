import { Checkbox, MessageBar, MessageBarType, Stack, Text } from '@fluentui/react';
import { aadApps, attributesOfApps, extensionCandidateAttributes } from '../../../../../shared/changes/aad-apps';
import { useWizard } from '../../../../wizard/wizard-context';
import { useCustomize } from './use-customize';

const toggled = (list: readonly string[], value: string, on: boolean): string[] =>
  on ? [...new Set([...list, value])] : list.filter((item) => item !== value);

/** Azure AD apps: the cloud services the synchronized attributes are tailored to. */
export function AadAppsPage(): JSX.Element {
  const { strings } = useWizard();
  const { draft, edit } = useCustomize();
  if (!draft) return <MessageBar messageBarType={MessageBarType.error}>The configuration has not been read.</MessageBar>;
  return (
    <Stack tokens={{ childrenGap: 10 }} role="group" aria-labelledby="apps-intro">
      <Text id="apps-intro">Select the {strings.cloudDirectory} apps and services you use. Only their attributes are synchronized.</Text>
      {aadApps.map((app) => (
        <Checkbox
          key={app.id}
          label={app.label}
          checked={draft.edit.aadApps.includes(app.id)}
          onChange={(_event, checked) => edit((current) => ({ edit: { ...current, aadApps: toggled(current.aadApps, app.id, Boolean(checked)) } }))}
        />
      ))}
      {draft.edit.aadApps.length === 0 && <MessageBar messageBarType={MessageBarType.warning}>Select at least one app to continue.</MessageBar>}
    </Stack>
  );
}

/** Azure AD attributes: the attributes of the chosen apps; unticked ones are not synchronized. */
export function AadAttributesPage(): JSX.Element {
  const { strings } = useWizard();
  const { draft, edit } = useCustomize();
  if (!draft) return <MessageBar messageBarType={MessageBarType.error}>The configuration has not been read.</MessageBar>;
  const attributes = attributesOfApps(draft.edit.aadApps);
  const removed = draft.edit.excludedAttributes.filter((name) => attributes.includes(name));
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Text>These attributes are synchronized to {strings.cloudDirectory} for the apps you selected. Clear an attribute to stop synchronizing it.</Text>
      {removed.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          Removing attributes can affect the functionality of the apps that use them. Not synchronized: {removed.join(', ')}.
        </MessageBar>
      )}
      <div role="group" aria-label="Attributes" style={{ columns: 2, maxWidth: 640 }}>
        {attributes.map((name) => (
          <Checkbox
            key={name}
            label={name}
            checked={!draft.edit.excludedAttributes.includes(name)}
            styles={{ root: { marginBottom: 6 } }}
            onChange={(_event, checked) =>
              edit((current) => ({ edit: { ...current, excludedAttributes: toggled(current.excludedAttributes, name, !checked) } }))
            }
          />
        ))}
      </div>
    </Stack>
  );
}

/** Directory extensions: extra on-premises attributes to synchronize (names are case-sensitive). */
export function DirectoryExtensionsPage(): JSX.Element {
  const { strings } = useWizard();
  const { draft, edit } = useCustomize();
  if (!draft) return <MessageBar messageBarType={MessageBarType.error}>The configuration has not been read.</MessageBar>;
  const selected = draft.edit.extensionAttributes;
  return (
    <Stack tokens={{ childrenGap: 10 }}>
      <Text>Select the attributes to synchronize to {strings.cloudDirectory} as directory extensions. Attribute names are case-sensitive.</Text>
      <Stack horizontal tokens={{ childrenGap: 32 }} wrap>
        <div role="group" aria-label="Available Attributes" style={{ minWidth: 260 }}>
          <Text as="h2" variant="mediumPlus" styles={{ root: { fontWeight: 600, margin: '0 0 8px' } }}>
            Available Attributes
          </Text>
          {extensionCandidateAttributes.map((name) => (
            <Checkbox
              key={name}
              label={name}
              checked={selected.includes(name)}
              styles={{ root: { marginBottom: 6 } }}
              onChange={(_event, checked) => edit((current) => ({ edit: { ...current, extensionAttributes: toggled(current.extensionAttributes, name, Boolean(checked)) } }))}
            />
          ))}
        </div>
        <div style={{ minWidth: 220 }}>
          <Text as="h2" variant="mediumPlus" styles={{ root: { fontWeight: 600, margin: '0 0 8px' } }}>
            Selected Attributes
          </Text>
          {selected.length === 0 ? (
            <Text styles={{ root: { color: '#605e5c' } }}>None yet.</Text>
          ) : (
            <ul aria-label="Selected Attributes" style={{ margin: 0, paddingLeft: 20 }}>
              {selected.map((name) => (
                <li key={name}>
                  <Text>{name}</Text>
                </li>
              ))}
            </ul>
          )}
        </div>
      </Stack>
    </Stack>
  );
}
