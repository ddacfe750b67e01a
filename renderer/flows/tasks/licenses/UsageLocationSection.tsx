import { Stack, Text } from '@fluentui/react';
import type { SyncedUser } from '../../../../shared/licenses/skus-and-users';
import { CountryPicker } from './CountryPicker';

/** Users with a country picker of their own; with more, the others take the default (a thousand pickers help nobody). */
const maxPickers = 10;

/**
 * Users about to get a license without a usage location: Graph refuses the license until one is set,
 * so a country is chosen for each, or one default for all of them.
 */
export function UsageLocationSection(props: {
  users: readonly SyncedUser[];
  chosen: Readonly<Record<string, string>>;
  defaultLocation: string | null;
  onChoose: (userId: string, code: string | null) => void;
  onDefault: (code: string | null) => void;
}): JSX.Element {
  const count = props.users.length === 1 ? '1 selected user has' : `${props.users.length} selected users have`;
  return (
    <section aria-labelledby="usage-location-heading">
      <Stack tokens={{ childrenGap: 12 }}>
        <Text as="h2" id="usage-location-heading" variant="mediumPlus" styles={{ root: { display: 'block', fontWeight: 600, margin: 0 } }}>
          Usage location needed
        </Text>
        <Text>
          {count} no usage location. A license can only be assigned to a user with a usage location (the country where the user
          works), so it is set first. Choose a country for each user, or a default for all of them.
        </Text>
        <CountryPicker
          label="Default usage location for these users"
          value={props.defaultLocation}
          onChange={props.onDefault}
          allowNone
        />
        <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
          {props.users.slice(0, maxPickers).map((user) => (
            <li key={user.id}>
              <CountryPicker
                label={`Usage location for ${user.displayName} (${user.userPrincipalName})`}
                value={props.chosen[user.id] ?? null}
                onChange={(code) => props.onChoose(user.id, code)}
                placeholder={props.defaultLocation ? 'Uses the default' : 'Type or pick a country'}
              />
            </li>
          ))}
        </ul>
        {props.users.length > maxPickers && (
          <Text>
            The other {props.users.length - maxPickers} users without a usage location get the default.
          </Text>
        )}
      </Stack>
    </section>
  );
}
