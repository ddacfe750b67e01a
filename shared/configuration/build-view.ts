import type { Connector as ServerConnector, DatabaseConfiguration, GlobalSettings, Run, ServerState } from '../sync-server';
import { signOnMethodLabel, signOnMethodOf, signOnMethodSetting } from '../sync-server/settings';
import { deriveFeatures, featureLabels } from './features';
import { normalizeGuid } from './identifiers';
import type { ConfigurationSummary, SummaryConnector } from './summary';
import {
  viewFeatureKeys,
  type ConfigurationView,
  type ViewDirectory,
  type ViewFeature,
  type ViewRow,
  type ViewLastRun,
} from './view';

export interface ViewInput {
  /** Get-ADSync* through the bridge, in one call. */
  readonly state: ServerState;
  /** Get-ADSyncDatabaseConfiguration; null when it could not be read. */
  readonly database: DatabaseConfiguration | null;
  /** The server's configuration export read as a summary (gives the connector accounts); null when it could not be read. */
  readonly summary: ConfigurationSummary | null;
  /** Why the summary is missing, in plain words. */
  readonly summaryError?: string;
  /** The summary is being read (the page asked without the export first): missing values are pending, not failures. */
  readonly summaryPending?: boolean;
  readonly readAt: string;
}

const pendingNote = "Being read from the server's configuration export.";

export interface ViewStrings {
  /** "Azure AD" or "Microsoft Entra ID", as the branding says. */
  readonly cloudDirectory: string;
}

const enabledText = (value: boolean): string => (value ? 'Enabled' : 'Disabled');

const notAvailable = (key: string, label: string, note: string): ViewRow => ({ key, label, value: null, note });

function row(key: string, label: string, value: string | null | undefined, missingNote: string, note?: string): ViewRow {
  if (value === null || value === undefined || value.trim() === '') return notAvailable(key, label, missingNote);
  return note === undefined ? { key, label, value } : { key, label, value, note };
}

const isAadConnector = (connector: ServerConnector): boolean =>
  /azure active directory|microsoft entra/i.test(`${connector.subtype ?? ''} ${connector.listName ?? ''}`);

const isAdConnector = (connector: ServerConnector): boolean =>
  (connector.connectorTypeName ?? connector.type ?? '').toUpperCase() === 'AD';

/** `Sync_<SERVER>_<id>@contoso.onmicrosoft.com` → `contoso.onmicrosoft.com`. */
export function tenantFromAccount(account: string | undefined): string | undefined {
  const at = account?.lastIndexOf('@') ?? -1;
  if (account === undefined || at < 0 || at === account.length - 1) return undefined;
  return account.slice(at + 1);
}

/** The express settings name the Azure AD connector `<tenant> - AAD`. */
export function tenantFromConnectorName(name: string | null | undefined): string | undefined {
  const match = /^(.+?)\s+-\s+(AAD|Azure AD|Microsoft Entra ID)$/i.exec(name?.trim() ?? '');
  return match?.[1];
}

function settingsRecord(state: ServerState): Record<string, string> | null {
  if (state.globalSettings === null) return null;
  const settings: Record<string, string> = {};
  for (const parameter of state.globalSettings.parameters) settings[parameter.name] = parameter.value ?? '';
  return settings;
}

function summaryConnectorFor(summary: ConfigurationSummary | null, connector: ServerConnector): SummaryConnector | undefined {
  if (summary === null) return undefined;
  const id = connector.identifier === null ? undefined : normalizeGuid(connector.identifier);
  return (
    summary.connectors.find((candidate) => id !== undefined && candidate.identifier === id) ??
    summary.connectors.find((candidate) => candidate.name.toLowerCase() === (connector.name ?? '').toLowerCase())
  );
}

/** The newest finished run (the run history comes newest first), else the newest at all. */
function lastRun(runs: readonly Run[] | null): Run | undefined {
  if (runs === null) return undefined;
  return runs.find((run) => run.isRunComplete) ?? runs[0];
}

function serviceAccountRow(state: ServerState): ViewRow {
  const account = state.lastRuns?.find((run) => (run.username ?? '').trim() !== '')?.username;
  return row(
    'syncServiceAccount',
    'Sync service account',
    account,
    'Not reported by the sync server: no run in the run history names the account the sync service runs as.',
    'As recorded in the run history (the account the sync service ran as).',
  );
}

/**
 * The user sign-in method as the server records it (Microsoft.UserSignIn.SignOnMethod), named as the
 * native wizard's User sign-in page names it; a value the app does not know is shown as it is.
 */
