import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/core/errors';
import { assembleSummary } from '../../../shared/configuration/assemble';
import type { ConfigurationSummary } from '../../../shared/configuration/summary';
import type { Scheduler } from '../../../shared/sync-server/scheduler';
import { connectorFromXml } from './connector-xml';
import { globalSettingsFromXml } from './global-settings-xml';
import { syncRuleFromXml } from './sync-rule-xml';
import { readBoundedFile } from './bounded-file';
import { decodeText, parseXml, type XmlNode } from './xml-document';

const layout = {
  connectors: 'Connectors',
  globalSettings: path.join('GlobalSettings', 'MV.xml'),
  syncRules: 'SynchronizationRules',
} as const;

async function isDirectory(target: string): Promise<boolean> {
  return stat(target).then((s) => s.isDirectory(), () => false);
}

async function xmlFilesIn(folder: string): Promise<string[]> {
  const names = await readdir(folder);
  return names
    .filter((name) => name.toLowerCase().endsWith('.xml'))
    .sort()
    .map((name) => path.join(folder, name));
}

async function readXml(filePath: string): Promise<XmlNode> {
  return parseXml(decodeText(await readBoundedFile(filePath)), filePath);
}

/**
 * Reads the folder that `Get-ADSyncServerConfiguration -Path` writes: `Connectors/Connector_{id}.xml`,
 * `GlobalSettings/MV.xml` and `SynchronizationRules/SynchronizationRule_{id}.xml`.
 * A scheduler, known only on a live server, can be added by the caller.
 */
export async function readExportFolder(folder: string, scheduler?: Scheduler): Promise<ConfigurationSummary> {
  if (!(await isDirectory(folder))) {
    const exists = await stat(folder).then(() => true, () => false);
    throw exists
      ? new AppError('NOT_AN_EXPORT', `${folder} is not a folder written by Get-ADSyncServerConfiguration.`)
      : new AppError('FILE_NOT_FOUND', `The folder ${folder} does not exist.`);
  }
  const connectorsFolder = path.join(folder, layout.connectors);
  const rulesFolder = path.join(folder, layout.syncRules);
  const settingsFile = path.join(folder, layout.globalSettings);
  const [hasConnectors, hasRules, hasSettings] = await Promise.all([
    isDirectory(connectorsFolder),
    isDirectory(rulesFolder),
    stat(settingsFile).then((s) => s.isFile(), () => false),
  ]);
  if (!hasConnectors || !hasRules || !hasSettings) {
    const missing = [
      hasConnectors ? undefined : `${layout.connectors}/`,
      hasSettings ? undefined : 'GlobalSettings/MV.xml',
      hasRules ? undefined : `${layout.syncRules}/`,
    ].filter((item) => item !== undefined);
    throw new AppError(
      'NOT_AN_EXPORT',
      `${folder} is not a Get-ADSyncServerConfiguration export: ${missing.join(', ')} missing.`,
    );
  }
  const [connectorFiles, ruleFiles] = await Promise.all([xmlFilesIn(connectorsFolder), xmlFilesIn(rulesFolder)]);
  if (connectorFiles.length === 0) {
    throw new AppError('NOT_AN_EXPORT', `${folder} is not a Get-ADSyncServerConfiguration export: ${connectorsFolder} holds no connector.`);
  }
  const [connectors, settingsFileContent, syncRules] = await Promise.all([
    Promise.all(connectorFiles.map(async (file) => connectorFromXml(await readXml(file), file))),
    readXml(settingsFile).then((document) => globalSettingsFromXml(document, settingsFile)),
    Promise.all(ruleFiles.map(async (file) => syncRuleFromXml(await readXml(file), file))),
  ]);
  const settings = settingsFileContent.settings;
  const server: ConfigurationSummary['server'] = {};
  if (settingsFileContent.serverName !== undefined) server.name = settingsFileContent.serverName;
  if (settingsFileContent.exportDate !== undefined) server.exportDate = settingsFileContent.exportDate;
  const version = settings['Microsoft.Synchronize.ServerConfigurationVersion'];
  if (version !== undefined && version !== '') server.serverConfigurationVersion = version;
  return assembleSummary({ server, connectors, globalSettings: settings, syncRules, ...(scheduler ? { scheduler } : {}) });
}
