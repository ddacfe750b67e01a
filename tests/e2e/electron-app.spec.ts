import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinaryPath } from '../../scripts/electron-binary.mjs';

const binary = electronBinaryPath();

test.describe('the packaged Electron app', () => {
  // Where the Electron binary could not be downloaded (no internet), these tests are reported as
  // skipped, i.e. not run; they never count as passed without a real Electron.
  test.skip(!binary, 'The Electron binary is not installed on this machine, so the Electron app cannot be launched.');

  test('opens the wizard on Welcome in a hardened window', async () => {
    const app = await electron.launch({
      executablePath: binary,
      args: ['--no-sandbox', '.'],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Azure AD Connect' })).toBeVisible();
      const pageGlobals = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        connect: typeof window.connect['app:get-info'],
      }));
      expect(pageGlobals).toEqual({ require: 'undefined', process: 'undefined', connect: 'function' });
      await page.getByRole('button', { name: 'Configure' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Additional tasks' })).toBeVisible();
    } finally {
      await app.close();
    }
  });
});
