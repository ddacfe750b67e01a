import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../harness/harness';

let harness: Harness;
let cookie: string;

beforeAll(async () => {
  harness = await startHarness();
  const response = await fetch(harness.url, { redirect: 'manual' });
  expect(response.status).toBe(303);
  cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});

afterAll(async () => {
  await harness.close();
});

const call = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${harness.origin}/__ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: harness.origin, ...headers },
    body: JSON.stringify(body),
  });

describe('the loopback web host', () => {
  it('serves the renderer with the secret cookie and the CSP', async () => {
    const response = await fetch(`${harness.origin}/`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('/__harness/bridge.js');
  });

  it('refuses every request without the per-run secret', async () => {
    for (const path of ['/', '/index.html', '/__harness/bridge.js', '/__events']) {
      expect((await fetch(`${harness.origin}${path}`)).status).toBe(403);
    }
    expect((await fetch(`${harness.origin}/?key=wrong`, { redirect: 'manual' })).status).toBe(403);
    const response = await fetch(`${harness.origin}/__ipc/app:get-info`, { method: 'POST', headers: { origin: harness.origin }, body: '{}' });
    expect(response.status).toBe(403);
  });

  it('refuses calls from another origin', async () => {
    expect((await call('app:get-info', {}, { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('answers calls through the same handlers and validation as Electron', async () => {
    const info = await (await call('app:get-info', {})).json();
    expect(info).toMatchObject({ ok: true, value: { target: 'lab', branding: 'azureAd' } });
    const invalid = await (await call('app:open-external', { url: 42 })).json();
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const refused = await (await call('app:open-external', { url: 'https://evil.example/' })).json();
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED_URL' } });
    const unknown = await call('no:such-channel', {});
    expect(unknown.status).toBe(404);
  });

  it('serves nothing outside the renderer folder', async () => {
    expect((await fetch(`${harness.origin}/..%2f..%2fpackage.json`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${harness.origin}/nothing-here.js`, { headers: { cookie } })).status).toBe(404);
  });
});
