import { describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../../shared/auth/auth-status';
import { signInErrorCodes, signInMessages } from '../../../shared/auth/sign-in-messages';
import { connectView, memoryCacheNote } from '../../../renderer/flows/auth/connect-view';

const account = {
  displayName: 'Hybrid Admin',
  username: 'hybridadmin@contoso.onmicrosoft.com',
  tenantId: '6f3c1b9e-2d4a-4c8e-9b1f-7a5d3e2c4b10',
  tenantDomain: 'contoso.onmicrosoft.com',
  roles: [{ displayName: 'Hybrid Identity Administrator', roleTemplateId: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2' }],
};
const base: AuthStatus = { state: 'signedOut', cachePersistence: 'encrypted', revision: 1 };

describe('connectView', () => {
  it('allows Next only for a signed-in administrator', () => {
    expect(connectView({ ...base, state: 'signedIn', account })).toEqual({ phase: 'signedIn', canProceed: true });
    expect(connectView(base)).toEqual({ phase: 'signedOut', canProceed: false });
    expect(connectView({ ...base, state: 'signingIn' }).canProceed).toBe(false);
  });

  it.each(signInErrorCodes)('shows the native message for %s and keeps Next disabled', (code) => {
    const view = connectView({ ...base, lastError: { code, message: 'from main', detail: 'AADSTS-detail' } });
    expect(view.canProceed).toBe(false);
    expect(view.failure).toEqual({ ...signInMessages[code], detail: 'AADSTS-detail' });
  });

  it('says "User realm discovery failed" when Azure AD cannot be reached', () => {
    const view = connectView({ ...base, lastError: { code: 'NETWORK_UNREACHABLE', message: 'x', detail: '127.0.0.1:9: connect ECONNREFUSED' } });
    expect(view.failure?.title).toBe('User realm discovery failed');
    expect(view.failure?.message).toContain('Check the network connection and the proxy settings');
  });

  it('shows another error with its own message, and no error while an attempt is pending', () => {
    expect(connectView({ ...base, lastError: { code: 'GRAPH_ERROR', message: 'Graph said no.' } }).failure).toEqual({
      title: 'Sign-in failed',
      message: 'Graph said no.',
    });
    expect(connectView({ ...base, state: 'signingIn', lastError: { code: 'NO_ADMIN_ROLE', message: 'x' } }).failure).toBeUndefined();
  });

  it('keeps an earlier sign-in usable when another account was refused', () => {
    const view = connectView({ ...base, state: 'signedIn', account, lastError: { code: 'NO_ADMIN_ROLE', message: 'x' } });
    expect(view.canProceed).toBe(true);
    expect(view.failure?.title).toBe(signInMessages.NO_ADMIN_ROLE.title);
  });

  it('says plainly when the sign-in is kept in memory only', () => {
    expect(connectView({ ...base, cachePersistence: 'memory' }).memoryCacheNote).toBe(memoryCacheNote);
    expect(memoryCacheNote).toContain('you will have to sign in again');
    expect(connectView(base).memoryCacheNote).toBeUndefined();
  });
});
