/** Reading summaries from disk or a live server, and writing exports (Node only; no Electron). */
export { readExportFolder } from './export-folder-reader';
export { readExportedJson, summaryFromExportedJson } from './exported-json-reader';
export { readSummary, readSummaryFromPath, type SummarySource } from './read-source';
export { readLiveSummary, type LiveConfigurationSource } from './live-source';
export { writeSummaryExport, serializePolicyExport, type WrittenExport } from './export-writer';
