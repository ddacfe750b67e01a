import { AppError } from '../../../shared/core/errors';
import type { ConfigurationSummary } from '../../../shared/configuration/summary';
import { looksLikePolicyExport, policyExportFileSchema, summaryKey } from '../../../shared/configuration/policy-export';
import { readBoundedFile } from './bounded-file';
import { decodeText } from './xml-document';
import { looksLikeNativeExport, summaryFromNativeExport } from '../../../shared/configuration/native-export';
import { z } from 'zod';

/** Parses the text of a JSON export written by this app back into its summary. */
export function summaryFromExportedJson(content: string, filePath: string): ConfigurationSummary {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    throw new AppError('MALFORMED_INPUT', `Malformed JSON in ${filePath}: it is not a JSON document.`, error instanceof Error ? error.message : String(error));
  }
  if (!looksLikePolicyExport(value)) {
    throw new AppError('NOT_AN_EXPORT', `${filePath} is not a synchronization policy export (no ${summaryKey} or onpremisesDirectoryPolicy).`);
  }
  if (typeof value === 'object' && value !== null && !(summaryKey in value)) {
    // Azure AD Connect's own export: what it carries, mapped into the summary.
    if (!looksLikeNativeExport(value)) throw new AppError('NOT_AN_EXPORT', `${filePath} is not a synchronization policy export (no policyMetadata).`);
    try {
      return summaryFromNativeExport(value);
    } catch (error) {
      const issue = error instanceof z.ZodError ? error.issues[0] : undefined;
      const where = issue === undefined ? '' : ` at ${issue.path.map(String).join('.')}`;
      throw new AppError('MALFORMED_INPUT', `Malformed export in ${filePath}${where}: ${issue?.message ?? 'invalid content'}`);
    }
  }
  const parsed = policyExportFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : ` at ${issue.path.map(String).join('.')}`;
    throw new AppError('MALFORMED_INPUT', `Malformed export in ${filePath}${where}: ${issue?.message ?? 'invalid content'}`);
  }
  return parsed.data[summaryKey];
}

/** Reads a JSON export: this app's own (`ConnectWizard-Configuration-*.json`) or the native wizard's. */
export async function readExportedJson(filePath: string): Promise<ConfigurationSummary> {
  return summaryFromExportedJson(decodeText(await readBoundedFile(filePath)), filePath);
}
