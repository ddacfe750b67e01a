import { MessageBar, MessageBarType, Pivot, PivotItem, Spinner, SpinnerSize, Stack, Text } from '@fluentui/react';
import { useState } from 'react';
import { canAssignLicenses, missingLicenseRoleMessage } from '../../../../shared/licenses/roles';
import { useRequest } from '../../../desktop-api/use-request';
import { GroupsView } from './GroupsView';
import { Heading, LoadError } from './PageParts';
import { SkuTable } from './SkuTable';
import { useSkus } from './use-licenses-data';
import { UsersView } from './UsersView';

type Tab = 'users' | 'groups';

/**
 * Assign licenses: pick a subscription, then license synchronized users one by one or in thousands
 * (Users), or license groups and let Entra license their members (Groups, Microsoft's recommended way).
 */
export function AssignLicensesPage(): JSX.Element {
  const auth = useRequest('auth:get-status', {});
  const skus = useSkus();
  const [chosenSkuId, setSkuId] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('users');
  // The groups are read once the tab is first opened, then kept.
  const [groupsOpened, setGroupsOpened] = useState(false);

  const skuList = skus.skus;
  // The first license (Azure AD Premium P1 when the tenant has it) until another is chosen.
  const sku = skuList?.find((candidate) => candidate.skuId === chosenSkuId) ?? skuList?.[0] ?? null;
  const account = auth.state.status === 'done' ? auth.state.value.account : undefined;
  const mayAssign = account === undefined || canAssignLicenses(account.roles);

  return (
    <Stack tokens={{ childrenGap: 24 }} styles={{ root: { maxWidth: 1040 } }}>
      <Text>
        Assign Azure AD Premium or Enterprise Mobility + Security licenses to users synchronized from your on-premises directory, or to
        groups, and switch off the service plans you do not use.
      </Text>

      {!mayAssign && account && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          You are signed in as {account.username} ({account.roles.map((role) => role.displayName).join(', ')}). {missingLicenseRoleMessage}
        </MessageBar>
      )}

      <section aria-labelledby="licenses-heading">
        <Heading id="licenses-heading">Licenses</Heading>
        {skus.error && <LoadError error={skus.error} what="subscriptions" onRetry={skus.reload} />}
        {!skuList && !skus.error && <Spinner size={SpinnerSize.medium} label="Reading the tenant's subscriptions…" />}
        {skuList && skuList.length === 0 && (
          <MessageBar messageBarType={MessageBarType.info}>The tenant has no subscriptions with licenses to assign.</MessageBar>
        )}
        {skuList && skuList.length > 0 && <SkuTable skus={skuList} selectedSkuId={sku?.skuId ?? null} onSelect={setSkuId} />}
      </section>

      {/* Both views stay mounted, so a selection survives a look at the other tab. */}
      <Pivot aria-label="Assign licenses to" selectedKey={tab} onLinkClick={(item) => {
          const next: Tab = item?.props.itemKey === 'groups' ? 'groups' : 'users';
          setTab(next);
          if (next === 'groups') setGroupsOpened(true);
        }}
        headersOnly
      >
        <PivotItem headerText="Users" itemKey="users" />
        <PivotItem headerText="Groups" itemKey="groups" />
      </Pivot>
      <div role="tabpanel" aria-label="Users" hidden={tab !== 'users'}>
        <UsersView sku={sku} skus={skus} />
      </div>
      <div role="tabpanel" aria-label="Groups" hidden={tab !== 'groups'}>
        {groupsOpened && <GroupsView sku={sku} skus={skus} />}
      </div>
    </Stack>
  );
}
