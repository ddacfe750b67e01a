import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
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
});
