import { describe, expect, it } from 'vitest';
import { parseProbeOutput, probeEnvironment, probeScript } from '../../../electron/main/machine/machine-probe';
import { adminOnlyFolderSddl, dataFolderSddl } from '../../../electron/main/machine/sddl';
import { adSyncModuleFromImagePath, serverSetup } from '../../../electron/main/machine/server-locations';
import { systemRootLink, windowsDirectoryFrom } from '../../../electron/main/machine/windows-directory';

const line = (key: string, value: string): string => `CW:${key}=${Buffer.from(value, 'utf8').toString('base64')}`;

/** What the probe prints on a server with Azure AD Connect installed (values recorded on Windows Server 2022). */
const serverOutput = [
  'Windows PowerShell',
  line('programData', 'C:\\ProgramData'),
  line('programFiles', 'C:\\Program Files'),
  line('programFilesX86', 'C:\\Program Files (x86)'),
  line('adSyncImagePath', '"C:\\Program Files\\Microsoft Azure AD Sync\\Bin\\miiserver.exe"'),
  line(
    'machineModulePath',
    '%ProgramFiles%\\WindowsPowerShell\\Modules;C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules;C:\\Program Files\\Microsoft Azure AD Sync\\Bin;\\\\fileserver\\share\\Modules',
  ),
  line('sddl.data', dataFolderSddl),
  line('sddl.logs', dataFolderSddl),
  line('sddl.scratch', adminOnlyFolderSddl),
  line('sddl.state', adminOnlyFolderSddl),
  line('sddl.settings', 'O:BAG:SYD:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;BU)'),
  line('done', 'yes'),
].join('\r\n');

describe('the Windows folder', () => {
  it('comes from the kernel’s \\SystemRoot link, whatever %SystemRoot% and %windir% say', () => {
    expect(systemRootLink).toBe('\\\\?\\GLOBALROOT\\SystemRoot');
    expect(windowsDirectoryFrom('C:\\Windows', { SystemRoot: 'C:\\Users\\admin\\evil', windir: 'C:\\Users\\admin\\evil' })).toEqual({ folder: 'C:\\Windows', source: 'kernel' });
    expect(windowsDirectoryFrom('\\\\?\\D:\\WINNT\\', {})).toEqual({ folder: 'D:\\WINNT', source: 'kernel' });
  });

  it('refuses a link that does not resolve to a local drive path', () => {
    expect(windowsDirectoryFrom('\\\\?\\UNC\\server\\share\\Windows', {}).folder).toBeUndefined();
    expect(windowsDirectoryFrom('\\\\server\\share\\Windows', {}).folder).toBeUndefined();
  });

  it('falls back to C:\\Windows only when the link cannot be read and both variables name it', () => {
    expect(windowsDirectoryFrom(undefined, { SystemRoot: 'C:\\WINDOWS', windir: 'C:\\Windows' })).toEqual({ folder: 'C:\\Windows', source: 'default' });
    expect(windowsDirectoryFrom(undefined, { SYSTEMROOT: 'C:\\Windows', WINDIR: 'C:\\Users\\admin\\AppData\\Local\\Temp\\w' }).folder).toBeUndefined();
    expect(windowsDirectoryFrom(undefined, { SystemRoot: 'D:\\Windows', windir: 'D:\\Windows' }).folder).toBeUndefined();
  });
});

describe('the machine probe', () => {
  it('is fixed text that runs no cmdlet and takes the product name as data', () => {
    expect(probeScript).not.toMatch(/\b(Get|Set|New|Import|Join|Test|ConvertTo|ConvertFrom|Out|Write)-[A-Z]\w+/);
    expect(probeScript).not.toContain('Azure AD Connect Wizard');
    expect(probeScript).toContain('$env:CW_PRODUCT');
    const environment = probeEnvironment('C:\\Windows', "Wizard 'quoted' $(x)");
    expect(Buffer.from(environment.CW_PRODUCT ?? '', 'base64').toString('utf8')).toBe("Wizard 'quoted' $(x)");
    expect(environment).toMatchObject({ SystemRoot: 'C:\\Windows', windir: 'C:\\Windows', SystemDrive: 'C:' });
    expect(Object.keys(environment).some((name) => /^(PATH|TEMP|TMP|HOME|USERPROFILE)$/i.test(name))).toBe(false);
  });

  it('reads its own lines and ignores anything else on the console', () => {
    const result = parseProbeOutput(`WARNING: something\n${serverOutput}\nCW:bogus=!!!`);
    expect(result).toMatchObject({ done: true, programData: 'C:\\ProgramData', programFiles: 'C:\\Program Files', created: [] });
    expect(Object.keys(result.sddl).sort()).toEqual(['data', 'logs', 'scratch', 'settings', 'state']);
    expect(parseProbeOutput(line('error', 'Access to the path is denied.'))).toMatchObject({ done: false, error: 'Access to the path is denied.' });
  });
});

