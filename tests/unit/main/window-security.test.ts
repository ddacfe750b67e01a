import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, type SessionLike, type WebContentsLike } from '../../../electron/main/harden';
import { rendererFileFor } from '../../../electron/main/renderer-files';
import { appEntryUrl, contentSecurityPolicy, isAllowedExternalUrl, isAllowedSignInUrl, signInHostsByCloud } from '../../../electron/main/security-policy';
import { enforceSingleInstance } from '../../../electron/main/single-instance';
import { mainWindowOptions } from '../../../electron/main/window-options';
import { isTrustedSender } from '../../../electron/ipc/trusted-sender';

describe('the main window', () => {
  const preferences = mainWindowOptions('/app/preload.cjs', 'Title').webPreferences;

  it('isolates and sandboxes the renderer and gives it no Node', () => {
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });
});

describe('the content security policy', () => {
  const directives = new Map(contentSecurityPolicy.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name, values] as const;
  }));

  it('allows scripts only from the app, never inline or eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval/);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('loads nothing from another host', () => {
    expect(contentSecurityPolicy).not.toMatch(/https?:/);
  });
});

function recordingSession() {
  const calls: { request?: Parameters<SessionLike['setPermissionRequestHandler']>[0]; check?: () => boolean; headers?: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0] } = {};
  const session: SessionLike = {
    setPermissionRequestHandler: (handler) => void (calls.request = handler),
    setPermissionCheckHandler: (handler) => void (calls.check = handler ?? undefined),
    webRequest: { onHeadersReceived: (listener) => void (calls.headers = listener) },
  };
  return { session, calls };
}

describe('the session', () => {
  it('denies every permission request and check', () => {
    const { session, calls } = recordingSession();
    hardenSession(session);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      calls.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(calls.check?.()).toBe(false);
  });

  it('adds the CSP header to every response', () => {
    const { session, calls } = recordingSession();
    hardenSession(session);
    const callback = vi.fn();
    calls.headers?.({ responseHeaders: { 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
});

describe('navigation and new windows', () => {
  function hardened() {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
    const contents: WebContentsLike = {
      on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) => void listeners.set(event, listener),
      setWindowOpenHandler: (handler) => void (openHandler = handler),
    } as WebContentsLike;
    const openExternal = vi.fn();
    hardenWebContents(contents, openExternal);
    return { listeners, openHandler: (url: string) => openHandler?.({ url }), openExternal };
  }

  it('blocks navigation away from the app but not within it', () => {
    const { listeners } = hardened();
    for (const event of ['will-navigate', 'will-redirect']) {
      const away = { preventDefault: vi.fn() };
      listeners.get(event)?.(away, 'https://evil.example/');
      expect(away.preventDefault).toHaveBeenCalled();
      const inside = { preventDefault: vi.fn() };
      listeners.get(event)?.(inside, appEntryUrl);
      expect(inside.preventDefault).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(webview, '');
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('never opens a new window; allow-listed https links go to the system browser', () => {
    const { openHandler, openExternal } = hardened();
    expect(openHandler('https://learn.microsoft.com/entra/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://learn.microsoft.com/entra/');
    for (const url of ['http://learn.microsoft.com/', 'https://evil.example/', 'file:///etc/passwd', 'https://user:pw@learn.microsoft.com/']) {
      openExternal.mockClear();
      expect(openHandler(url)).toEqual({ action: 'deny' });
      expect(openExternal).not.toHaveBeenCalled();
    }
  });

  it('allows only https links to listed hosts', () => {
    expect(isAllowedExternalUrl('https://portal.azure.com/#home')).toBe(true);
    expect(isAllowedExternalUrl('https://portal.azure.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });
});

describe('single instance', () => {
  it('quits a second instance and focuses the first', () => {
    const second = { requestSingleInstanceLock: () => false, quit: vi.fn(), on: vi.fn() };
    expect(enforceSingleInstance(second, vi.fn())).toBe(false);
    expect(second.quit).toHaveBeenCalled();

    const focus = vi.fn();
    const first = { requestSingleInstanceLock: () => true, quit: vi.fn(), on: vi.fn() };
    expect(enforceSingleInstance(first, focus)).toBe(true);
    expect(first.quit).not.toHaveBeenCalled();
    expect(first.on).toHaveBeenCalledWith('second-instance', focus);
  });
});

describe('IPC senders', () => {
  const frame = (url: string, parent: unknown = null) => ({ url, parent });
  it('trusts only the main frame of the app window showing the app', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: frame(appEntryUrl) }, 7)).toBe(true);
    expect(isTrustedSender({ sender: { id: 8 }, senderFrame: frame(appEntryUrl) }, 7)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: frame('https://evil.example/') }, 7)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: frame(appEntryUrl, {}) }, 7)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: null }, 7)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: frame(appEntryUrl) }, undefined)).toBe(false);
  });
});

