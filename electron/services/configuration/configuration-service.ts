import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { buildConfigurationView } from '../../../shared/configuration/build-view';
import type { CompareSourceRef, Comparison, ComparisonFormat, PickableSourceKind, PickedSource, SaveComparisonResult } from '../../../shared/configuration/comparison';
import { renderDiffHtml } from '../../../shared/configuration/diff-html';
import { diffSummaries } from '../../../shared/configuration/diff';
import { defaultExportFileName, defaultExportFolder } from '../../../shared/configuration/export-location';
import type { ExportSettingsResult, ExportStage } from '../../../shared/configuration/export-settings';
import type { ConfigurationSummary } from '../../../shared/configuration/summary';
import { defaultComparisonFileName } from '../../../shared/configuration/time';
import type { ConfigurationView } from '../../../shared/configuration/view';
import { productStrings } from '../../../shared/core/branding';
import { AppError, isAppError } from '../../../shared/core/errors';
import type { AdSyncClient } from '../../clients/sync-server/ad-sync-client';
import type { FileDialogs } from '../../main/file-dialogs';
import type { Logger } from '../../main/logger';
import type { TargetConfig } from '../../main/target-config';
import { writeSummaryExport, writeText } from './export-writer';
import { readLiveSummary } from './live-source';
import { readSummaryFromPath } from './read-source';

export interface ConfigurationServiceOptions {
  readonly syncServer: Pick<AdSyncClient, 'getServerState' | 'getDatabaseConfiguration' | 'exportServerConfiguration' | 'getScheduler'>;
  readonly dialogs: FileDialogs;
  readonly target: Pick<TargetConfig, 'branding' | 'platform' | 'dataFolder'>;
  /** Where the live export is written and read back (see readLiveSummary). */
  readonly scratchFolder: string;
  readonly version: string;
  readonly logger: Logger;
}

type PickedPath = { kind: PickableSourceKind; path: string };
type ResolvedSource = { kind: 'thisServer' } | { kind: 'path'; path: string };

/** How many comparisons main keeps for "Save comparison"; older ones are forgotten. */
const keptComparisons = 5;

const withJsonExtension = (file: string): string => (path.extname(file) === '' ? `${file}.json` : file);

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The same JSON the command line's `diff` writes, or the self-contained HTML report. */
function comparisonContent(comparison: Comparison, format: ComparisonFormat, generatedAt: string, generatedBy: string): string {
  if (format === 'json') return `${JSON.stringify(comparison.diff, null, 2)}\n`;
  return renderDiffHtml(comparison.diff, { beforeLabel: comparison.beforeLabel, afterLabel: comparison.afterLabel, generatedAt, generatedBy });
}

/**
 * View current configuration (read only: nothing here suspends the scheduler or changes the server),
 * Export settings, and Compare. Paths only ever come from a dialog shown here; the renderer gets
 * tokens for what was picked, so a path it sends is never read.
 */
export class ConfigurationService {
  private readonly pickedSources = new Map<string, PickedPath>();
  private readonly comparisons = new Map<string, { comparison: Comparison; generatedAt: string }>();

  constructor(private readonly options: ConfigurationServiceOptions) {}

  private get generatedBy(): string {
    return `${productStrings[this.options.target.branding].productName} wizard ${this.options.version}`;
  }

  private exportFolder(): string {
    const { target } = this.options;
    return defaultExportFolder(target.platform, process.env, target.dataFolder);
  }

  /**
   * The View current configuration page: live values, read only. Without `withExport` the slow
   * Get-ADSyncServerConfiguration export is skipped and what only it tells is marked pending: the page shows
   * that first, then asks again with the export in the background.
   */
  async getView(options: { readonly withExport?: boolean } = {}): Promise<ConfigurationView> {
    const { syncServer, logger, target } = this.options;
    const readAt = new Date().toISOString();
    const state = await syncServer.getServerState();
    const database = await syncServer.getDatabaseConfiguration().catch((error: unknown) => {
      logger.warn('[configuration] reading the database configuration failed', describe(error));
      return null;
    });
    const strings = { cloudDirectory: productStrings[target.branding].cloudDirectory };
    if (options.withExport === false) return buildConfigurationView({ state, database, summary: null, summaryPending: true, readAt }, strings);
    // The connector accounts are only in the server's configuration export; without it the page still shows.
    let summary: ConfigurationSummary | null = null;
    let summaryError: string | undefined;
    try {
      summary = await readLiveSummary(syncServer, this.options.scratchFolder);
    } catch (error) {
      // The page shows a product message; what went wrong in detail goes to the log only.
      summaryError = isAppError(error) ? error.message : 'The configuration export could not be read.';
      logger.warn('[configuration] reading the configuration export failed', error);
    }
    return buildConfigurationView(
      summaryError === undefined ? { state, database, summary, readAt } : { state, database, summary, summaryError, readAt },
      strings,
    );
  }

