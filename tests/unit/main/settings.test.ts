import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentSettingsSchema, machineSettingsSchema, readSettingsFile, userSettingsSchema } from '../../../electron/main/settings';

describe('where each setting lives', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'cw-settings-'));
  });
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  const fileWith = async (name: string, content: string): Promise<string> => {
    const file = path.join(folder, name);
    await writeFile(file, content);
    return file;
  };

  it('the machine-wide file chooses the server’s paths and the sign-in, by absolute local paths only', async () => {
    const file = await fileWith(
      'machine.json',
      JSON.stringify({
        target: 'server',
        adSyncModule: 'E:\\AADConnect\\Bin\\ADSync\\ADSync.psd1',
        auth: { clientId: '5d0f6a52-8f0e-4c39-9a57-2b9f3c41d7e2', tenant: 'contoso.onmicrosoft.com', cloud: 'AzureUSGovernment' },
      }),
    );
    expect(await readSettingsFile(file, machineSettingsSchema)).toMatchObject({ state: 'used', settings: { adSyncModule: 'E:\\AADConnect\\Bin\\ADSync\\ADSync.psd1' } });
    for (const [name, value] of [
      ['adSyncModule', 'ADSync'],
      ['powershellExecutable', 'powershell.exe'],
      ['powershellExecutable', '\\\\fileserver\\share\\pwsh.exe'],
      ['activeDirectoryModule', 'C:\\Modules\\..\\..\\Users\\admin\\AD.psd1'],
    ] as const) {
      const reading = await readSettingsFile(await fileWith('bad.json', JSON.stringify({ [name]: value })), machineSettingsSchema);
      expect(reading.state, value).toBe('ignored');
    }
  });

  it('a packaged build can never select the lab: the machine-wide file refuses the lab target as a whole', async () => {
    const reading = await readSettingsFile(await fileWith('lab.json', JSON.stringify({ target: 'lab', auth: undefined })), machineSettingsSchema);
    expect(reading).toMatchObject({ state: 'ignored', settings: {} });
    expect(reading.state === 'ignored' && reading.problem).toContain('target');
  });

  it('the per-user file may hold only the branding', async () => {
    expect(await readSettingsFile(await fileWith('user.json', '{"branding":"entra"}'), userSettingsSchema)).toEqual({ state: 'used', settings: { branding: 'entra' } });
    for (const content of ['{"target":"lab"}', '{"powershellExecutable":"C:\\\\Users\\\\admin\\\\evil.exe"}', '{"auth":{}}']) {
      expect((await readSettingsFile(await fileWith('user.json', content), userSettingsSchema)).state, content).toBe('ignored');
    }
  });

  it('development keeps one file with the lab target; a missing, broken or oversized file is reported, never half-used', async () => {
    expect((await readSettingsFile(await fileWith('dev.json', '{"target":"lab","branding":"azureAd"}'), developmentSettingsSchema)).state).toBe('used');
    expect(await readSettingsFile(path.join(folder, 'absent.json'), developmentSettingsSchema)).toEqual({ state: 'missing', settings: {} });
    expect((await readSettingsFile(await fileWith('broken.json', '{"target":'), developmentSettingsSchema)).state).toBe('ignored');
    const big = await readSettingsFile(await fileWith('big.json', `{"branding":"entra","x":"${'a'.repeat(70_000)}"}`), developmentSettingsSchema);
    expect(big.state === 'ignored' && big.problem).toMatch(/larger than 64 KiB/);
  });
});
