import type { AppErrorData } from '../core/errors';

export type MemberChange = 'add' | 'remove';

/**
 * The message an administrator reads when adding or removing a member of an ADSync group fails. The name
 * is the one they typed, shown exactly; PowerShell's own text stays in `detail`.
 */
export function memberChangeMessage(change: MemberChange, error: AppErrorData, accountName: string, group: string): string {
  switch (error.code) {
    case 'MEMBER_EXISTS':
      return `${accountName} is already a member of ${group}. Nothing was changed.`;
    case 'PRINCIPAL_NOT_FOUND':
      return `No account named ${accountName} was found. Check the spelling and the domain; use DOMAIN\\user, user@domain or the name of a local account.`;
    case 'MEMBER_NOT_FOUND':
      return `${accountName} is not a member of ${group} (it may have been removed elsewhere). Nothing was changed.`;
    case 'GROUP_NOT_FOUND':
      return `The group ${group} does not exist on this server. The ADSync groups are created when the synchronization service is installed.`;
    case 'VALIDATION_FAILED':
      return error.message;
    default:
      return `${accountName} could not be ${change === 'add' ? `added to` : `removed from`} ${group}: ${error.message}`;
  }
}