  /** Save dialog, then the JSON export and the HTML report beside it; `onProgress` follows the stages. */
  async exportSettings(onProgress: (stage: ExportStage) => void): Promise<ExportSettingsResult> {
    const { dialogs, syncServer, logger } = this.options;
    onProgress('choosing');
    const chosen = await dialogs.chooseSaveFile({
      title: 'Export settings',
      defaultPath: path.join(this.exportFolder(), defaultExportFileName(new Date())),
      filters: [{ name: 'Synchronization policy (JSON)', extensions: ['json'] }],
    });
    if (chosen === undefined) return { status: 'cancelled' };
    onProgress('reading');
    const summary = await readLiveSummary(syncServer, this.options.scratchFolder);
    onProgress('writing');
    const written = await writeSummaryExport(summary, withJsonExtension(chosen), { exportedAt: new Date().toISOString(), exportedBy: this.generatedBy });
    logger.info('[configuration] settings exported');
    return { status: 'saved', jsonFile: written.jsonFile, htmlFile: written.htmlFile };
  }

  /** Open dialog (folder or JSON file); answers a token for what was picked, never reads a path from the page. */
  async pickCompareSource(kind: PickableSourceKind): Promise<{ status: 'cancelled' } | { status: 'picked'; source: PickedSource }> {
    const { dialogs } = this.options;
    const chosen =
      kind === 'exportFolder'
        ? await dialogs.chooseFolder({ title: 'Choose a Get-ADSyncServerConfiguration export folder', defaultPath: this.exportFolder() })
        : await dialogs.chooseOpenFile({
            title: 'Choose an exported synchronization policy',
            defaultPath: this.exportFolder(),
            filters: [{ name: 'Synchronization policy (JSON)', extensions: ['json'] }],
          });
    if (chosen === undefined) return { status: 'cancelled' };
    const token = randomUUID();
    this.pickedSources.set(token, { kind, path: chosen });
    return { status: 'picked', source: { token, kind, label: chosen } };
  }

  async compare(before: CompareSourceRef, after: CompareSourceRef): Promise<Comparison> {
    // One after the other: a live read and a file read would only queue behind each other anyway.
    const [first, second] = [this.resolve(before), this.resolve(after)];
    const a = await this.readSource(first);
    const b = await this.readSource(second);
    const comparison: Comparison = {
      comparisonId: randomUUID(),
      beforeLabel: a.label,
      afterLabel: b.label,
      diff: diffSummaries(a.summary, b.summary),
    };
    const { comparisons } = this;
    comparisons.set(comparison.comparisonId, { comparison, generatedAt: new Date().toISOString() });
    for (const id of [...comparisons.keys()].slice(0, Math.max(0, comparisons.size - keptComparisons))) comparisons.delete(id);
    return comparison;
  }

  async saveComparison(comparisonId: string, format: ComparisonFormat): Promise<SaveComparisonResult> {
    const kept = this.comparisons.get(comparisonId);
    if (kept === undefined) throw new AppError('VALIDATION_FAILED', 'This comparison is no longer available. Compare again, then save.');
    const chosen = await this.options.dialogs.chooseSaveFile({
      title: 'Save the comparison',
      defaultPath: path.join(this.exportFolder(), defaultComparisonFileName(new Date(), format)),
      filters: [format === 'json' ? { name: 'Comparison (JSON)', extensions: ['json'] } : { name: 'Comparison (HTML)', extensions: ['html'] }],
    });
    if (chosen === undefined) return { status: 'cancelled' };
    const file = path.extname(chosen) === '' ? `${chosen}.${format}` : chosen;
    await writeText(file, comparisonContent(kept.comparison, format, kept.generatedAt, this.generatedBy));
    return { status: 'saved', file };
  }

  /** Tokens are checked before anything is read, so an unknown one costs no server round trip. */
  private resolve(ref: CompareSourceRef): ResolvedSource {
    if (ref.kind === 'thisServer') return ref;
    const picked = this.pickedSources.get(ref.token);
    if (picked === undefined) {
      throw new AppError('VALIDATION_FAILED', 'This source is no longer known. Choose the folder or file again.');
    }
    return { kind: 'path', path: picked.path };
  }

  private async readSource(source: ResolvedSource): Promise<{ summary: ConfigurationSummary; label: string }> {
    if (source.kind === 'path') return { summary: await readSummaryFromPath(source.path), label: source.path };
    const summary = await readLiveSummary(this.options.syncServer, this.options.scratchFolder);
    return { summary, label: summary.server.name ? `This server (${summary.server.name})` : 'This server' };
  }
}
