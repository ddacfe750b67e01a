import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstLoadScripts } from '../../bench/bundle.bench';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** What only the lab (or its node-forge and jose) puts in a bundle. */
const labMarkers = [
  'LabPassw0rd',
  'hybridadmin@',
  'globaladmin@',
  'mfaadmin@',
  // The lab's PowerShell modules: their folder and their names.
  '"sync-server"',
  'LocalGroups.psd1',
  'ADSYNC_LAB_FOLDER',
  // node-forge (the lab's certificates) and jose (the lab's tokens).
  'Invalid PEM formatted message',
  'node-forge',
  'ERR_JWS_INVALID',
];

/** Fluent UI's style engine (merge-styles keeps its stylesheet under this global key): in every chunk that draws with Fluent. */
const fluentStyleEngine = '__stylesheet__';

function build(outFolder: string, release: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [path.join(repositoryRoot, 'scripts', 'build.mjs'), ...(release ? ['--release'] : [])];
    execFile(process.execPath, args, { cwd: repositoryRoot, env: { ...process.env, CW_BUILD_OUT: outFolder }, timeout: 240_000 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`build failed: ${stderr}`)) : resolve(),
    );
  });
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function markersIn(folder: string): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const file of await filesUnder(folder)) {
    const text = await readFile(file, 'utf8');
    for (const marker of labMarkers.filter((candidate) => text.includes(candidate))) {
      found.set(marker, [...(found.get(marker) ?? []), path.relative(folder, file)]);
    }
  }
  return found;
}

describe('the release build (what npm run dist packs)', () => {
  let temp: string;
  beforeAll(async () => {
    temp = await mkdtemp(path.join(tmpdir(), 'cw-release-'));
    await build(path.join(temp, 'release'), true);
    await build(path.join(temp, 'development'), false);
  });
  afterAll(async () => rm(temp, { recursive: true, force: true }));

  it('holds no lab tenant, lab account, lab password, lab module, node-forge or jose, which the development build does', async () => {
    const inDevelopment = await markersIn(path.join(temp, 'development'));
    expect([...inDevelopment.keys()].sort()).toEqual([...labMarkers].sort());
    expect(Object.fromEntries(await markersIn(path.join(temp, 'release')))).toEqual({});
  });

  it('is main, preload and renderer without source maps, and its main refuses the lab', async () => {
    const files = (await filesUnder(path.join(temp, 'release'))).map((file) => path.relative(path.join(temp, 'release'), file));
    expect(files).toContain(path.join('main', 'index.cjs'));
    expect(files).toContain(path.join('preload', 'index.cjs'));
    expect(files).toContain(path.join('renderer', 'index.html'));
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(await readFile(path.join(temp, 'release', 'main', 'index.cjs'), 'utf8')).toContain('The lab is not part of this build.');
  });

  it('draws its first screen without Fluent UI, which only the chunks loaded later carry', async () => {
    const renderer = path.join(temp, 'release', 'renderer');
    const firstLoad = firstLoadScripts(await readFile(path.join(renderer, 'index.html'), 'utf8'));
    expect(firstLoad.length).toBeGreaterThan(0);
    const withFluent: string[] = [];
    for (const file of await filesUnder(renderer)) {
      if (file.endsWith('.js') && (await readFile(file, 'utf8')).includes(fluentStyleEngine)) withFluent.push(path.relative(renderer, file).split(path.sep).join('/'));
    }
    expect(withFluent.length).toBeGreaterThan(0);
    expect(withFluent.filter((file) => firstLoad.includes(file))).toEqual([]);
  });
});
