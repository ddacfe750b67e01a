import { stat } from 'node:fs/promises';
import { AppError } from '../../../shared/core/errors';
import type { ConfigurationSummary } from '../../../shared/configuration/summary';
import { readExportFolder } from './export-folder-reader';
import { readExportedJson } from './exported-json-reader';

/** Reads a folder (Get-ADSyncServerConfiguration export) or a file (JSON export), deciding by what is on disk. */
export async function readSummaryFromPath(target: string): Promise<ConfigurationSummary> {
  const info = await stat(target).catch(() => undefined);
  if (info === undefined) throw new AppError('FILE_NOT_FOUND', `${target} does not exist.`);
  if (info.isDirectory()) return readExportFolder(target);
  if (info.isFile()) return readExportedJson(target);
  throw new AppError('NOT_AN_EXPORT', `${target} is neither an export folder nor an exported JSON file.`);
}
