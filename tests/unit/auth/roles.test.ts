import { describe, expect, it } from 'vitest';
import { adminRoleTemplateIds, hasAdminRole } from '../../../shared/auth/account';

describe('hasAdminRole', () => {
  it('accepts a Hybrid Identity Administrator or a Global Administrator', () => {
    expect(hasAdminRole([{ displayName: 'Hybrid Identity Administrator', roleTemplateId: adminRoleTemplateIds.hybridIdentityAdministrator }])).toBe(true);
    expect(hasAdminRole([{ displayName: 'Global Administrator', roleTemplateId: adminRoleTemplateIds.globalAdministrator.toUpperCase() }])).toBe(true);
  });

  it('refuses other roles and no role, whatever the display name says', () => {
    expect(hasAdminRole([])).toBe(false);
    expect(hasAdminRole([{ displayName: 'Global Administrator', roleTemplateId: 'fe930be7-5e62-47db-91af-98c3a49a38b1' }])).toBe(false);
  });
});
