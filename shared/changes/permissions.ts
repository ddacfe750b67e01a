import type { AccessRule, DirectoryPermissions } from '../sync-server/forest';

/*
 * The directory permissions password writeback needs from the AD DS connector account, checked against the
 * access rules of each domain root. Set-ADSyncPasswordWritebackPermissions grants Reset password and write
 * lockoutTime and pwdLastSet on descendant users (how-to-connect-configure-ad-ds-connector-account); the
 * password writeback tutorial also needs Change password and, on the domain root, Unexpire Password
 * (tutorial-enable-sspr-writeback), which that cmdlet leaves out.
 */

const userClass = 'bf967aba-0de6-11d0-a285-00aa003049e2';
const emptyGuid = '00000000-0000-0000-0000-000000000000';

interface RequiredRight {
  readonly name: string;
  /** An extended right (control access) or the right to write one attribute. */
  readonly kind: 'extendedRight' | 'writeProperty';
  readonly guid: string;
  /** Granted on descendant user objects, or on the domain root object itself. */
  readonly on: 'descendantUsers' | 'domainRoot';
}

export const writebackRights: readonly RequiredRight[] = [
  { name: 'Reset password', kind: 'extendedRight', guid: '00299570-246d-11d0-a768-00aa006e0529', on: 'descendantUsers' },
  { name: 'Change password', kind: 'extendedRight', guid: 'ab721a53-1e2f-11d0-9819-00aa0040529b', on: 'descendantUsers' },
  { name: 'Write lockoutTime', kind: 'writeProperty', guid: '28630ebf-41d5-11d1-a9c1-0000f80367c1', on: 'descendantUsers' },
  { name: 'Write pwdLastSet', kind: 'writeProperty', guid: 'bf967a0a-0de6-11d0-a285-00aa003049e2', on: 'descendantUsers' },
  { name: 'Unexpire Password', kind: 'extendedRight', guid: 'ccc2dc7d-a6ad-4a7a-8846-c04e3cc53501', on: 'domainRoot' },
];

const flagsOf = (rights: string): Set<string> => new Set(rights.split(',').map((flag) => flag.trim().toLowerCase()));
const sameGuid = (a: string, b: string): boolean => a.trim().toLowerCase() === b.toLowerCase();
const anyGuid = (value: string): boolean => value.trim() === '' || sameGuid(value, emptyGuid);

function reaches(rule: AccessRule, on: RequiredRight['on']): boolean {
  const inheritance = rule.inheritanceType.trim().toLowerCase();
  if (on === 'domainRoot') return ['none', 'all', 'selfandchildren'].includes(inheritance);
  return ['all', 'descendents', 'children', 'selfandchildren'].includes(inheritance) && (anyGuid(rule.inheritedObjectType) || sameGuid(rule.inheritedObjectType, userClass));
}

function covers(rule: AccessRule, right: RequiredRight): boolean {
  if (!reaches(rule, right.on)) return false;
  const flags = flagsOf(rule.rights);
  if (flags.has('genericall')) return true;
  if (right.kind === 'writeProperty' && flags.has('genericwrite')) return true;
  const flag = right.kind === 'extendedRight' ? 'extendedright' : 'writeproperty';
  return flags.has(flag) && (anyGuid(rule.objectType) || sameGuid(rule.objectType, right.guid));
}

/** The rights password writeback needs that the rules do not grant (a matching Deny rule takes one away). */
export function missingRights(rules: readonly AccessRule[]): string[] {
  const allowed = (type: string): AccessRule[] => rules.filter((rule) => rule.accessControlType.trim().toLowerCase() === type);
  return writebackRights
    .filter((right) => !allowed('allow').some((rule) => covers(rule, right)) || allowed('deny').some((rule) => covers(rule, right)))
    .map((right) => right.name);
}

/** What to tell the administrator before password writeback is enabled; null when every right is there. */
export function writebackPermissionWarning(permissions: DirectoryPermissions): string | null {
  const account = permissions.account ?? 'The AD DS connector account';
  const gaps = permissions.domains
    .map((domain) => ({ dn: domain.dn, missing: missingRights(domain.aces) }))
    .filter((domain) => domain.missing.length > 0);
  if (gaps.length === 0) return null;
  const lines = gaps.map((gap) => `${gap.missing.join(', ')} on ${gap.dn}`).join('; ');
  return (
    `${account} lacks rights password writeback needs: ${lines}. Password resets from the cloud fail for users where a right is missing. ` +
    'Set-ADSyncPasswordWritebackPermissions grants Reset password, Write lockoutTime and Write pwdLastSet; grant Change password ' +
    '(descendant user objects) and Unexpire Password (the domain root) yourself.'
  );
}