describe('the server’s locations', () => {
  it('take the ADSync module from the service’s ImagePath, quoted or not', () => {
    expect(adSyncModuleFromImagePath('"C:\\Program Files\\Microsoft Azure AD Sync\\Bin\\miiserver.exe"')).toBe(
      'C:\\Program Files\\Microsoft Azure AD Sync\\Bin\\ADSync\\ADSync.psd1',
    );
    expect(adSyncModuleFromImagePath('D:\\Sync\\Bin\\miiserver.exe /service')).toBe('D:\\Sync\\Bin\\ADSync\\ADSync.psd1');
    for (const odd of [undefined, '', 'miiserver.exe', '"\\\\server\\share\\Bin\\miiserver.exe"', '"C:\\Windows\\System32\\svchost.exe" -k netsvcs']) {
      expect(adSyncModuleFromImagePath(odd)).toBeUndefined();
    }
  });

  it('start Windows PowerShell and its modules by absolute path, with a fixed environment and machine module folders only', () => {
    const setup = serverSetup('C:\\Windows', parseProbeOutput(serverOutput), 'Azure AD Connect Wizard');
    if (!setup.ok) throw new Error(setup.problem);
    expect(setup.locations).toMatchObject({
      powershellExecutable: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      adSyncModule: 'C:\\Program Files\\Microsoft Azure AD Sync\\Bin\\ADSync\\ADSync.psd1',
      activeDirectoryModule: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\Modules\\ActiveDirectory\\ActiveDirectory.psd1',
      modulePath: ['C:\\Program Files\\WindowsPowerShell\\Modules', 'C:\\Program Files\\Microsoft Azure AD Sync\\Bin'],
      workingDirectory: 'C:\\Windows\\System32',
    });
    expect(setup.locations.environment).toMatchObject({
      SystemRoot: 'C:\\Windows',
      PATH: 'C:\\Windows\\System32;C:\\Windows;C:\\Windows\\System32\\Wbem;C:\\Windows\\System32\\WindowsPowerShell\\v1.0',
      TEMP: 'C:\\ProgramData\\Azure AD Connect Wizard\\scratch',
      PSModuleAnalysisCachePath: 'C:\\ProgramData\\Azure AD Connect Wizard\\scratch\\ModuleAnalysisCache',
    });
    expect(setup.folders).toEqual({
      data: 'C:\\ProgramData\\Azure AD Connect Wizard',
      settingsFile: 'C:\\ProgramData\\Azure AD Connect Wizard\\settings.json',
      logs: 'C:\\ProgramData\\Azure AD Connect Wizard\\logs',
      scratch: 'C:\\ProgramData\\Azure AD Connect Wizard\\scratch',
      state: 'C:\\ProgramData\\Azure AD Connect Wizard\\state',
    });
    expect(setup.locations.inheritedVariables).not.toContain('PATH');
    expect(setup.locations.inheritedVariables).not.toContain('PSModulePath');
  });

  it('fall back to the documented Program Files path without a service entry, and take the verified settings’ paths first', () => {
    const withoutService = parseProbeOutput(serverOutput.replace(/CW:adSyncImagePath=\S+/, ''));
    const setup = serverSetup('C:\\Windows', withoutService, 'Azure AD Connect Wizard', { adSyncModule: 'E:\\AADConnect\\Bin\\ADSync\\ADSync.psd1' });
    expect(setup.ok && setup.locations.adSyncModule).toBe('E:\\AADConnect\\Bin\\ADSync\\ADSync.psd1');
    const defaults = serverSetup('C:\\Windows', withoutService, 'Azure AD Connect Wizard');
    expect(defaults.ok && defaults.locations.adSyncModule).toBe('C:\\Program Files\\Microsoft Azure AD Sync\\Bin\\ADSync\\ADSync.psd1');
  });

  it('are refused when a machine-wide folder can be changed by non-administrators, or the probe failed', () => {
    const squatted = parseProbeOutput(serverOutput.replace(line('sddl.scratch', adminOnlyFolderSddl), line('sddl.scratch', 'O:S-1-5-21-1-2-3-1001D:(A;OICI;FA;;;S-1-5-21-1-2-3-1001)')));
    const refused = serverSetup('C:\\Windows', squatted, 'Azure AD Connect Wizard');
    expect(refused).toEqual({
      ok: false,
      problem:
        'C:\\ProgramData\\Azure AD Connect Wizard\\scratch is not safe: it is owned by S-1-5-21-1-2-3-1001, not by Administrators or SYSTEM; S-1-5-21-1-2-3-1001 may change it (write data or add files, append data or add folders, write extended attributes, delete child, write attributes, delete, change permissions, take ownership)',
    });
    expect(serverSetup('C:\\Windows', parseProbeOutput(line('error', 'denied')), 'X')).toEqual({ ok: false, problem: "the machine's folders could not be read (denied)" });
  });
});
