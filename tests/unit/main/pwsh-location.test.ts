import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPwsh } from '../../../electron/main/pwsh-location';

const executable = process.platform === 'win32' ? 'pwsh.exe' : 'pwsh';
const platformFolder = process.platform === 'win32' ? 'win' : 'unix';
let root = '';

/** A folder laid out like ~/.dotnet/tools after `dotnet tool install --global PowerShell` of these versions. */
function toolFolder(versions: readonly string[]): string {
  root = mkdtempSync(path.join(tmpdir(), 'pwsh-location-'));
  const tools = path.join(root, 'tools');
  mkdirSync(tools);
  writeFileSync(path.join(tools, executable), '');
  for (const version of versions) {
    const folder = path.join(tools, '.store', 'powershell', version, 'powershell', version, 'tools', 'net10.0', 'any', platformFolder);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, executable), '');
  }
  return tools;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('findPwsh', () => {
  it('starts the global tool’s own PowerShell, not its launcher, so a session is one process', () => {
    const tools = toolFolder(['7.6.9']);
    expect(findPwsh({ PATH: tools })).toBe(path.join(tools, '.store', 'powershell', '7.6.9', 'powershell', '7.6.9', 'tools', 'net10.0', 'any', platformFolder, executable));
  });

  it('keeps the launcher when the store holds more than one PowerShell (the launcher knows which it installed)', () => {
    const tools = toolFolder(['7.5.0', '7.6.9']);
    expect(findPwsh({ PATH: tools })).toBe(path.join(tools, executable));
  });

  it('keeps a pwsh on PATH that no tool store sits beside', () => {
    root = mkdtempSync(path.join(tmpdir(), 'pwsh-location-'));
    writeFileSync(path.join(root, executable), '');
    expect(findPwsh({ PATH: root })).toBe(path.join(root, executable));
  });
});
