import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { productStrings } from '../../../shared/core/branding';
import { AppError, isAppError } from '../../../shared/core/errors';
import type { configurationChannels } from '../../../shared/contract/configuration';
import type { CompareSourceRef, Comparison, ComparisonFormat, PickableSourceKind } from '../../../shared/configuration/comparison';
import { renderDiffHtml } from '../../../shared/configuration/diff-html';
import { diffSummaries } from '../../../shared/configuration/diff';
import { defaultExportFileName, defaultExportFolder } from '../../../shared/configuration/export-location';
import type { ConfigurationSummary } from '../../../shared/configuration/summary';
import { buildConfigurationView } from '../../../shared/configuration/build-view';
import { defaultComparisonFileName } from '../../../shared/configuration/time';
import type { Services } from '../../main/services';
import { writeSummaryExport, writeText } from '../../services/summary/export-writer';
import { readLiveSummary } from '../../services/summary/live-source';
import { readSummaryFromPath } from '../../services/summary/read-source';
import type { AreaHandlers } from '../handlers';

type PickedPath = { kind: PickableSourceKind; path: string };

/** How many comparisons main keeps for "Save comparison"; older ones are forgotten. */
const keptComparisons = 5;

const withJsonExtension = (file: string): string => (path.extname(file) === '' ? `${file}.json` : file);

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * View current configuration (read only: nothing here suspends the scheduler or changes the server),
 * Export settings, and Compare. Paths only ever come from a dialog shown here; the renderer gets
 * tokens for what was picked, so a path it sends is never read.
 */
export function createConfigurationHandlers(services: Services): AreaHandlers<typeof configurationChannels> {
  const { syncServer, dialogs, target, logger } = services;
  const strings = productStrings[target.branding];
  const generatedBy = `${strings.productName} wizard ${services.version}`;
  const pickedSources = new Map<string, PickedPath>();
  const comparisons = new Map<string, { comparison: Comparison; generatedAt: string }>();
  const exportFolder = (): string => defaultExportFolder(target.platform, process.env, target.dataFolder);

  type ResolvedSource = { kind: 'thisServer' } | { kind: 'path'; path: string };

  /** Tokens are checked before anything is read, so an unknown one costs no server round trip. */
  function resolve(ref: CompareSourceRef): ResolvedSource {
    if (ref.kind === 'thisServer') return ref;
    const picked = pickedSources.get(ref.token);
    if (picked === undefined) {
      throw new AppError('VALIDATION_FAILED', 'This source is no longer known. Choose the folder or file again.');
    }
    return { kind: 'path', path: picked.path };
  }

  async function readSource(source: ResolvedSource): Promise<{ summary: ConfigurationSummary; label: string }> {
    if (source.kind === 'path') return { summary: await readSummaryFromPath(source.path), label: source.path };
    const summary = await readLiveSummary(syncServer);
    return { summary, label: summary.server.name ? `This server (${summary.server.name})` : 'This server' };
  }

  return {
    'configuration:get-view': async () => {
      const readAt = new Date().toISOString();
      const state = await syncServer.getServerState();
      const database = await syncServer.getDatabaseConfiguration().catch((error: unknown) => {
        logger.warn('[configuration] reading the database configuration failed', describe(error));
        return null;
      });
      // The connector accounts are only in the server's configuration export; without it the page still shows.
      let summary: ConfigurationSummary | null = null;
      let summaryError: string | undefined;
      try {
        summary = await readLiveSummary(syncServer);
      } catch (error) {
        summaryError = describe(error);
        logger.warn('[configuration] reading the configuration export failed', isAppError(error) ? error.code : '', summaryError);
      }
      return buildConfigurationView(
        summaryError === undefined ? { state, database, summary, readAt } : { state, database, summary, summaryError, readAt },
        { cloudDirectory: strings.cloudDirectory },
      );
    },

    'configuration:export-settings': async (_request, context) => {
      const now = new Date();
      context.emit('configuration:export-progress', { stage: 'choosing' });
      const chosen = await dialogs.chooseSaveFile({
        title: 'Export settings',
        defaultPath: path.join(exportFolder(), defaultExportFileName(now)),
        filters: [{ name: 'Synchronization policy (JSON)', extensions: ['json'] }],
      });
      if (chosen === undefined) return { status: 'cancelled' };
      context.emit('configuration:export-progress', { stage: 'reading' });
      const summary = await readLiveSummary(syncServer);
      context.emit('configuration:export-progress', { stage: 'writing' });
      const written = await writeSummaryExport(summary, withJsonExtension(chosen), { exportedAt: new Date().toISOString(), exportedBy: generatedBy });
      logger.info('[configuration] settings exported');
      return { status: 'saved', jsonFile: written.jsonFile, htmlFile: written.htmlFile };
    },

    'configuration:pick-compare-source': async ({ kind }) => {
      const chosen =
        kind === 'exportFolder'
          ? await dialogs.chooseFolder({ title: 'Choose a Get-ADSyncServerConfiguration export folder', defaultPath: exportFolder() })
          : await dialogs.chooseOpenFile({
              title: 'Choose an exported synchronization policy',
              defaultPath: exportFolder(),
              filters: [{ name: 'Synchronization policy (JSON)', extensions: ['json'] }],
            });
      if (chosen === undefined) return { status: 'cancelled' };
      const token = randomUUID();
      pickedSources.set(token, { kind, path: chosen });
      return { status: 'picked', source: { token, kind, label: chosen } };
    },

    'configuration:compare': async ({ before, after }) => {
      // One after the other: a live read and a file read would only queue behind each other anyway.
      const [first, second] = [resolve(before), resolve(after)];
      const a = await readSource(first);
      const b = await readSource(second);
      const comparison: Comparison = {
        comparisonId: randomUUID(),
        beforeLabel: a.label,
        afterLabel: b.label,
        diff: diffSummaries(a.summary, b.summary),
      };
      comparisons.set(comparison.comparisonId, { comparison, generatedAt: new Date().toISOString() });
      for (const id of [...comparisons.keys()].slice(0, Math.max(0, comparisons.size - keptComparisons))) comparisons.delete(id);
      return comparison;
    },

    'configuration:save-comparison': async ({ comparisonId, format }) => {
      const kept = comparisons.get(comparisonId);
      if (kept === undefined) throw new AppError('VALIDATION_FAILED', 'This comparison is no longer available. Compare again, then save.');
      const chosen = await dialogs.chooseSaveFile({
        title: 'Save the comparison',
        defaultPath: path.join(exportFolder(), defaultComparisonFileName(new Date(), format)),
        filters: [format === 'json' ? { name: 'Comparison (JSON)', extensions: ['json'] } : { name: 'Comparison (HTML)', extensions: ['html'] }],
      });
      if (chosen === undefined) return { status: 'cancelled' };
      const file = path.extname(chosen) === '' ? `${chosen}.${format}` : chosen;
      await writeText(file, comparisonContent(kept.comparison, format, kept.generatedAt, generatedBy));
      return { status: 'saved', file };
    },
  };
}

/** The same JSON the command line's `diff` writes, or the self-contained HTML report. */
function comparisonContent(comparison: Comparison, format: ComparisonFormat, generatedAt: string, generatedBy: string): string {
  if (format === 'json') return `${JSON.stringify(comparison.diff, null, 2)}\n`;
  return renderDiffHtml(comparison.diff, { beforeLabel: comparison.beforeLabel, afterLabel: comparison.afterLabel, generatedAt, generatedBy });
}
