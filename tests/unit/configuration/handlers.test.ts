import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfigurationHandlers } from '../../../electron/ipc/areas/configuration';
import type { HandlerContext } from '../../../electron/ipc/host';
import { ConfigurationService, type ConfigurationServiceOptions } from '../../../electron/services/configuration/configuration-service';
import type { AdSyncClient } from '../../../electron/clients/sync-server/ad-sync-client';
import { configurationChannels } from '../../../shared/contract/configuration';
import { summaryDiffSchema } from '../../../shared/configuration/diff-model';
import { contoso, contosoFolder, copyContoso, editFile, makeTempDir, removeDir } from '../../fixtures/configuration/contoso';
import { ScriptedDialogs } from '../../harness/scripted-dialogs';
import { labServerState } from './lab-state';

/** The sync server as the handlers use it: its export is the Contoso fixture, its state the lab's. */
function fakeSyncServer(calls: string[]): AdSyncClient {
  const fake = {
    getServerState: async () => {
      calls.push('getServerState');
      return labServerState();
    },
    getDatabaseConfiguration: async () => {
      calls.push('getDatabaseConfiguration');
      return { installedLocalDb: true, sqlServerName: '(localdb)', sqlServerInstanceName: '.\\ADSync2019', sqlServerDbName: 'ADSync' };
    },
    getScheduler: async () => {
      calls.push('getScheduler');
      return labServerState().scheduler!;
    },
    exportServerConfiguration: async (folder: string) => {
      calls.push('exportServerConfiguration');
      await cp(contosoFolder, folder, { recursive: true });
      return { path: folder, fileCount: 65 };
    },
  };
  return fake as unknown as AdSyncClient;
}

const silentLogger = { info: () => {}, warn: () => {}, error: () => {} };

let work: string;
let dialogs: ScriptedDialogs;
let calls: string[];
let events: unknown[];
let handlers: ReturnType<typeof createConfigurationHandlers>;
let context: HandlerContext;

beforeEach(async () => {
  work = await makeTempDir('view-config-');
  dialogs = new ScriptedDialogs();
  calls = [];
  events = [];
  const configuration = new ConfigurationService({
    target: { kind: 'lab', branding: 'azureAd', dataFolder: work, assetsFolder: work, labPackageFolder: work, platform: 'linux' },
    scratchFolder: path.join(work, 'scratch'),
    version: '1.2.3',
    dialogs,
    logger: silentLogger,
    syncServer: fakeSyncServer(calls),
  } as unknown as ConfigurationServiceOptions);
  handlers = createConfigurationHandlers(configuration);
  context = { emit: (event, payload) => events.push([event, payload]) };
});

afterEach(async () => {
  await removeDir(work);
});

describe('View current configuration', () => {
  it('reads the server without changing it: only read operations are called', async () => {
    const view = await handlers['configuration:get-view']({}, context);
    expect(view.general.find((row) => row.key === 'azureConnectorAccount')?.value).toBe(
      'Sync_CONTOSO-SYNC01_e3c03195e061@contoso.onmicrosoft.com',
    );
    expect(calls.every((call) => /^(get|export)/.test(call))).toBe(true);
  });
});

