import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/core/errors';
import { reportFileNameFor } from '../../../shared/configuration/export-location';
import type { ConfigurationSummary } from '../../../shared/configuration/summary';
import { buildPolicyExport, type PolicyExportMetadata } from '../../../shared/configuration/policy-export';
import { renderSummaryHtml } from '../../../shared/configuration/summary-html';

export type WrittenExport = { jsonFile: string; htmlFile: string };

async function writeText(file: string, content: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content, 'utf8');
  } catch (error) {
    throw new AppError('INTERNAL', `Cannot write ${file}.`, error instanceof Error ? error.message : String(error));
  }
}

export const serializePolicyExport = (summary: ConfigurationSummary, metadata: PolicyExportMetadata): string =>
  `${JSON.stringify(buildPolicyExport(summary, metadata), null, 2)}\n`;

/** Writes the JSON export and, beside it, the HTML report with the same name. */
export async function writeSummaryExport(
  summary: ConfigurationSummary,
  jsonFile: string,
  metadata: PolicyExportMetadata,
): Promise<WrittenExport> {
  const htmlFile = path.join(path.dirname(jsonFile), reportFileNameFor(path.basename(jsonFile)));
  await writeText(jsonFile, serializePolicyExport(summary, metadata));
  await writeText(htmlFile, renderSummaryHtml(summary, { generatedAt: metadata.exportedAt, generatedBy: metadata.exportedBy }));
  return { jsonFile, htmlFile };
}

export { writeText };