function signInMethodRow(settings: GlobalSettings | null): ViewRow {
  const key = 'userSignInMethod';
  const label = 'User sign-in method';
  if (settings === null) return notAvailable(key, label, 'The global settings could not be read from the sync server.');
  const method = signOnMethodOf(settings);
  if (method === null) {
    return notAvailable(key, label, `This version of the sync server does not record the sign-in method (${signOnMethodSetting}).`);
  }
  return { key, label, value: signOnMethodLabel(method), note: `${signOnMethodSetting} = ${method}` };
}

/** `(localdb)\.\ADSync2019, database ADSync (SQL Server Express LocalDB)`, or the remote SQL Server's names. */
export function databaseText(database: DatabaseConfiguration | null): string | undefined {
  if (database === null || !database.sqlServerName) return undefined;
  const instance = database.sqlServerInstanceName ? `${database.sqlServerName}\\${database.sqlServerInstanceName.replace(/^\.\\/, '')}` : database.sqlServerName;
  const kind = database.installedLocalDb ? 'SQL Server Express LocalDB' : 'SQL Server';
  return `${instance}, database ${database.sqlServerDbName ?? 'ADSync'} (${kind})`;
}

function generalRows(input: ViewInput, strings: ViewStrings): ViewRow[] {
  const { state, summary } = input;
  const aadLive = state.connectors?.find(isAadConnector);
  const aadSummary = summary?.connectors.find((connector) => connector.kind === 'AAD');
  const aadAccount = aadSummary?.account;
  const tenant = tenantFromAccount(aadAccount) ?? tenantFromConnectorName(aadLive?.name ?? aadSummary?.name);
  const accountMissing = input.summaryPending
    ? pendingNote
    : input.summary === null
      ? `The server's configuration export could not be read${input.summaryError ? ` (${input.summaryError})` : ''}.`
      : `The ${strings.cloudDirectory} connector does not name its account.`;
  const staging = state.staging?.enabled ?? state.scheduler?.stagingModeEnabled;
  const autoUpgrade = state.autoUpgrade;
  return [
    row(
      'azureDirectory',
      `${strings.cloudDirectory} directory`,
      tenant,
      `No ${strings.cloudDirectory} connector was found on this server.`,
      tenantFromAccount(aadAccount) === undefined && tenant !== undefined ? `From the ${strings.cloudDirectory} connector's name.` : undefined,
    ),
    row('azureConnectorAccount', `${strings.cloudDirectory} connector account`, aadAccount, accountMissing),
    serviceAccountRow(state),
    row('database', 'Database', databaseText(input.database), 'Could not be read from the sync server.'),
    row(
      'autoUpgrade',
      'Auto upgrade',
      autoUpgrade?.state,
      'Could not be read from the sync server.',
      autoUpgrade?.suspensionReason ? `Suspension reason: ${autoUpgrade.suspensionReason}` : undefined,
    ),
    row('stagingMode', 'Staging mode', staging === undefined ? undefined : enabledText(staging), 'Could not be read from the sync server.'),
    signInMethodRow(state.globalSettings),
    row('serverName', 'Sync server', summary?.server.name, input.summaryPending ? pendingNote : 'The configuration export does not name the server.'),
    row(
      'serverVersion',
      'Server configuration version',
      summary?.server.serverConfigurationVersion,
      input.summaryPending ? pendingNote : 'Not recorded in the configuration.',
    ),
  ];
}

function directories(input: ViewInput): ViewDirectory[] {
  const live = input.state.connectors;
  if (live !== null) {
    return live.filter(isAdConnector).map((connector) => {
      const fromSummary = summaryConnectorFor(input.summary, connector);
      return {
        name: connector.name ?? connector.identifier ?? 'Unnamed connector',
        forest: fromSummary?.forest ?? connector.name ?? '',
        account: fromSummary?.account ?? null,
        partitions: connector.partitions.map((partition) => ({
          name: partition.name ?? partition.dn ?? '',
          dn: partition.dn ?? '',
          selected: partition.selected,
          containerInclusions: partition.containerInclusions,
          containerExclusions: partition.containerExclusions,
        })),
      };
    });
  }
  return (input.summary?.connectors ?? [])
    .filter((connector) => connector.kind === 'AD')
    .map((connector) => ({
      name: connector.name,
      forest: connector.forest ?? connector.name,
      account: connector.account ?? null,
      partitions: connector.partitions.map((partition) => ({
        name: partition.name || partition.dn,
        dn: partition.dn,
        selected: partition.selected,
        containerInclusions: partition.containerInclusions,
        containerExclusions: partition.containerExclusions,
      })),
    }));
}

