import { describe, expect, it } from 'vitest';
import { adminOnlyFolderSddl, dataFolderSddl, evaluateAdminOnly, parseSddl } from '../../../electron/main/machine/sddl';

/*
 * Descriptors as Windows prints them (FileSecurity.GetSecurityDescriptorSddlForm / Get-Acl .Sddl): the stock
 * C:\ProgramData, a folder made under it without breaking inheritance and a file in it, a stock C:\Windows
 * file, the drive root, and what the installer writes.
 */
const stock = {
  programData: 'O:SYG:SYD:PAI(A;OICIIO;GA;;;CO)(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)(A;CI;DCLCRPCR;;;BU)',
  inheritedFolder: 'O:BAG:SYD:AI(A;OICIIOID;GA;;;CO)(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIID;0x1200a9;;;BU)(A;CIID;DCLCRPCR;;;BU)',
  inheritedFile: 'O:BAG:SYD:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;BU)',
  windowsFile:
    'O:S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464G:S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464D:PAI(A;;FA;;;S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464)(A;;0x1200a9;;;BA)(A;;0x1200a9;;;SY)(A;;0x1200a9;;;BU)(A;;0x1200a9;;;AC)',
  driveRoot:
    'O:S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464G:SYD:PAI(A;;LC;;;AU)(A;OICIIO;SDGXGWGR;;;AU)(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)',
};

const problemsOf = (sddl: string): readonly string[] => {
  const verdict = evaluateAdminOnly(sddl);
  return verdict.ok ? [] : verdict.problems;
};

describe('the machine-wide settings ACL check', () => {
  it('accepts what the installer writes, a stock Windows file, and an inherited file with read-only Users', () => {
    for (const sddl of [adminOnlyFolderSddl, dataFolderSddl, stock.windowsFile, stock.inheritedFile]) expect(problemsOf(sddl), sddl).toEqual([]);
  });

  it('refuses a folder made under ProgramData without breaking inheritance: Users may add files there', () => {
    expect(problemsOf(stock.inheritedFolder)).toEqual([
      'CREATOR OWNER may change it (generic all)',
      'Users may change it (write data or add files, append data or add folders, write extended attributes, write attributes)',
    ]);
    expect(problemsOf(stock.programData)).toContain('Users may change it (write data or add files, append data or add folders, write extended attributes, write attributes)');
  });

  it('refuses a file or folder owned by a user, whatever its ACEs', () => {
    expect(problemsOf('O:S-1-5-21-1004336348-1177238915-682003330-1001G:S-1-5-21-1004336348-1177238915-682003330-513D:PAI(A;;FA;;;SY)(A;;FA;;;BA)')).toEqual([
      'it is owned by S-1-5-21-1004336348-1177238915-682003330-1001, not by Administrators or SYSTEM',
    ]);
  });

  it('refuses Users:(M), Everyone write, Authenticated Users write and a user granted WRITE_DAC', () => {
    expect(problemsOf('O:BAG:SYD:PAI(A;;FA;;;SY)(A;;FA;;;BA)(A;;0x1301bf;;;BU)')).toEqual([
      'Users may change it (write data or add files, append data or add folders, write extended attributes, write attributes, delete)',
    ]);
    expect(problemsOf('O:BAG:SYD:PAI(A;;FA;;;SY)(A;;FA;;;BA)(A;;FW;;;WD)')).toEqual([
      'Everyone may change it (write data or add files, append data or add folders, write extended attributes, write attributes)',
    ]);
    expect(problemsOf(stock.driveRoot)).toEqual([
      'Authenticated Users may change it (append data or add folders)',
      'Authenticated Users may change it (delete, generic write)',
    ]);
    expect(problemsOf('O:BAG:SYD:PAI(A;;FA;;;BA)(A;;WD;;;S-1-5-21-1-2-3-1001)')).toEqual(['S-1-5-21-1-2-3-1001 may change it (change permissions)']);
  });

  it('counts inherited and inherit-only ACEs, and never lets a deny ACE excuse an allow ACE', () => {
    expect(problemsOf('O:BAG:SYD:AI(A;ID;FA;;;BA)(A;ID;0x1301bf;;;AU)')).toHaveLength(1);
    expect(problemsOf('O:BAG:SYD:P(A;;FA;;;BA)(A;OICIIO;GA;;;BU)')).toEqual(['Users may change it (generic all)']);
    expect(problemsOf('O:BAG:SYD:P(D;;FW;;;BU)(A;;FA;;;BA)(A;;FW;;;BU)')).toHaveLength(1);
    expect(problemsOf('O:BAG:SYD:P(D;;FA;;;WD)(A;;FA;;;BA)(A;;FA;;;SY)')).toEqual([]);
  });

  it('refuses a missing DACL, a missing owner and text that is not SDDL', () => {
    expect(problemsOf('O:BAD:NO_ACCESS_CONTROL')).toEqual(['it has no access control list, so everyone may change it']);
    expect(problemsOf('D:PAI(A;;FA;;;BA)')).toEqual(['it has no owner']);
    expect(problemsOf('Access is denied.')[0]).toMatch(/cannot be read/);
    expect(problemsOf('O:BAD:(A;;ZZ;;;BU)')[0]).toMatch(/cannot be read/);
  });

  it('reads hex and lettered rights alike', () => {
    expect(parseSddl('O:BAD:P(A;CI;DCLCRPCR;;;BU)(A;;0x116;;;AU)').dacl?.map((ace) => ace.mask)).toEqual([0x116, 0x116]);
  });
});
