import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}`);
}

describe('lint enforces the folder rules', () => {
  it('keeps Node, Electron and the DOM out of shared/', async () => {
    expect(await ruleIdsFor('shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('shared/x.ts', 'export const a = window.location;\n')).toContain('no-restricted-globals');
  });

  it('keeps electron/ out of renderer/', async () => {
    const code = "import { consoleLogger } from '../electron/main/logger';\nexport const a = consoleLogger;\n";
    expect(await ruleIdsFor('renderer/x.ts', code)).toContain('no-restricted-imports');
  });

  it('keeps the clients of outside systems out of the IPC areas', async () => {
    const code = "import { AdSyncClient } from '../../clients/sync-server/ad-sync-client';\nexport const a = AdSyncClient;\n";
    expect(await ruleIdsFor('electron/ipc/areas/x.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('electron/services/x/x.ts', code)).not.toContain('no-restricted-imports');
  });

  it('allows ipcRenderer only in the preload', async () => {
    const code = "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n";
    expect(await ruleIdsFor('electron/main/x.ts', code)).toContain('no-restricted-syntax');
    expect(await ruleIdsFor('electron/preload/x.ts', code)).not.toContain('no-restricted-syntax');
  });

  it('names files one way: kebab-case modules and folders, PascalCase only for .tsx', async () => {
    const code = 'export const a = 1;\n';
    expect(await ruleIdsFor('shared/sync-server/groupMembers.ts', code)).toContain('check-file/filename-naming-convention');
    expect(await ruleIdsFor('electron/clients/sync-server/AdSyncClient.ts', code)).toContain('check-file/filename-naming-convention');
    expect(await ruleIdsFor('renderer/flows/tasks/syncAdmins/x.ts', code)).toContain('check-file/folder-naming-convention');
    expect(await ruleIdsFor('renderer/flows/tasks/sync-admins/SyncAdminsPage.tsx', code)).toEqual([]);
    expect(await ruleIdsFor('electron/clients/sync-server/ad-sync-client.ts', code)).toEqual([]);
  });

  it('accepts pure code in shared/', async () => {
    expect(await ruleIdsFor('shared/x.ts', "import { z } from 'zod';\nexport const a = z.string();\n")).toEqual([]);
  });
});
