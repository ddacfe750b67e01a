import { deriveFeatures } from './features';
import type { ConfigurationSummary, SummaryConnector, SyncRule } from './summary';
import type { Scheduler } from '../sync-server/scheduler';

export type SummaryParts = {
  server: ConfigurationSummary['server'];
  connectors: readonly SummaryConnector[];
  globalSettings: Readonly<Record<string, string>>;
  /** Rules as read; `connectorName` is filled in here from the connectors. */
  syncRules: readonly SyncRule[];
  scheduler?: Scheduler;
};

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sync rules in the order the Synchronization Rules Editor lists them: direction, then precedence. */
export function compareRules(a: SyncRule, b: SyncRule): number {
  return byText(a.direction, b.direction) || a.precedence - b.precedence || byText(a.name, b.name) || byText(a.identifier, b.identifier);
}

/** Puts the parts of a configuration together in a stable order, so equal configurations give equal summaries. */
export function assembleSummary(parts: SummaryParts): ConfigurationSummary {
  const connectors = [...parts.connectors].sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.identifier, b.identifier));
  const namesById = new Map(connectors.map((c) => [c.identifier, c.name]));
  const globalSettings: Record<string, string> = {};
  for (const name of Object.keys(parts.globalSettings).sort(byText)) globalSettings[name] = parts.globalSettings[name] ?? '';
  const syncRules = parts.syncRules
    .map((rule) => ({ ...rule, connectorName: namesById.get(rule.connectorId) ?? rule.connectorName }))
    .sort(compareRules);
  const summary: ConfigurationSummary = {
    formatVersion: 2,
    server: parts.server,
    connectors,
    globalSettings,
    features: deriveFeatures(globalSettings, connectors),
    syncRules,
  };
  if (parts.scheduler !== undefined) summary.scheduler = parts.scheduler;
  return summary;
}
