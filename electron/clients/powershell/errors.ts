import { AppError } from '../../../shared/core/errors';
import type { PowerShellErrorInfo } from '../../../shared/sync-server';

/*
 * Turns what PowerShell reported into a typed AppError. The FullyQualifiedErrorId and the exception
 * type decide first (they do not depend on the display language); the message text is the fallback.
 * The original message always travels as detail.
 */

export interface ErrorContext {
  readonly operation: string;
  readonly executable: string;
  readonly adSyncModule: string;
  readonly activeDirectoryModule: string;
}

export const ADSYNC_MODULE_DEFAULT_PATH = 'C:\\Program Files\\Microsoft Azure AD Sync\\Bin\\ADSync\\ADSync.psd1';

type ModuleRole = 'ADSync' | 'ActiveDirectory' | 'LocalAccounts' | 'Operations';

/*
 * Messages reach the page, so they hold no path of this machine and no PowerShell text: the configured
 * module path and PowerShell's own words travel as detail, which goes to the log only.
 */
export function moduleGuidance(role: ModuleRole): string {
  switch (role) {
    case 'ADSync':
      return (
        'The ADSync PowerShell module could not be loaded. ' +
        `On an Azure AD Connect server it is installed with the sync engine at ${ADSYNC_MODULE_DEFAULT_PATH} ` +
        'and needs Windows PowerShell 5.1 (powershell.exe). Run the wizard on the sync server, repair Azure AD ' +
        'Connect if the file is missing, or use the lab target on a machine without Azure AD Connect.'
      );
    case 'ActiveDirectory':
      return (
        "The ActiveDirectory PowerShell module could not be loaded, so the forest's " +
        'domains and OUs cannot be listed. Install the AD DS tools (RSAT): on Windows Server run ' +
        '"Install-WindowsFeature RSAT-AD-PowerShell", on Windows 10/11 add the optional feature ' +
        '"RSAT: Active Directory Domain Services and Lightweight Directory Services Tools".'
      );
    case 'LocalAccounts':
      return (
        'The local group cmdlets (Get-LocalGroupMember, Add-LocalGroupMember, Remove-LocalGroupMember of the ' +
        'Microsoft.PowerShell.LocalAccounts module) are not available in this PowerShell. They ship with Windows ' +
        'PowerShell 5.1 on Windows Server 2016 and later; run the wizard with powershell.exe on the sync server.'
      );
    case 'Operations':
      return (
        "The wizard's own PowerShell module could not be loaded. The installation is incomplete: " +
        'reinstall the wizard.'
      );
  }
}

const errorIdName = (info: PowerShellErrorInfo): string => (info.errorId ?? '').split(',')[0]?.trim() ?? '';
const typeName = (info: PowerShellErrorInfo): string => info.type ?? '';

function detailOf(info: PowerShellErrorInfo): string {
  const parts = [info.message];
  if (info.errorId) parts.push(`FullyQualifiedErrorId: ${info.errorId}`);
  if (info.type) parts.push(`Exception: ${info.type}`);
  if (info.category) parts.push(`Category: ${info.category}`);
  return parts.join('\n');
}

/** The command a CommandNotFoundException names: its target object, or the name in its message. */
function missingCommandName(info: PowerShellErrorInfo): string {
  if (info.target) return info.target;
  return /'([^']+)'/.exec(info.message)?.[1] ?? '';
}

function roleOfCommand(command: string): ModuleRole | undefined {
  if (/^[a-z]+-ADSync/i.test(command)) return 'ADSync';
  if (/^[a-z]+-AD(Forest|Domain|OrganizationalUnit)/i.test(command)) return 'ActiveDirectory';
  if (/^[a-z]+-LocalGroupMember$/i.test(command)) return 'LocalAccounts';
  return undefined;
}

function moduleNotFound(role: ModuleRole, context: ErrorContext, info: PowerShellErrorInfo): AppError {
  const spec =
    role === 'ActiveDirectory' ? context.activeDirectoryModule : role === 'ADSync' ? context.adSyncModule : (info.target ?? '');
  return new AppError('MODULE_NOT_FOUND', moduleGuidance(role), `Module: ${spec}\n${detailOf(info)}`);
}

const has = (text: string, pattern: RegExp): boolean => pattern.test(text);

const directoryUnreachable =
  'No domain controller answered. Check that a domain controller of the domain runs Active Directory Web Services, ' +
  'that its name resolves in DNS and that this server can reach it on TCP port 9389, then try again.';

