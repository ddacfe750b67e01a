import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let labFolder = '';

beforeAll(async () => {
  labFolder = await mkdtemp(join(tmpdir(), 'lab-tenant-cli-'));
});
afterAll(async () => {
  await rm(labFolder, { recursive: true, force: true });
});

describe('npm run lab:tenant', () => {
  it('prints one JSON line with authority, client id, Graph base URL and CA path, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'lab/tenant/main.ts', '--lab-folder', labFolder], {
      cwd: join(import.meta.dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', () => reject(new Error('lab tenant exited before printing its endpoints')));
      });
      const printed = JSON.parse(line) as { authority: string; clientId: string; graphBaseUrl: string; caCertificate: string };
      expect(printed.authority).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]{36}$/);
      expect(printed.graphBaseUrl).toBe(`${new URL(printed.authority).origin}/v1.0`);
      expect(printed.caCertificate).toBe(join(labFolder, 'lab-tenant-ca.pem'));
      const agent = new Agent({ connect: { ca: await readFile(printed.caCertificate, 'utf8') } });
      const response = await fetch(`${printed.authority}/v2.0/.well-known/openid-configuration`, { dispatcher: agent });
      expect(response.status).toBe(200);
      await agent.close();
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
