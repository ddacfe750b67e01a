import { describe, expect, it } from 'vitest';
import { currentWindowsUser } from '../../../electron/services/sync-admins/sync-admins-service';
import { accountNameSchema, checkAccountName } from '../../../shared/sync-admins/account-name';

describe('checkAccountName', () => {
  it('accepts any name, quotes, $() and non-Latin characters included, trimmed of outer spaces only', () => {
    for (const name of ['CONTOSO\\jdoe', 'jdoe@contoso.com', 'labadmin', "CONTOSO\\O'Brien", 'CONTOSO\\$(Get-Date)', 'CONTOSO\\山田', 'CONTOSO\\שלום']) {
      expect(checkAccountName(`  ${name} `)).toEqual({ ok: true, name });
    }
    expect(checkAccountName('CONTOSO\\Jane  Doe')).toEqual({ ok: true, name: 'CONTOSO\\Jane  Doe' });
  });

  it('refuses an empty name and one over 256 characters, saying why', () => {
    expect(checkAccountName('   ')).toMatchObject({ ok: false, message: expect.stringMatching(/^Enter an account name/) });
    expect(checkAccountName('a'.repeat(256))).toMatchObject({ ok: true });
    expect(checkAccountName('a'.repeat(257))).toEqual({ ok: false, message: 'An account name has at most 256 characters; this one has 257.' });
  });

  it('is what main checks a request with', () => {
    expect(accountNameSchema.parse(' CONTOSO\\“Zoë” ')).toBe('CONTOSO\\“Zoë”');
    expect(accountNameSchema.safeParse('').success).toBe(false);
  });
});

describe('currentWindowsUser', () => {
  it('is DOMAIN\\user from the Windows environment on the server', () => {
    expect(currentWindowsUser({ kind: 'server' }, { USERDOMAIN: 'CONTOSO', USERNAME: 'jdoe' })).toBe('CONTOSO\\jdoe');
    expect(currentWindowsUser({ kind: 'server' }, { USERNAME: 'labadmin' })).toBe('labadmin');
    expect(currentWindowsUser({ kind: 'server' }, {})).toBeNull();
  });

  it('comes from ADSYNC_LAB_WINDOWS_USER on the lab, else the lab’s installing administrator', () => {
    expect(currentWindowsUser({ kind: 'lab' }, { ADSYNC_LAB_WINDOWS_USER: 'CONTOSO\\labuser', USERNAME: 'root' })).toBe('CONTOSO\\labuser');
    expect(currentWindowsUser({ kind: 'lab' }, { USERNAME: 'root' })).toBe('CONTOSO\\Administrator');
  });
});