export function mapPowerShellError(info: PowerShellErrorInfo, context: ErrorContext): AppError {
  const id = errorIdName(info);
  const type = typeName(info);
  const message = info.message;
  const detail = detailOf(info);

  // Modules and commands.
  if (id === 'CwModuleNotFound') {
    const role = (info.errorId ?? '').split(',')[1]?.trim();
    if (role === 'Extra') {
      return new AppError(
        'MODULE_NOT_FOUND',
        "A PowerShell module that this target's configuration names could not be loaded. Check the target configuration.",
        detail,
      );
    }
    return moduleNotFound(role === 'ActiveDirectory' ? 'ActiveDirectory' : 'ADSync', context, info);
  }
  if (id === 'Modules_ModuleNotFound') return moduleNotFound('ADSync', context, info);
  if (id === 'CommandNotFoundException' || type.endsWith('CommandNotFoundException')) {
    const role = roleOfCommand(missingCommandName(info));
    if (role) return moduleNotFound(role, context, info);
  }

  // Local group membership (Microsoft.PowerShell.LocalAccounts: ErrorId = exception name minus "Exception").
  if (id === 'MemberExists' || type.endsWith('.MemberExistsException')) {
    return new AppError('MEMBER_EXISTS', `${message} Nothing was changed.`, detail);
  }
  if (id === 'PrincipalNotFound' || type.endsWith('.PrincipalNotFoundException')) {
    return new AppError('PRINCIPAL_NOT_FOUND', `${message} Check the spelling (DOMAIN\\name or name@domain).`, detail);
  }
  if (id === 'MemberNotFound' || type.endsWith('.MemberNotFoundException')) {
    return new AppError('MEMBER_NOT_FOUND', message, detail);
  }
  if (id === 'GroupNotFound' || type.endsWith('.GroupNotFoundException')) {
    return new AppError('GROUP_NOT_FOUND', `${message} The ADSync groups are created when Azure AD Connect is installed.`, detail);
  }

  // No domain controller answers through Active Directory Web Services: the ActiveDirectory module's
  // ADServerDownException (ResourceUnavailable). Other AD errors share its ActiveDirectoryServer:<n> ids, so an id
  // alone does not decide.
  const serverDown =
    type.endsWith('.ADServerDownException') ||
    (id.startsWith('ActiveDirectoryServer:') && info.category === 'ResourceUnavailable') ||
    has(message, /^Unable to (contact the server|find a default server with Active Directory Web Services running)\b/i);
  if (serverDown) {
    return new AppError('DIRECTORY_UNREACHABLE', directoryUnreachable, detail);
  }

  // Sync cycle: the real module reports a native InvalidOperationException whose ErrorId is its message.
  const cycleText = `${message}\n${info.errorId ?? ''}`;
  if (has(cycleText, /Sync is already running|already running|is busy/i) && (type.endsWith('InvalidOperationException') || has(cycleText, /InvalidOperationException/))) {
    return new AppError(
      'SYNC_ALREADY_RUNNING',
      'A synchronization cycle is already running. Wait until it has finished, then try again.',
      detail,
    );
  }

  // Message-only fallbacks, for hosts whose records lost their ids.
  if (has(message, /is already a member of group/i)) return new AppError('MEMBER_EXISTS', `${message} Nothing was changed.`, detail);
  if (has(message, /^Member .+ was not found in group/is)) return new AppError('MEMBER_NOT_FOUND', message, detail);
  if (has(message, /^Principal .+ was not found/is)) return new AppError('PRINCIPAL_NOT_FOUND', message, detail);
  if (has(message, /^Group .+ was not found/is)) return new AppError('GROUP_NOT_FOUND', message, detail);
  if (has(message, /Sync is already running/i)) {
    return new AppError('SYNC_ALREADY_RUNNING', 'A synchronization cycle is already running. Wait until it has finished, then try again.', detail);
  }
  if (has(message, /The term '[^']*ADSync[^']*' is not recognized/i)) return moduleNotFound('ADSync', context, info);

  return new AppError('POWERSHELL_ERROR', `PowerShell reported an error in "${context.operation}".`, detail);
}

export function powerShellUnavailable(executable: string, cause: string): AppError {
  return new AppError(
    'POWERSHELL_UNAVAILABLE',
    'PowerShell could not be started: it was not found or cannot run. On the sync server the wizard ' +
      'uses Windows PowerShell (powershell.exe, in the System32\\WindowsPowerShell\\v1.0 folder of Windows); in development ' +
      'install PowerShell 7 (pwsh) and make sure it is on PATH.',
    `Executable: ${executable}\n${cause}`,
  );
}

export function callTimedOut(operation: string, timeoutMs: number): AppError {
  return new AppError(
    'TIMEOUT',
    `The PowerShell operation "${operation}" did not finish within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 100) / 10} s` : `${timeoutMs} ms`}. ` +
      'It was stopped and the PowerShell session will be restarted on the next request.',
  );
}

export function sessionCrashed(operation: string, cause: string): AppError {
  return new AppError(
    'SESSION_CRASHED',
    `The PowerShell process ended unexpectedly during "${operation}". A new session will be started on the next request.`,
    cause,
  );
}

export function invalidOutput(operation: string, reason: string, output: string): AppError {
  return new AppError(
    'INVALID_OUTPUT',
    `The PowerShell operation "${operation}" returned output the wizard cannot read.`,
    `${reason}\n${output}`,
  );
}
