import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, Record<string, unknown>>;

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own JSON schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('builds a per-machine NSIS installer that is not one-click', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
  });

  it('creates desktop and Start-menu shortcuts named after the product', () => {
    expect(config.nsis).toMatchObject({
      createDesktopShortcut: 'always',
      createStartMenuShortcut: true,
      shortcutName: config.productName,
    });
  });

  it('runs elevated, as managing ADSync requires', () => {
    expect(config.win?.requestedExecutionLevel).toBe('requireAdministrator');
  });

  it('uses the project’s own icons, which exist', () => {
    for (const icon of [config.win?.icon, config.nsis?.installerIcon, config.linux?.icon]) {
      expect(typeof icon).toBe('string');
      expect(readFileSync(icon as string).length).toBeGreaterThan(1000);
    }
    expect(readFileSync('assets/icon.ico').subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  });

  it('flips the fuses that let an unelevated process steer the elevated binary', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('installs under Program Files only, and creates the machine-wide data folder with an administrators-only ACL', () => {
    expect(config.nsis).toMatchObject({ allowToChangeInstallationDirectory: false, perMachine: true, include: 'assets/installer.nsh' });
    const script = readFileSync('assets/installer.nsh', 'utf8');
    const icaclsCalls = script.split('\n').filter((line) => line.includes('icacls.exe'));
    expect(icaclsCalls.length).toBeGreaterThan(0);
    for (const line of icaclsCalls) expect(line).toContain('"$SYSDIR\\icacls.exe"');
    expect(script).toMatch(/\/inheritance:r \/grant:r \$\{GRANTS\}/);
    expect(script).toContain('"*S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX"');
    for (const folder of ['scratch', 'state']) {
      expect(script).toContain(`!insertmacro cwSecureFolder "$APPDATA\\\${PRODUCT_NAME}\\${folder}" "*S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F"`);
    }
    // The uninstaller leaves the administrator's settings alone.
    const uninstall = script.slice(script.indexOf('!macro customUnInstall'));
    const removals = uninstall.split('\n').filter((line) => /^\s*(RMDir|Delete)\b/.test(line));
    expect(removals).toEqual(['  RMDir /r "$APPDATA\\${PRODUCT_NAME}\\scratch"']);
  });
});

/** The packed executable, where `electron-builder --dir` has run on this machine (it needs the Electron binary). */
const packedExecutable = ['dist/win-unpacked/Azure AD Connect Wizard.exe', 'dist/linux-unpacked/entra-connect-wizard'].find((file) => existsSync(file));

/** The fuse wire's bytes ('0' and '1'); @electron/fuses does not export its FuseState enum. */
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;

describe.skipIf(packedExecutable === undefined)('the packed executable (needs the Electron binary; skipped and not run without it)', () => {
  it('carries the fuses in its fuse wire', async () => {
    const wire = await getCurrentFuseWire(packedExecutable ?? '');
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });
});
