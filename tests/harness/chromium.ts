import type { LaunchOptions } from '@playwright/test';

/**
 * How every test and benchmark starts Debian's Chromium ($CHROMIUM_PATH to use another).
 * The omnibox popup features are off because new headless Chromium (156) otherwise loads the address bar's
 * WebUI popup in a renderer of its own for every new window: about 1.5 s of CPU on this two-core machine,
 * running beside the page under test and the PowerShell it starts. An Electron window has no address bar,
 * so with it on the tests would measure a browser the app never runs in.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI',
  ],
};
