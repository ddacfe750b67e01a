import { describe, expect, it } from 'vitest';
import { buildProcessEnvironment } from '../../../electron/clients/powershell/powershell-target';
import { bootstrapCommand } from '../../../electron/clients/powershell/wire';

describe("the PowerShell process's environment", () => {
  const parent = {
    PATH: '/usr/bin',
    HOME: '/home/admin',
    NODE_POWERSHELL: '/tmp/evil.sh',
    NODE_OPTIONS: '--require /tmp/evil.js',
    CONNECT_WIZARD_PWSH: '/tmp/evil.sh',
    PSModulePath: '/home/admin/planted',
    PSExecutionPolicyPreference: 'Bypass',
    SOMETHING_ELSE: 'x',
    EMPTY: undefined,
  };

  it('inherits only allowed variables, adds the target’s own, sets PSModulePath to the target’s folders only and turns dynamic PGO off', () => {
    const environment = buildProcessEnvironment({ env: { ADSYNC_LAB_FOLDER: '/tmp/lab' }, modulePath: ['/opt/modules'] }, parent, ':');
    expect(environment).toEqual({ PATH: '/usr/bin', HOME: '/home/admin', ADSYNC_LAB_FOLDER: '/tmp/lab', PSModulePath: '/opt/modules', DOTNET_TieredPGO: '0' });
  });

  it('never passes NODE_*, CONNECT_WIZARD_*, PSModulePath or an execution policy, even when a target lists them', () => {
    const environment = buildProcessEnvironment(
      { inheritedVariables: ['NODE_POWERSHELL', 'NODE_OPTIONS', 'CONNECT_WIZARD_PWSH', 'PSModulePath', 'PSExecutionPolicyPreference', 'PATH'] },
      parent,
      ':',
    );
    expect(environment).toEqual({ PATH: '/usr/bin', PSModulePath: '', DOTNET_TieredPGO: '0' });
  });

  it('compares names without case, as Windows does, and lets the target’s value win', () => {
    const environment = buildProcessEnvironment(
      { inheritedVariables: ['SystemRoot', 'Path'], env: { SYSTEMROOT: 'C:\\Windows' }, modulePath: ['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\Modules'] },
      { SystemRoot: 'C:\\Users\\admin\\fake', PATH: 'C:\\Users\\admin\\bin', PSMODULEPATH: 'C:\\Users\\admin\\Documents\\WindowsPowerShell\\Modules' },
      ';',
    );
    expect(environment).toEqual({
      PATH: 'C:\\Users\\admin\\bin',
      SYSTEMROOT: 'C:\\Windows',
      PSModulePath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\Modules',
      DOTNET_TieredPGO: '0',
    });
  });
});

describe('the session bootstrap', () => {
  it('replaces PSModulePath before it imports anything, with the folders as data', () => {
    const command = bootstrapCommand({
      operationsModule: 'C:\\Program Files\\Wizard\\ConnectWizard.Operations.psd1',
      adSyncModule: 'C:\\Program Files\\Microsoft Azure AD Sync\\Bin\\ADSync\\ADSync.psd1',
      activeDirectoryModule: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\Modules\\ActiveDirectory\\ActiveDirectory.psd1',
      modulePath: "C:\\Program Files\\WindowsPowerShell\\Modules;C:\\it's $(bad)",
    });
    expect(command.indexOf('$env:PSModulePath =')).toBe(0);
    expect(command.indexOf('$env:PSModulePath =')).toBeLessThan(command.indexOf('Import-Module'));
    expect(command).not.toContain('$(bad)');
    expect(command).not.toContain('Program Files');
  });
});