describe('renderer files', () => {
  it('serves files inside the renderer folder only', () => {
    expect(rendererFileFor('app://wizard/assets/a.js', '/app/renderer')).toBe('/app/renderer/assets/a.js');
    expect(rendererFileFor('app://wizard/', '/app/renderer')).toBe('/app/renderer/index.html');
    expect(rendererFileFor('app://wizard/..%2f..%2fetc/passwd', '/app/renderer')).toBeUndefined();
    expect(rendererFileFor('app://wizard/%2e%2e/%2e%2e/etc/passwd', '/app/renderer')).toBe('/app/renderer/etc/passwd');
  });
});

describe('the app:// handler', () => {
  it('serves only its own host, and answers 404 (undefined) for a malformed path without throwing', () => {
    expect(rendererFileFor('app://other/index.html', '/app/renderer')).toBeUndefined();
    expect(rendererFileFor('file:///app/renderer/index.html', '/app/renderer')).toBeUndefined();
    expect(() => rendererFileFor('app://wizard/%E0%A4%A', '/app/renderer')).not.toThrow();
    expect(rendererFileFor('app://wizard/%E0%A4%A', '/app/renderer')).toBeUndefined();
    expect(rendererFileFor('app://wizard/index.html%00.js', '/app/renderer')).toBeUndefined();
    expect(rendererFileFor('not a url', '/app/renderer')).toBeUndefined();
  });
});

describe('sign-in pages main opens in the system browser', () => {
  const publicCloud = { hosts: signInHostsByCloud.AzurePublic };

  it('are https pages of the cloud’s sign-in hosts: the authority and the device-code pages', () => {
    expect(isAllowedSignInUrl('https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?client_id=x', publicCloud)).toBe(true);
    expect(isAllowedSignInUrl('https://microsoft.com/devicelogin', publicCloud)).toBe(true);
    expect(isAllowedSignInUrl('https://www.microsoft.com/link', publicCloud)).toBe(true);
    expect(isAllowedSignInUrl('https://login.microsoftonline.us/tenant/oauth2/v2.0/authorize', { hosts: signInHostsByCloud.AzureUSGovernment })).toBe(true);
    expect(isAllowedSignInUrl('https://microsoft.com/deviceloginchina', { hosts: signInHostsByCloud.AzureChina })).toBe(true);
  });

  it('refuse another scheme, another host, credentials, a port, or another cloud’s authority', () => {
    for (const url of [
      'http://login.microsoftonline.com/x',
      'file:///C:/Windows/System32/calc.exe',
      'ms-settings:privacy',
      'https://login.microsoftonline.com.evil.example/x',
      'https://evil.example/devicelogin',
      'https://user:pass@login.microsoftonline.com/x',
      'https://login.microsoftonline.com:8443/x',
      'https://login.microsoftonline.us/x',
      'not a url',
    ]) {
      expect(isAllowedSignInUrl(url, publicCloud), url).toBe(false);
    }
  });

  it('on the lab, are only the lab tenant’s own loopback origins', () => {
    const lab = { loopbackOrigins: ['https://127.0.0.1:45123', 'http://127.0.0.1:45124'] };
    expect(isAllowedSignInUrl('https://127.0.0.1:45123/lab/oauth2/v2.0/authorize?x=1', lab)).toBe(true);
    expect(isAllowedSignInUrl('http://127.0.0.1:45124/devicelogin', lab)).toBe(true);
    expect(isAllowedSignInUrl('http://127.0.0.1:45123/x', lab)).toBe(false);
    expect(isAllowedSignInUrl('https://127.0.0.1:45125/x', lab)).toBe(false);
    expect(isAllowedSignInUrl('https://login.microsoftonline.com/x', lab)).toBe(false);
    expect(isAllowedSignInUrl('http://evil.example:45124/x', { loopbackOrigins: ['http://evil.example:45124'] })).toBe(false);
  });
});
