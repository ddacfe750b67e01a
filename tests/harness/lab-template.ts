import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const templateMaxAgeMs = 10 * 60_000;
const templates = new Map<string, { readonly folder: Promise<string>; readonly createdAt: number }>();

/**
 * A fresh lab folder for one test. Seeding the lab sync server and generating the lab tenant's keys
 * take seconds, so a seeded template is made once per lab profile (and remade after ten minutes, before
 * the seeded scheduler's first cycle comes due) and copied for every test.
 */
export async function freshLabFolder(profile: string, seed: (folder: string) => Promise<void>): Promise<string> {
  let template = templates.get(profile);
  if (!template || Date.now() - template.createdAt > templateMaxAgeMs) {
    const folder = mkdtemp(path.join(os.tmpdir(), 'connect-lab-template-')).then(async (created) => {
      await seed(created);
      return created;
    });
    template = { folder, createdAt: Date.now() };
    templates.set(profile, template);
  }
  const source = await template.folder;
  const target = await mkdtemp(path.join(os.tmpdir(), 'connect-lab-'));
  await cp(source, target, { recursive: true });
  return target;
}
