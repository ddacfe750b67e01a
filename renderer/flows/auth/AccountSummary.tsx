import { mergeStyleSets, Text } from '@fluentui/react';
import type { SignedInAccount } from '../../../shared/auth/account';

const styles = mergeStyleSets({
  list: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 24, rowGap: 6, margin: 0 },
  term: { color: '#605e5c', fontWeight: 600 },
  value: { margin: 0, wordBreak: 'break-word' },
});

/** The signed-in administrator: who, in which tenant, with which roles. */
export function AccountSummary({ account, cloudDirectory }: { account: SignedInAccount; cloudDirectory: string }): JSX.Element {
  const tenant = account.tenantDisplayName ? `${account.tenantDisplayName} (${account.tenantDomain})` : account.tenantDomain;
  const roles = account.roles.map((role) => role.displayName).join(', ') || 'None';
  return (
    <section aria-labelledby="connect-account-heading">
      <Text as="h2" id="connect-account-heading" variant="mediumPlus" styles={{ root: { display: 'block', fontWeight: 600, margin: '0 0 8px' } }}>
        Signed in to {cloudDirectory}
      </Text>
      <dl className={styles.list}>
        <dt className={styles.term}>Account</dt>
        <dd className={styles.value}>
          {account.displayName} ({account.username})
        </dd>
        <dt className={styles.term}>Tenant</dt>
        <dd className={styles.value}>{tenant}</dd>
        <dt className={styles.term}>Tenant ID</dt>
        <dd className={styles.value}>{account.tenantId}</dd>
        <dt className={styles.term}>Directory roles</dt>
        <dd className={styles.value}>{roles}</dd>
      </dl>
    </section>
  );
}
