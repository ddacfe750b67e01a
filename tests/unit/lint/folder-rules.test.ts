import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}`);
}

// Loading the config and its plugins takes seconds on a busy machine; pay it once, outside the cases.
beforeAll(async () => {
  await eslint.calculateConfigForFile('shared/x.ts');
});

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

  it('keeps the app out of lab/', async () => {
    const rule = '@typescript-eslint/no-restricted-imports';
    expect(await ruleIdsFor('lab/tenant/x.ts', "import { AppError } from '../../shared/core/errors';\nexport const a = AppError;\n")).toContain(rule);
    expect(await ruleIdsFor('lab/x.ts', "import { consoleLogger } from '../electron/main/logger';\nexport const a = consoleLogger;\n")).toContain(rule);
    expect(await ruleIdsFor('lab/x.ts', "import { App } from '../renderer/App';\nexport const a = App;\n")).toContain(rule);
    expect(await ruleIdsFor('lab/tenant/x.ts', "import { sendJson } from './http';\nexport const a = sendJson;\n")).toEqual([]);
  });

  it('lets only the composition root and the tests use the lab, and only through lab/index.ts', async () => {
    const rule = '@typescript-eslint/no-restricted-imports';
    const entry = (from: string) => `import { startLabTenant } from '${from}lab/index';\nexport const a = startLabTenant;\n`;
    const inside = (from: string) => `import { startLabTenant } from '${from}lab/tenant/server';\nexport const a = startLabTenant;\n`;
    expect(await ruleIdsFor('electron/main/composition.ts', entry('../../'))).toEqual([]);
    expect(await ruleIdsFor('electron/main/composition.ts', inside('../../'))).toContain(rule);
    expect(await ruleIdsFor('electron/ipc/x.ts', entry('../../'))).toContain(rule);
    expect(await ruleIdsFor('electron/main/x.ts', "import { startLabTenant } from '../../lab';\nexport const a = startLabTenant;\n")).toContain(rule);
    expect(await ruleIdsFor('renderer/x.ts', entry('../'))).toContain(rule);
    expect(await ruleIdsFor('shared/x.ts', "import type { LabTenant } from '../lab/index';\nexport type A = LabTenant;\n")).toContain(rule);
    expect(await ruleIdsFor('tests/integration/auth/x.test.ts', entry('../../../'))).toEqual([]);
    expect(await ruleIdsFor('tests/integration/auth/x.test.ts', inside('../../../'))).toContain(rule);
    // The lab's own tests reach its parts.
    expect(await ruleIdsFor('tests/unit/lab-tenant/x.test.ts', inside('../../../'))).toEqual([]);
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
