import { describe, expect, it } from 'vitest';
import { PlanStore } from '../../../electron/services/changes/plan-store';
import { validateForestAccount, adminAccountNotAllowed } from '../../../electron/services/changes/forest-account';

const plan = { task: 'staging' as const, steps: [], changeCount: 0, fullSyncRequired: false, warnings: [] };

describe('PlanStore', () => {
  it('lets a plan be claimed once: a second apply (a double click) gets PLAN_ALREADY_APPLIED', () => {
    const store = new PlanStore();
    const id = store.add(plan, 'f');
    expect(store.claim(id).fingerprint).toBe('f');
    expect(() => store.claim(id)).toThrow(expect.objectContaining({ code: 'PLAN_ALREADY_APPLIED' }));
    store.finish(id);
    expect(() => store.claim(id)).toThrow(expect.objectContaining({ code: 'PLAN_ALREADY_APPLIED' }));
  });

  it('gives a released plan back and refuses unknown or discarded ones as stale', () => {
    const store = new PlanStore();
    const id = store.add(plan, 'f');
    store.claim(id);
    store.release(id);
    expect(() => store.claim(id)).not.toThrow();
    expect(() => store.claim('nope')).toThrow(expect.objectContaining({ code: 'PLAN_STALE' }));
    const other = store.add(plan, 'g');
    store.discard(other);
    expect(() => store.claim(other)).toThrow(expect.objectContaining({ code: 'PLAN_STALE' }));
  });
});

describe('validateForestAccount', () => {
  const lab = { configuredForests: ['contoso.com'], lab: true };
  const input = { forest: 'fabrikam.com', option: 'existing' as const, username: 'FABRIKAM\\syncuser', password: 'secret' };

  it('says a configured forest is already configured', () => {
    expect(validateForestAccount({ ...input, forest: 'Contoso.com' }, lab)).toMatchObject({ field: 'forest', message: 'The directory Contoso.com is already configured.' });
  });

  it('checks the user name format and the password', () => {
    expect(validateForestAccount({ ...input, username: 'syncuser' }, lab).field).toBe('username');
    expect(validateForestAccount({ ...input, password: '' }, lab)).toMatchObject({ field: 'password', message: 'Enter the password.' });
  });

  it('refuses an Enterprise or Domain admin as an existing account with the native message, and requires one to create the account', () => {
    expect(validateForestAccount({ ...input, username: 'CONTOSO\\Administrator' }, lab)).toMatchObject({ field: 'username', message: adminAccountNotAllowed });
    expect(validateForestAccount({ ...input, username: 'fabrikam.com\\administrator' }, lab).message).toBe(adminAccountNotAllowed);
    expect(validateForestAccount({ ...input, option: 'create' }, lab).message).toContain('Enterprise Administrator');
  });

  it('refuses a second forest in the lab plainly, and never echoes the password', () => {
    const result = validateForestAccount({ ...input, password: 'S3cret-value' }, lab);
    expect(result).toMatchObject({ accepted: false, field: 'forest', message: expect.stringContaining('The lab has one forest, contoso.com') });
    expect(JSON.stringify(result)).not.toContain('S3cret-value');
    expect(validateForestAccount(input, { ...lab, lab: false }).message).toContain('not available in this app');
  });
});
