import { describe, expect, it } from 'vitest';
import { buildProcessEnvironment, defaultPowerShellExecutable } from '../../../electron/clients/powershell/powershell-target';

describe('target', () => {
  it('uses Windows PowerShell on Windows and pwsh elsewhere', () => {
    expect(defaultPowerShellExecutable('win32')).toBe('powershell.exe');
    expect(defaultPowerShellExecutable('linux')).toBe('pwsh');
  });

  it('adds the target environment and puts its module folders first on PSModulePath', () => {
    const environment = buildProcessEnvironment(
      { env: { ADSYNC_LAB_FOLDER: '/tmp/lab' }, modulePaths: ['/app/assets/lab'] },
      { PATH: '/usr/bin', PSModulePath: '/usr/share/modules', EMPTY: undefined },
      ':',
    );
    expect(environment).toEqual({ PATH: '/usr/bin', PSModulePath: '/app/assets/lab:/usr/share/modules', ADSYNC_LAB_FOLDER: '/tmp/lab' });
  });

  it('keeps the existing spelling of PSModulePath (Windows environment names are case-insensitive)', () => {
    const environment = buildProcessEnvironment({ modulePaths: ['C:\\lab'] }, { PSMODULEPATH: 'C:\\mods' }, ';');
    expect(environment.PSMODULEPATH).toBe('C:\\lab;C:\\mods');
  });
});