describe('Export settings', () => {
  it('offers the app data folder and the native file name, then writes the JSON and the HTML beside it', async () => {
    const target = path.join(work, 'out', 'settings.json');
    dialogs.answerNext(target);
    const result = await handlers['configuration:export-settings']({}, context);
    expect(result).toEqual({ status: 'saved', jsonFile: target, htmlFile: path.join(work, 'out', 'settings.html') });
    expect(dialogs.asked[0]?.defaultPath).toMatch(new RegExp(`^${work.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[\\\\/]ConnectWizard-Configuration-\\d{8}-\\d{6}\\.json$`));
    const json = JSON.parse(await readFile(target, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['policyMetadata', 'deploymentMetadata', 'onpremisesDirectoryPolicy', 'azureDirectoryPolicy']));
    expect(await readFile(path.join(work, 'out', 'settings.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(events.map((e) => (e as [string, { stage: string }])[1].stage)).toEqual(['choosing', 'reading', 'writing']);
  });

  it('adds .json when the administrator typed a name without extension', async () => {
    dialogs.answerNext(path.join(work, 'mine'));
    const result = await handlers['configuration:export-settings']({}, context);
    expect(result).toEqual({ status: 'saved', jsonFile: path.join(work, 'mine.json'), htmlFile: path.join(work, 'mine.html') });
  });

  it('a place that cannot be written gives an error naming the file', async () => {
    const blocker = path.join(work, 'a-file');
    await writeFile(blocker, 'not a folder');
    dialogs.answerNext(path.join(blocker, 'settings.json'));
    await expect(handlers['configuration:export-settings']({}, context)).rejects.toMatchObject({
      message: expect.stringContaining(path.join(blocker, 'settings.json')),
    });
  });

  it('cancelling the dialog writes nothing and reads nothing', async () => {
    dialogs.answerNext(undefined);
    expect(await handlers['configuration:export-settings']({}, context)).toEqual({ status: 'cancelled' });
    expect(await readdir(work)).toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('Compare', () => {
  it('compares this server with a picked export folder and saves the comparison as JSON and HTML', async () => {
    const copy = await copyContoso(work, 'changed');
    await editFile(copy, contoso.ruleFile(contoso.groupJoinRuleId), '<disabled>False</disabled>', '<disabled>True</disabled>');
    dialogs.answerNext(copy);
    const picked = await handlers['configuration:pick-compare-source']({ kind: 'exportFolder' }, context);
    if (picked.status !== 'picked') throw new Error('expected a picked source');
    expect(picked.source.label).toBe(copy);

    const comparison = await handlers['configuration:compare'](
      { before: { kind: 'thisServer' }, after: { kind: 'picked', token: picked.source.token } },
      context,
    );
    expect(comparison.beforeLabel).toBe('This server (CONTOSO-SYNC01)');
    expect(comparison.diff.changes).toEqual([
      { kind: 'modified', objectType: 'syncRule', name: 'Out to AAD - Group Join', id: contoso.groupJoinRuleId, fields: [{ path: 'disabled', before: false, after: true }] },
    ]);

    dialogs.answerNext(path.join(work, 'comparison.json'));
    expect(await handlers['configuration:save-comparison']({ comparisonId: comparison.comparisonId, format: 'json' }, context)).toEqual({
      status: 'saved',
      file: path.join(work, 'comparison.json'),
    });
    expect(summaryDiffSchema.parse(JSON.parse(await readFile(path.join(work, 'comparison.json'), 'utf8')))).toEqual(comparison.diff);

    dialogs.answerNext(path.join(work, 'comparison'));
    expect(await handlers['configuration:save-comparison']({ comparisonId: comparison.comparisonId, format: 'html' }, context)).toEqual({
      status: 'saved',
      file: path.join(work, 'comparison.html'),
    });
    expect(await readFile(path.join(work, 'comparison.html'), 'utf8')).toContain('Out to AAD - Group Join');
  });

  it('a picked folder that is not an export is refused, naming the folder', async () => {
    const notAnExport = path.join(work, 'holiday-photos');
    await mkdir(notAnExport);
    dialogs.answerNext(notAnExport);
    const picked = await handlers['configuration:pick-compare-source']({ kind: 'exportFolder' }, context);
    if (picked.status !== 'picked') throw new Error('expected a picked source');
    await expect(
      handlers['configuration:compare']({ before: { kind: 'picked', token: picked.source.token }, after: { kind: 'thisServer' } }, context),
    ).rejects.toMatchObject({ code: 'NOT_AN_EXPORT', message: expect.stringContaining(notAnExport) });
  });

  it('a cancelled pick gives no token', async () => {
    dialogs.answerNext(undefined);
    expect(await handlers['configuration:pick-compare-source']({ kind: 'jsonFile' }, context)).toEqual({ status: 'cancelled' });
  });

  it('never reads a path the renderer sends: the request schema refuses it, and an unknown token is refused', async () => {
    const request = configurationChannels['configuration:compare'].request;
    expect(request.safeParse({ before: { kind: 'thisServer' }, after: { kind: 'picked', token: contosoFolder } }).success).toBe(false);
    expect(request.safeParse({ before: { kind: 'thisServer' }, after: { kind: 'picked', token: 'x', path: contosoFolder } }).success).toBe(false);
    await expect(
      handlers['configuration:compare'](
        { before: { kind: 'thisServer' }, after: { kind: 'picked', token: '0b3f8a52-9a40-4a4f-9d43-1a7f3e9c2b11' } },
        context,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(calls).not.toContain('exportServerConfiguration');
  });
});
