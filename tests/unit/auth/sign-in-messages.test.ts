import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../shared/core/errors';
import { signInErrorCodes, signInMessages, tokenCacheMessages } from '../../../shared/auth/sign-in-messages';

describe('sign-in message table', () => {
  it('has a title and a message for every sign-in outcome, each an existing error code', () => {
    for (const code of signInErrorCodes) {
      expect(errorCodes).toContain(code);
      expect(signInMessages[code].title.length).toBeGreaterThan(5);
      expect(signInMessages[code].message.length).toBeGreaterThan(20);
    }
  });

  it("uses the native wizard's wording for the role, cancellation and expired-password cases", () => {
    expect(signInMessages.NO_ADMIN_ROLE.title).toBe('Global Administrator role needed');
    expect(signInMessages.NO_ADMIN_ROLE.message).toContain('Hybrid Identity Administrator');
    expect(signInMessages.SIGN_IN_CANCELLED.title).toBe('Authentication canceled');
    expect(signInMessages.PASSWORD_EXPIRED.title).toBe('User password expired');
  });

  it('explains where the sign-in is kept for both cache modes', () => {
    expect(tokenCacheMessages.memory).toMatch(/never written to disk/);
    expect(tokenCacheMessages.encrypted).toMatch(/encrypted/);
  });
});
