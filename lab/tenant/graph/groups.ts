import { nameBasedId, type DirectoryUser } from './directory';
import { FORMER_FRONT_DESK_INDEX, generatedUser } from './scale';
import type { TenantState } from './tenant-state';

/** A group of the tenant with its members (users and nested groups), as the lab defines it. */
export interface DirectoryGroup {
  id: string;
  displayName: string;
  synced: boolean;
  /** Security groups and security-enabled Microsoft 365 groups; distribution groups cannot hold licenses (§1.1). */
  securityEnabled: boolean;
  mailEnabled: boolean;
  groupTypes: string[];
  /** Direct user members, in a stable order. */
  memberUserIds: string[];
  /** Nested groups: their members do not get this group's licenses (§1.1). */
  memberGroupIds: string[];
  base: Readonly<Record<string, unknown>>;
}

interface GroupSeed {
  key: string;
  displayName: string;
  description: string;
  kind: 'security' | 'microsoft365' | 'microsoft365Security' | 'distribution';
  mailNickname: string;
  /** Who is a member, from the directory's users (rules, so that synchronization can change them). */
  members: (users: readonly DirectoryUser[]) => DirectoryUser[];
  nested?: string[];
}

const byUpn = (left: DirectoryUser, right: DirectoryUser): number => left.userPrincipalName.localeCompare(right.userPrincipalName, 'en');
const account = (upnPrefix: string) => (users: readonly DirectoryUser[]) =>
  users.filter((user) => !user.synced && user.userPrincipalName.startsWith(`${upnPrefix}@`));

/** The cloud-only groups of the lab tenant. */
const CLOUD_GROUPS: readonly GroupSeed[] = [
  {
    key: 'ems-pilot',
    displayName: 'EMS pilot',
    description: 'Users piloting Enterprise Mobility + Security',
    kind: 'security',
    mailNickname: 'emspilot',
    // The first five Engineering users by UPN, and the user whose address the "Front Desk" mailbox still holds.
    members: (users) => {
      const engineering = users.filter((user) => user.synced && user.department === 'Engineering').sort(byUpn).slice(0, 6);
      const formerFrontDesk = generatedUser(FORMER_FRONT_DESK_INDEX).userPrincipalName;
      const holder = users.find((user) => user.userPrincipalName === formerFrontDesk);
      return holder ? [...engineering.slice(0, 5), holder] : engineering;
    },
  },
  {
    key: 'it-admins',
    displayName: 'IT Admins',
    description: 'Administrators of the directory',
    kind: 'security',
    mailNickname: 'itadmins',
    members: (users) => [...account('globaladmin')(users), ...account('hybridadmin')(users)],
    nested: ['helpdesk'],
  },
  { key: 'helpdesk', displayName: 'Helpdesk', description: 'First-line support', kind: 'security', mailNickname: 'helpdesk', members: account('user') },
  {
    key: 'project-falcon',
    displayName: 'Project Falcon',
    description: 'Microsoft 365 group, security-enabled',
    kind: 'microsoft365Security',
    mailNickname: 'projectfalcon',
    members: (users) => users.filter((user) => user.synced && user.department === 'Marketing').sort(byUpn).slice(0, 3),
  },
  {
    key: 'all-company',
    displayName: 'All Company',
    description: 'Microsoft 365 group of everyone',
    kind: 'microsoft365',
    mailNickname: 'allcompany',
    members: (users) => users.filter((user) => !user.synced),
  },
  {
    key: 'sales-announcements',
    displayName: 'Sales announcements',
    description: 'Distribution list',
    kind: 'distribution',
    mailNickname: 'salesannouncements',
    members: (users) => users.filter((user) => user.synced && user.department === 'Sales').sort(byUpn).slice(0, 10),
  },
];

function groupIdOf(key: string): string {
  return nameBasedId(`lab-tenant/group/${key}`);
}

function baseProperties(
  id: string,
  seed: { displayName: string; description: string; mailNickname: string; kind: GroupSeed['kind'] },
  onPremises: { samAccountName: string; lastSync: string | null } | null,
): Record<string, unknown> {
  const unified = seed.kind === 'microsoft365' || seed.kind === 'microsoft365Security';
  const mailEnabled = unified || seed.kind === 'distribution';
  return {
    id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: '2024-02-01T09:00:00Z',
    description: seed.description,
    displayName: seed.displayName,
    groupTypes: unified ? ['Unified'] : [],
    mail: mailEnabled ? `${seed.mailNickname}@contoso.com` : null,
    mailEnabled,
    mailNickname: seed.mailNickname,
    onPremisesDomainName: onPremises ? 'contoso.com' : null,
    onPremisesLastSyncDateTime: onPremises?.lastSync ?? null,
    onPremisesSamAccountName: onPremises?.samAccountName ?? null,
    onPremisesSyncEnabled: onPremises ? true : null,
    securityEnabled: seed.kind === 'security' || seed.kind === 'microsoft365Security',
    visibility: unified ? 'Private' : null,
  };
}

/**
 * Every group of the tenant. The lab sync server exports users only, so its synchronized groups are the
 * department groups of the exported users (`Dept - Sales`, ...), as a forest's department groups would be;
 * the cloud-only groups are `CLOUD_GROUPS`, plus members added with `POST /groups/{id}/members/$ref`.
 */
export function directoryGroups(users: readonly DirectoryUser[], state: TenantState, lastSync: string | null): DirectoryGroup[] {
  const departments = [...new Set(users.filter((user) => user.synced && user.department).map((user) => user.department as string))].sort();
  const synced = departments.map((department): DirectoryGroup => {
    const key = `department/${department}`;
    const id = groupIdOf(key);
    const name = `Dept - ${department}`;
    const seed = { displayName: name, description: `${department} department`, mailNickname: department.replace(/\W/g, '').toLowerCase(), kind: 'security' as const };
    return {
      id,
      displayName: name,
      synced: true,
      securityEnabled: true,
      mailEnabled: false,
      groupTypes: [],
      memberUserIds: users.filter((user) => user.synced && user.department === department).map((user) => user.id),
      memberGroupIds: [],
      base: baseProperties(id, seed, { samAccountName: `Dept-${seed.mailNickname}`, lastSync }),
    };
  });
  const known = new Set(users.map((user) => user.id));
  const cloud = CLOUD_GROUPS.map((seed): DirectoryGroup => {
    const id = groupIdOf(seed.key);
    const base = baseProperties(id, seed, null);
    const ruled = seed.members(users).map((user) => user.id);
    const added = (state.groups[id]?.addedMembers ?? []).filter((userId) => known.has(userId) && !ruled.includes(userId));
    return {
      id,
      displayName: seed.displayName,
      synced: false,
      securityEnabled: base.securityEnabled === true,
      mailEnabled: base.mailEnabled === true,
      groupTypes: base.groupTypes as string[],
      memberUserIds: [...ruled, ...added],
      memberGroupIds: (seed.nested ?? []).map(groupIdOf),
      base,
    };
  });
  return [...synced, ...cloud];
}

/** Properties Graph returns for a group when the request has no $select (a subset of Graph's list). */
export const DEFAULT_GROUP_PROPERTIES = [
  'id',
  'deletedDateTime',
  'classification',
  'createdDateTime',
  'description',
  'displayName',
  'groupTypes',
  'mail',
  'mailEnabled',
  'mailNickname',
  'onPremisesDomainName',
  'onPremisesLastSyncDateTime',
  'onPremisesSamAccountName',
  'onPremisesSyncEnabled',
  'securityEnabled',
  'visibility',
] as const;
