import { AppError } from '../../../shared/core/errors';
import { attribute, child, children, type XmlNode } from './xml-document';

export type GlobalSettingsFile = {
  serverName?: string;
  exportDate?: string;
  settings: Record<string, string>;
};

/** Names of settings that hold secrets on some builds; they are never copied into a summary. */
const secretSettingPattern = /password(?!hashsync|writeback|sync)|secret|token|credential|cookie/i;

/** Reads `GlobalSettings/MV.xml` (`<saved-mv-configuration>`): the server name, export date and every global setting. */
export function globalSettingsFromXml(document: XmlNode, filePath: string): GlobalSettingsFile {
  const saved = child(document, 'saved-mv-configuration');
  const mvData = child(saved, 'mv-data');
  if (saved === undefined || mvData === undefined) {
    throw new AppError('MALFORMED_INPUT', `${filePath} is not a metaverse configuration: <saved-mv-configuration><mv-data> expected.`);
  }
  const settings: Record<string, string> = {};
  for (const parameter of children(child(mvData, 'parameter-values'), 'parameter')) {
    const name = attribute(parameter, 'name');
    if (name === '' || attribute(parameter, 'type') === 'encrypted-string' || secretSettingPattern.test(name)) continue;
    const value = parameter['#text'];
    settings[name] = typeof value === 'string' ? value : '';
  }
  const result: GlobalSettingsFile = { settings };
  const serverName = attribute(saved, 'server');
  const exportDate = attribute(saved, 'export-date');
  if (serverName !== '') result.serverName = serverName;
  if (exportDate !== '') result.exportDate = exportDate;
  return result;
}
