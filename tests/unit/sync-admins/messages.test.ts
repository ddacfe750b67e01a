import { describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../../shared/core/errors';
import { memberChangeMessage } from '../../../shared/sync-admins/messages';

const error = (code: AppErrorData['code'], message = 'PowerShell said no.'): AppErrorData => ({ code, message });

describe('memberChangeMessage', () => {
  it('names the account exactly as typed, quotes, $() and non-Latin characters included', () => {
    for (const name of ['CONTOSO\\O\'Brien', 'CONTOSO\\$(Get-Date)', 'CONTOSO\\山田', 'CONTOSO\\שלום', 'CONTOSO\\“Zoë”']) {
      expect(memberChangeMessage('add', error('MEMBER_EXISTS'), name, 'ADSyncAdmins')).toBe(
        `${name} is already a member of ADSyncAdmins. Nothing was changed.`,
      );
    }
  });

  it('explains an unknown account with the forms a name may take', () => {
    expect(memberChangeMessage('add', error('PRINCIPAL_NOT_FOUND'), 'FABRIKAM\\x', 'ADSyncBrowse')).toBe(
      'No account named FABRIKAM\\x was found. Check the spelling and the domain; use DOMAIN\\user, user@domain or the name of a local account.',
    );
  });

  it('says a member to remove is not (or no longer) in the group', () => {
    expect(memberChangeMessage('remove', error('MEMBER_NOT_FOUND'), 'CONTOSO\\jdoe', 'ADSyncOperators')).toBe(
      'CONTOSO\\jdoe is not a member of ADSyncOperators (it may have been removed elsewhere). Nothing was changed.',
    );
  });

  it('says a missing group is missing', () => {
    expect(memberChangeMessage('add', error('GROUP_NOT_FOUND'), 'CONTOSO\\jdoe', 'ADSyncPasswordSet')).toMatch(
      /^The group ADSyncPasswordSet does not exist on this server\./,
    );
  });

  it('keeps other failures readable, saying what could not be done', () => {
    expect(memberChangeMessage('add', error('TIMEOUT', 'The sync server did not answer in time.'), 'CONTOSO\\jdoe', 'ADSyncAdmins')).toBe(
      'CONTOSO\\jdoe could not be added to ADSyncAdmins: The sync server did not answer in time.',
    );
    expect(memberChangeMessage('remove', error('POWERSHELL_ERROR', 'Access denied.'), 'CONTOSO\\jdoe', 'ADSyncAdmins')).toBe(
      'CONTOSO\\jdoe could not be removed from ADSyncAdmins: Access denied.',
    );
  });
});