/** OU filtering is on when a domain is left out or a selected domain excludes containers. */
function ouFilteringRow(dirs: readonly ViewDirectory[], connectorsKnown: boolean): ViewRow {
  const label = 'OU filtering';
  if (!connectorsKnown) return notAvailable('ouFiltering', label, 'The connectors could not be read from the sync server.');
  const partitions = dirs.flatMap((dir) => dir.partitions);
  const filtered = partitions.some((p) => !p.selected) || partitions.some((p) => p.selected && p.containerExclusions.length > 0);
  return filtered
    ? { key: 'ouFiltering', label, value: 'Enabled', note: 'Only the selected domains and OUs are synchronized (see Synchronized directories).' }
    : { key: 'ouFiltering', label, value: 'Disabled', note: 'All domains and OUs are synchronized.' };
}

function syncSettingRows(
  settings: Record<string, string> | null,
  dirs: readonly ViewDirectory[],
  connectorsKnown: boolean,
  groupFiltering: boolean | null,
  deletionThreshold: ServerState['exportDeletionThreshold'],
): ViewRow[] {
  const unreadable = 'The global settings could not be read from the sync server.';
  const notSet = 'Not set in the global settings.';
  const setting = (name: string): string | undefined => settings?.[name];
  return [
    row('sourceAnchor', 'Source anchor', setting('Microsoft.SynchronizationOption.AnchorAttribute'), settings === null ? unreadable : notSet),
    row('userPrincipalName', 'User principal name', setting('Microsoft.SynchronizationOption.UPNAttribute'), settings === null ? unreadable : notSet),
    ouFilteringRow(dirs, connectorsKnown),
    row('groupFiltering', 'Group filtering', groupFiltering === null ? undefined : enabledText(groupFiltering), unreadable),
    row(
      'exportDeletionThreshold',
      'Prevent accidental deletes',
      deletionThreshold === null
        ? undefined
        : deletionThreshold.enabled
          ? `Enabled (${deletionThreshold.threshold ?? '?'} objects)`
          : 'Disabled',
      'Could not be read from the sync server.',
    ),
  ];
}

function features(settings: Record<string, string> | null, input: ViewInput, strings: ViewStrings): ViewFeature[] {
  const derived = settings === null ? null : deriveFeatures(settings, input.summary?.connectors ?? []);
  const company = input.state.features;
  return viewFeatureKeys.map((key) => {
    const label = featureLabels[key].replace('Azure AD', strings.cloudDirectory);
    let enabled: boolean | null = derived === null ? null : derived[key];
    // Password hash sync is recorded on the tenant side (Get-ADSyncAADCompanyFeature) as well.
    if (key === 'passwordHashSync' && company?.passwordHashSync !== null && company?.passwordHashSync !== undefined) {
      enabled = (enabled ?? false) || company.passwordHashSync;
    }
    // Without the export the AD connector's own password hash sync setting is unknown yet: "Disabled" could be wrong.
    if (key === 'passwordHashSync' && input.summaryPending && enabled !== true) enabled = null;
    return { key, label, enabled };
  });
}

function lastRunOf(state: ServerState): ViewLastRun | null {
  const run = lastRun(state.lastRuns);
  return run === undefined
    ? null
    : { connectorName: run.connectorName, runProfileName: run.runProfileName, result: run.result, endUtc: run.endDate ?? run.startDate };
}

const sectionNames: Readonly<Record<string, string>> = {
  scheduler: 'scheduler',
  staging: 'staging mode',
  connectors: 'connectors',
  globalSettings: 'global settings',
  features: 'optional features',
  autoUpgrade: 'auto upgrade setting',
  exportDeletionThreshold: 'export deletion threshold',
  lastRuns: 'run history',
};

/** The page's sections from what the server said; nothing here calls anything. */
export function buildConfigurationView(input: ViewInput, strings: ViewStrings): ConfigurationView {
  const settings = settingsRecord(input.state);
  const featureList = features(settings, input, strings);
  const dirs = directories(input);
  const connectorsKnown = input.state.connectors !== null || input.summary !== null;
  const groupFiltering =
    settings === null ? null : (settings['Microsoft.OptionalFeature.GroupFiltering'] ?? '').trim().toLowerCase() === 'true';
  const warnings = input.state.sectionErrors.map(
    (failure) => `The ${sectionNames[failure.section] ?? failure.section} could not be read: ${failure.error.message}`,
  );
  if (input.summary === null && !input.summaryPending) {
    warnings.push(
      `The connector accounts could not be read from the server's configuration export${input.summaryError ? `: ${input.summaryError}` : '.'}`,
    );
  }
  return {
    readAt: input.readAt,
    general: generalRows(input, strings),
    directories: dirs,
    syncSettings: syncSettingRows(settings, dirs, connectorsKnown, groupFiltering, input.state.exportDeletionThreshold),
    features: featureList,
    scheduler: input.state.scheduler,
    lastRun: lastRunOf(input.state),
    warnings,
    exportPending: input.summaryPending === true,
  };
}
