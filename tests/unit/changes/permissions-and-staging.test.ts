import { describe, expect, it } from 'vitest';
import { missingRights, writebackPermissionWarning } from '../../../shared/changes/permissions';
import { pendingExportsNeedReview } from '../../../shared/changes/pending-exports-review';
import { csexportCommands, deletesOverThreshold, type PendingExports } from '../../../shared/changes/staging';
import { nativeWizardSignInWarning } from '../../../shared/native-wizard/topic';
import type { AccessRule } from '../../../shared/sync-server';

const user = 'bf967aba-0de6-11d0-a285-00aa003049e2';
const rule = (rights: string, objectType: string, inheritanceType = 'Descendents', inheritedObjectType = user, accessControlType = 'Allow'): AccessRule => ({
  identity: 'CONTOSO\\MSOL_d1edb676ca03', rights, accessControlType, objectType, inheritedObjectType, inheritanceType,
});
// What Set-ADSyncPasswordWritebackPermissions grants (and the lab seeds).
const cmdletGrants = [
  rule('ExtendedRight', '00299570-246d-11d0-a768-00aa006e0529'),
  rule('WriteProperty', '28630ebf-41d5-11d1-a9c1-0000f80367c1'),
  rule('WriteProperty', 'bf967a0a-0de6-11d0-a285-00aa003049e2'),
];

describe('password writeback permissions', () => {
  it('names the two rights the permissions cmdlet leaves out', () => {
    expect(missingRights(cmdletGrants)).toEqual(['Change password', 'Unexpire Password']);
    const warning = writebackPermissionWarning({ account: 'CONTOSO\\MSOL_d1edb676ca03', domains: [{ dn: 'DC=contoso,DC=com', aces: cmdletGrants }] });
    expect(warning).toMatch(/^CONTOSO\\MSOL_d1edb676ca03 lacks rights password writeback needs: Change password, Unexpire Password on DC=contoso,DC=com\./);
  });

  it('counts every right granted, including GenericAll and all-extended-rights, and a Deny takes one away', () => {
    const complete = [...cmdletGrants, rule('ExtendedRight', 'ab721a53-1e2f-11d0-9819-00aa0040529b'), rule('ExtendedRight', 'ccc2dc7d-a6ad-4a7a-8846-c04e3cc53501', 'None', '')];
    expect(missingRights(complete)).toEqual([]);
    expect(writebackPermissionWarning({ account: null, domains: [{ dn: 'DC=contoso,DC=com', aces: complete }] })).toBeNull();
    expect(missingRights([rule('GenericAll', '', 'All', '')])).toEqual([]);
    expect(missingRights([...complete, rule('ExtendedRight', 'ab721a53-1e2f-11d0-9819-00aa0040529b', 'Descendents', user, 'Deny')])).toEqual(['Change password']);
    // A right on the domain root alone does not reach the users, nor one meant for computers.
    expect(missingRights([rule('ExtendedRight', '00299570-246d-11d0-a768-00aa006e0529', 'None', '')])).toContain('Reset password');
    expect(missingRights([rule('ExtendedRight', '00299570-246d-11d0-a768-00aa006e0529', 'Descendents', 'bf967a86-0de6-11d0-a285-00aa003049e2')])).toContain('Reset password');
  });
});

const pending = (counts: [number | null, number | null, number | null][], source: PendingExports['source'] = 'connector-statistics'): PendingExports => ({
  source,
  connectors: counts.map(([adds, updates, deletes], index) => ({ name: index === 0 ? 'contoso.onmicrosoft.com - AAD' : 'contoso.com', cloud: index === 0, adds, updates, deletes })),
  deletionThreshold: { enabled: true, threshold: 3 },
  csexportCommands: [],
});

describe('pending exports before a staging server becomes active', () => {
  it('needs a review when a count is not zero or the counts are unknown', () => {
    expect(pendingExportsNeedReview(pending([[0, 0, 0], [0, 0, 0]]))).toBe(false);
    expect(pendingExportsNeedReview(pending([[40, 6, 0], [0, 0, 0]]))).toBe(true);
    expect(pendingExportsNeedReview(pending([[null, null, null]], 'csexport'))).toBe(true);
  });

  it('warns when the deletes to Azure AD exceed an enabled threshold, never for other connectors', () => {
    expect(deletesOverThreshold(pending([[0, 0, 4], [0, 0, 0]]))).toBe(4);
    expect(deletesOverThreshold(pending([[0, 0, 3], [0, 0, 9]]))).toBeNull();
    expect(deletesOverThreshold({ ...pending([[0, 0, 9]]), deletionThreshold: { enabled: false, threshold: 3 } })).toBeNull();
  });

  it('gives the documented csexport and CSExportAnalyzer commands per connector', () => {
    expect(csexportCommands(['contoso.com'])).toEqual([
      '"%ProgramFiles%\\Microsoft Azure AD Sync\\Bin\\csexport.exe" "contoso.com" %temp%\\export-1.xml /f:x',
      '"%ProgramFiles%\\Microsoft Azure AD Sync\\Bin\\CSExportAnalyzer.exe" %temp%\\export-1.xml > %temp%\\export-1.csv',
    ]);
  });
});

describe('handing off to the native wizard', () => {
  it('warns that builds older than 2.4.18.0 cannot sign in in their wizard since April 2025', () => {
    expect(nativeWizardSignInWarning('2.2.1.0')).toMatch(/older than 2\.4\.18\.0/);
    expect(nativeWizardSignInWarning('1.1.130.0')).toMatch(/1\.1\.130\.0/);
    expect(nativeWizardSignInWarning('2.4.18.0')).toBeNull();
    expect(nativeWizardSignInWarning('2.5.3.0')).toBeNull();
    expect(nativeWizardSignInWarning(null)).toBeNull();
  });
});
