import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLiveSummary } from '../../../electron/services/configuration/live-source';
import { ensureScratchFolder } from '../../../electron/services/configuration/scratch-folder';
import { contosoFolder } from '../../fixtures/configuration/contoso';
import { cp } from 'node:fs/promises';

describe.skipIf(process.platform === 'win32')('the scratch folder in the lab (owner-only, 0700)', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'cw-scratch-'));
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it('is created 0700, and a looser existing one is tightened', async () => {
    const fresh = await ensureScratchFolder(path.join(root, 'lab', 'scratch'));
    expect((await stat(fresh)).mode & 0o777).toBe(0o700);
    const loose = path.join(root, 'loose');
    await mkdir(loose, { mode: 0o777 });
    await chmod(loose, 0o777);
    await ensureScratchFolder(loose);
    expect((await stat(loose)).mode & 0o777).toBe(0o700);
  });

  it('refuses a link in its place', async () => {
    const target = path.join(root, 'elsewhere');
    await mkdir(target);
    const link = path.join(root, 'linked');
    await symlink(target, link);
    await expect(ensureScratchFolder(link)).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
  });

  it('holds the live export only while it is read: the export goes inside it, never to the temp folder, and is removed', async () => {
    const scratch = path.join(root, 'live');
    const exportedTo: string[] = [];
    const summary = await readLiveSummary(
      {
        exportServerConfiguration: async (folder) => {
          exportedTo.push(folder);
          const mode = (await stat(path.dirname(folder))).mode & 0o777;
          expect(mode).toBe(0o700);
          await cp(contosoFolder, folder, { recursive: true });
        },
      },
      scratch,
    );
    expect(summary.connectors.length).toBeGreaterThan(0);
    expect(exportedTo[0]?.startsWith(scratch + path.sep)).toBe(true);
    expect((await stat(scratch)).mode & 0o777).toBe(0o700);
    expect(await readdir(scratch)).toEqual([]);
    expect(existsSync(exportedTo[0] ?? '')).toBe(false);
  });
});
