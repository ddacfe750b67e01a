import { describe, expect, it } from 'vitest';
import { mapPowerShellError, type ErrorContext } from '../../../electron/clients/powershell/errors';

const context: ErrorContext = {
  operation: 'AddGroupMember',
  executable: 'powershell.exe',
  adSyncModule: 'ADSync',
  activeDirectoryModule: 'ActiveDirectory',
};

describe('mapPowerShellError', () => {
  it('maps the LocalAccounts error ids, keeping the original message as detail', () => {
    const cases = [
      ['MemberExists,Microsoft.PowerShell.Commands.AddLocalGroupMemberCommand', 'CONTOSO\\jdoe is already a member of group ADSyncAdmins.', 'MEMBER_EXISTS'],
      ['PrincipalNotFound,Microsoft.PowerShell.Commands.AddLocalGroupMemberCommand', 'Principal CONTOSO\\nobody was not found.', 'PRINCIPAL_NOT_FOUND'],
      ['MemberNotFound,Microsoft.PowerShell.Commands.RemoveLocalGroupMemberCommand', 'Member CONTOSO\\jdoe was not found in group ADSyncAdmins.', 'MEMBER_NOT_FOUND'],
      ['GroupNotFound,Microsoft.PowerShell.Commands.GetLocalGroupMemberCommand', 'Group ADSyncAdmins was not found.', 'GROUP_NOT_FOUND'],
    ] as const;
    for (const [errorId, message, code] of cases) {
      const error = mapPowerShellError({ message, errorId, category: 'ObjectNotFound', type: 'Microsoft.PowerShell.Commands.SomeException' }, context);
      expect(error.code).toBe(code);
      expect(error.detail).toContain(message);
      expect(error.detail).toContain(errorId);
    }
  });

  it('decides by exception type when the error id is not the LocalAccounts one', () => {
    const error = mapPowerShellError(
      { message: 'whatever text in another language', errorId: 'Something,Else', type: 'Microsoft.PowerShell.Commands.MemberExistsException' },
      context,
    );
    expect(error.code).toBe('MEMBER_EXISTS');
  });

  it('prefers the error id over a misleading message', () => {
    const error = mapPowerShellError(
      { message: 'Group ADSyncAdmins was not found.', errorId: 'PrincipalNotFound,Microsoft.PowerShell.Commands.AddLocalGroupMemberCommand', type: 'System.Exception' },
      context,
    );
    expect(error.code).toBe('PRINCIPAL_NOT_FOUND');
  });

  it('falls back to the message text when ids and types are missing', () => {
    expect(mapPowerShellError({ message: 'CONTOSO\\a is already a member of group ADSyncAdmins.' }, context).code).toBe('MEMBER_EXISTS');
    expect(mapPowerShellError({ message: 'Member CONTOSO\\a was not found in group ADSyncAdmins.' }, context).code).toBe('MEMBER_NOT_FOUND');
    expect(mapPowerShellError({ message: 'Principal CONTOSO\\a was not found.' }, context).code).toBe('PRINCIPAL_NOT_FOUND');
    expect(mapPowerShellError({ message: 'Group ADSyncX was not found.' }, context).code).toBe('GROUP_NOT_FOUND');
  });

  it('recognises a sync cycle that is already running, as the real module reports it', () => {
    const text = 'System.InvalidOperationException: Sync is already running. Cannot start a new run till this one completes.\r\n   at Microsoft.MetadirectoryServices.Scheduler.Scheduler.StartSyncCycle';
    const error = mapPowerShellError(
      { message: text, errorId: `${text},Microsoft.IdentityManagement.PowerShell.Cmdlet.StartADSyncSyncCycle`, category: 'WriteError', type: 'System.InvalidOperationException' },
      { ...context, operation: 'StartSyncCycle' },
    );
    expect(error.code).toBe('SYNC_ALREADY_RUNNING');
    expect(error.message).toMatch(/already running/);
    expect(error.detail).toContain('Cannot start a new run');
  });

  it('says a domain controller did not answer when the ActiveDirectory module cannot reach one (by type, by id and category, or by message), and not for other AD errors', () => {
    const message = 'Unable to contact the server. This may be because this server does not exist, it is currently down, or it does not have the Active Directory Web Services running.';
    const infos = [
      { message, errorId: 'ActiveDirectoryServer:0,Microsoft.ActiveDirectory.Management.Commands.GetADOrganizationalUnit', category: 'ResourceUnavailable' },
      { message: 'text in another language', errorId: 'ActiveDirectoryServer:0,Microsoft.ActiveDirectory.Management.Commands.GetADObject', type: 'Microsoft.ActiveDirectory.Management.ADServerDownException' },
      { message },
    ];
    for (const info of infos) {
      const error = mapPowerShellError(info, { ...context, operation: 'GetOrganizationalUnits' });
      expect(error.code).toBe('DIRECTORY_UNREACHABLE');
      expect(error.message).toMatch(/^No domain controller answered\. .*Active Directory Web Services.*DNS.*9389/);
      expect(error.detail).toContain(info.message);
    }
    const noDefaultServer = mapPowerShellError(
      { message: 'Unable to find a default server with Active Directory Web Services running.', errorId: 'ActiveDirectoryServer:1355,Microsoft.ActiveDirectory.Management.Commands.GetADForest', category: 'ResourceUnavailable' },
      context,
    );
    expect(noDefaultServer.code).toBe('DIRECTORY_UNREACHABLE');
    // The same id family also carries errors from a domain controller that answered.
    const answered = { message: 'An unspecified error has occurred', errorId: 'ActiveDirectoryServer:0,Microsoft.ActiveDirectory.Management.Commands.GetADGroupMember', category: 'NotSpecified', type: 'Microsoft.ActiveDirectory.Management.ADException' };
    expect(mapPowerShellError(answered, context).code).toBe('POWERSHELL_ERROR');
    expect(mapPowerShellError({ message: 'Directory object not found', errorId: 'ActiveDirectoryCmdlet:System.ArgumentException' }, context).code).toBe('POWERSHELL_ERROR');
  });

  it('treats a busy connector as a running cycle', () => {
    const text = 'System.InvalidOperationException: Connector: contoso.onmicrosoft.com - AAD is busy.';
    const error = mapPowerShellError({ message: text, errorId: text, type: 'System.InvalidOperationException' }, context);
    expect(error.code).toBe('SYNC_ALREADY_RUNNING');
  });

  it('gives guidance when the ADSync module is missing, whatever way it shows', () => {
    const fromImport = mapPowerShellError(
      { message: "The specified module 'ADSync' was not loaded because no valid module file was found in any module directory.", errorId: 'Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand', type: 'System.IO.FileNotFoundException' },
      context,
    );
    expect(fromImport.code).toBe('MODULE_NOT_FOUND');
    expect(fromImport.message).toContain('C:\\Program Files\\Microsoft Azure AD Sync\\Bin\\ADSync\\ADSync.psd1');
    expect(fromImport.detail).toContain('no valid module file');

    const fromCommand = mapPowerShellError(
      { message: "The term 'Get-ADSyncScheduler' is not recognized as a name of a cmdlet.", errorId: 'CommandNotFoundException', type: 'System.Management.Automation.CommandNotFoundException', target: 'Get-ADSyncScheduler' },
      context,
    );
    expect(fromCommand.code).toBe('MODULE_NOT_FOUND');
    expect(fromCommand.message).toContain('ADSync');
  });

  it('names RSAT when the ActiveDirectory module is missing', () => {
    const error = mapPowerShellError(
      { message: 'Module ActiveDirectory could not be loaded', errorId: 'CwModuleNotFound,ActiveDirectory', type: 'System.InvalidOperationException', target: 'ActiveDirectory' },
      { ...context, operation: 'GetForest' },
    );
    expect(error.code).toBe('MODULE_NOT_FOUND');
    expect(error.message).toContain('RSAT-AD-PowerShell');
  });

  it('leaves other errors as POWERSHELL_ERROR naming the operation, with PowerShell’s words as detail (for the log) only', () => {
    const error = mapPowerShellError({ message: 'Access is denied.', errorId: 'UnauthorizedAccess', type: 'System.UnauthorizedAccessException' }, context);
    expect(error.code).toBe('POWERSHELL_ERROR');
    expect(error.message).toBe('PowerShell reported an error in "AddGroupMember".');
    expect(error.detail).toContain('Access is denied.');
  });
});
