import type { z } from 'zod';
import { AppError } from '../../../shared/core/errors';
import {
  adSyncGroupNameSchema,
  autoUpgradeSchema,
  databaseConfigurationSchema,
  companyFeaturesChangeSchema,
  companyFeaturesSchema,
  connectorListSchema,
  connectorSchema,
  connectorStatisticsListSchema,
  containerListSchema,
  directoryPermissionsSchema,
  exportDeletionThresholdChangeSchema,
  exportDeletionThresholdSchema,
  forestSchema,
  globalSettingChangeSchema,
  nativeWizardStartSchema,
  objectSyncPathSchema,
  passwordSyncStateSchema,
  telemetrySettingSchema,
  singleObjectSyncAvailableSchema,
  singleObjectSyncResultSchema,
  globalSettingsSchema,
  groupMemberListSchema,
  organizationalUnitPageSchema,
  partitionFilterSchema,
  passwordResetChangeSchema,
  passwordResetConfigurationSchema,
  passwordSyncConfigurationChangeSchema,
  passwordSyncConfigurationSchema,
  runListSchema,
  syncProgressSchema,
  schedulerChangeSchema,
  schedulerSchema,
  serverConfigurationExportSchema,
  serverStateSchema,
  sessionInfoSchema,
  stagingModeSchema,
  syncCycleStartSchema,
  syncCycleStopSchema,
  syncRuleListSchema,
  type AdSyncGroupName,
  type AutoUpgrade,
  type DatabaseConfiguration,
  type CompanyFeatures,
  type CompanyFeaturesChange,
  type Connector,
  type ConnectorStatisticsList,
  type Container,
  type DirectoryPermissions,
  type ExportDeletionThreshold,
  type ExportDeletionThresholdChange,
  type Forest,
  type GlobalSettingChange,
  type GlobalSettings,
  type GroupMember,
  type NativeWizardStart,
  type ObjectSyncPath,
  type PasswordSyncState,
  type TelemetrySetting,
  type SingleObjectSyncResult,
  objectRunStepErrorsSchema,
  type ObjectRunStepErrors,
  type OrganizationalUnitPage,
  type OuSearchScope,
  type PartitionFilter,
  type PasswordResetConfiguration,
  type PasswordSyncConfiguration,
  type Run,
  type Scheduler,
  type SchedulerChange,
  type ServerConfigurationExport,
  type ServerState,
  type SessionInfo,
  type StagingMode,
  type SyncCycleStart,
  type SyncProgress,
  type SyncRule,
} from '../../../shared/sync-server';
import type { CallOptions, OperationRunner } from '../powershell/powershell-session';

/** Longer timeouts for the operations that legitimately take long on a big server. */
const SLOW_CALL: CallOptions = { timeoutMs: 300_000 };

export interface OuPageRequest {
  /** DN the search starts at, e.g. the domain's DN or an OU's DN. */
  readonly searchBase: string;
  /** OneLevel (children only, for a lazily expanded tree) or Subtree (everything below). Default OneLevel. */
  readonly scope?: OuSearchScope;
  /** Domain controller or domain to ask (the domain's DNS name for a child domain). */
  readonly server?: string;
  readonly skip?: number;
  /** Page size; default 1000. */
  readonly take?: number;
}

/**
 * The sync server as typed methods, one per operation of the ConnectWizard.Operations module. Every
 * result is validated with zod before it leaves; parameters are validated before they cross.
 */
export class AdSyncClient {
  constructor(private readonly runner: OperationRunner) {}

  /** Everything a page load needs in one round trip; sections that failed are null and listed in sectionErrors. */
  async getServerState(options: { runCount?: number } = {}): Promise<ServerState> {
    return this.call('GetServerState', { runCount: options.runCount ?? 10 }, serverStateSchema);
  }

  async getScheduler(): Promise<Scheduler> {
    return this.call('GetScheduler', {}, schedulerSchema);
  }

  async setScheduler(change: SchedulerChange): Promise<Scheduler> {
    return this.call('SetScheduler', this.input(schedulerChangeSchema, change), schedulerSchema);
  }

  async getStagingMode(): Promise<StagingMode> {
    return this.call('GetStagingMode', {}, stagingModeSchema);
  }

  /** Fails with SYNC_ALREADY_RUNNING while a cycle runs. */
  async startSyncCycle(policyType: 'Delta' | 'Initial' = 'Delta'): Promise<SyncCycleStart> {
    return this.call('StartSyncCycle', { policyType }, syncCycleStartSchema, SLOW_CALL);
  }

  async stopSyncCycle(): Promise<void> {
    await this.call('StopSyncCycle', {}, syncCycleStopSchema);
  }

  async getConnectors(): Promise<Connector[]> {
    return this.call('GetConnectors', {}, connectorListSchema);
  }

  /** Changes the selection and OU inclusion/exclusion lists of partitions of one connector; returns the connector as saved. */
  async setPartitionFilters(connectorName: string, partitions: readonly PartitionFilter[]): Promise<Connector> {
    const checked = partitions.map((partition) => this.input(partitionFilterSchema, partition));
    return this.call('SetPartitionFilters', { connectorName, partitions: checked }, connectorSchema);
  }

  async getGlobalSettings(): Promise<GlobalSettings> {
    return this.call('GetGlobalSettings', {}, globalSettingsSchema);
  }

  async setGlobalSettings(changes: readonly GlobalSettingChange[]): Promise<GlobalSettings> {
    const checked = changes.map((change) => this.input(globalSettingChangeSchema, change));
    return this.call('SetGlobalSettings', { parameters: checked }, globalSettingsSchema);
  }

  async getCompanyFeatures(): Promise<CompanyFeatures> {
    return this.call('GetCompanyFeatures', {}, companyFeaturesSchema);
  }

  async setCompanyFeatures(change: CompanyFeaturesChange): Promise<CompanyFeatures> {
    return this.call('SetCompanyFeatures', this.input(companyFeaturesChangeSchema, change), companyFeaturesSchema);
  }

  /** Password hash synchronization of one AD connector; an unknown connector name fails with POWERSHELL_ERROR. */
  async getPasswordSyncConfiguration(sourceConnector: string): Promise<PasswordSyncConfiguration> {
    return this.call('GetPasswordSyncConfiguration', { sourceConnector }, passwordSyncConfigurationSchema);
  }

  /** Turns password hash synchronization from one AD connector to the Azure AD connector on or off; returns it as saved. */
  async setPasswordSyncConfiguration(sourceConnector: string, targetConnector: string, enable: boolean): Promise<PasswordSyncConfiguration> {
    const change = this.input(passwordSyncConfigurationChangeSchema, { sourceConnector, targetConnector, enable });
    return this.call('SetPasswordSyncConfiguration', change, passwordSyncConfigurationSchema);
  }

  /** Password writeback on the Azure AD connector (its password reset configuration). */
  async getPasswordResetConfiguration(connector: string): Promise<PasswordResetConfiguration> {
    return this.call('GetPasswordResetConfiguration', { connector }, passwordResetConfigurationSchema);
  }

  /**
   * Turns password writeback on or off and returns the configuration as saved. Fails with
   * INTERACTIVE_SIGN_IN_REQUIRED, nothing changed, when the server asks for an Azure AD administrator's
   * credential to onboard password writeback, which only the native wizard's sign-in can give it.
   */
  async setPasswordResetConfiguration(connector: string, enable: boolean): Promise<PasswordResetConfiguration> {
    const answer = await this.call('SetPasswordResetConfiguration', { connector, enable }, passwordResetChangeSchema);
    if (answer.credentialRequired) {
      throw new AppError(
        'INTERACTIVE_SIGN_IN_REQUIRED',
        'The sync server asked for the credentials of an Azure AD administrator to onboard password writeback to the tenant. Only the Azure AD Connect wizard can sign in for it. Nothing was changed.',
      );
    }
    return answer.configuration;
  }

  /** Pending exports per connector; `available` is false where the build has no Get-ADSyncConnectorStatistics. */
  async getConnectorStatistics(): Promise<ConnectorStatisticsList> {
    return this.call('GetConnectorStatistics', {}, connectorStatisticsListSchema, SLOW_CALL);
  }

  /** The containers right under a domain (Users, Computers, Builtin...), which OU queries do not list. */
  async getContainers(request: { readonly searchBase: string; readonly server?: string }): Promise<Container[]> {
    const parameters: Record<string, unknown> = { searchBase: request.searchBase };
    if (request.server !== undefined) parameters.server = request.server;
    return this.call('GetContainers', parameters, containerListSchema, SLOW_CALL);
  }

  /** The access rules on each selected domain root of an AD connector that apply to its account. */
  async getDirectoryPermissions(connectorName: string): Promise<DirectoryPermissions> {
    return this.call('GetDirectoryPermissions', { connectorName }, directoryPermissionsSchema, SLOW_CALL);
  }

  /** Starts AzureADConnect.exe from its installation folder; `started` is false when it is not there. */
  async startNativeWizard(): Promise<NativeWizardStart> {
    return this.call('StartNativeWizard', {}, nativeWizardStartSchema);
  }

  /**
   * The newest runs, newest first; the most recent carry their step counters, except the runs named in
   * `countersKnownFor` (complete runs whose counters the caller has: they never change), whose counters are null.
   */
  async getRunHistory(options: { count?: number; connectorId?: string; countersKnownFor?: readonly string[] } = {}): Promise<Run[]> {
    const parameters: Record<string, unknown> = { count: options.count ?? 50 };
    if (options.connectorId !== undefined) parameters.connectorId = options.connectorId;
    if (options.countersKnownFor !== undefined) parameters.countersKnownFor = options.countersKnownFor;
    return this.call('GetRunHistory', parameters, runListSchema, SLOW_CALL);
  }

  /** While a cycle runs: the scheduler, the busy connectors and the runs started at or after `sinceUtc` or unfinished, in one call. */
  async getSyncProgress(sinceUtc: string, count = 50): Promise<SyncProgress> {
    return this.call('GetSyncProgress', { sinceUtc, count }, syncProgressSchema);
  }

  async getExportDeletionThreshold(): Promise<ExportDeletionThreshold> {
    return this.call('GetExportDeletionThreshold', {}, exportDeletionThresholdSchema);
  }

  async setExportDeletionThreshold(change: ExportDeletionThresholdChange): Promise<ExportDeletionThreshold> {
    return this.call('SetExportDeletionThreshold', this.input(exportDeletionThresholdChangeSchema, change), exportDeletionThresholdSchema, SLOW_CALL);
  }

  async getSyncRules(): Promise<SyncRule[]> {
    return this.call('GetSyncRules', {}, syncRuleListSchema, SLOW_CALL);
  }

  getDatabaseConfiguration(): Promise<DatabaseConfiguration> {
    return this.call('GetDatabaseConfiguration', {}, databaseConfigurationSchema);
  }

  async getAutoUpgrade(): Promise<AutoUpgrade> {
    return this.call('GetAutoUpgrade', {}, autoUpgradeSchema);
  }

  async setAutoUpgrade(state: 'Enabled' | 'Disabled'): Promise<AutoUpgrade> {
    return this.call('SetAutoUpgrade', { state }, autoUpgradeSchema);
  }

  async getGroupMembers(group: AdSyncGroupName): Promise<GroupMember[]> {
    return this.call('GetGroupMembers', { group: this.input(adSyncGroupNameSchema, group) }, groupMemberListSchema);
  }

  /** Fails with MEMBER_EXISTS, PRINCIPAL_NOT_FOUND or GROUP_NOT_FOUND; returns the members afterwards. */
  async addGroupMember(group: AdSyncGroupName, member: string): Promise<GroupMember[]> {
    return this.call('AddGroupMember', { group: this.input(adSyncGroupNameSchema, group), member }, groupMemberListSchema);
  }

  /** Fails with MEMBER_NOT_FOUND or GROUP_NOT_FOUND; returns the members afterwards. */
  async removeGroupMember(group: AdSyncGroupName, member: string): Promise<GroupMember[]> {
    return this.call('RemoveGroupMember', { group: this.input(adSyncGroupNameSchema, group), member }, groupMemberListSchema);
  }

  /** The forest (the computer's, or the named one) and its domains. */
  async getForest(forest?: string): Promise<Forest> {
    return this.call('GetForest', forest === undefined ? {} : { forest }, forestSchema, SLOW_CALL);
  }

  /** One page of OUs under a search base; page on with `skip: page.nextSkip` until it is null. */
  async getOrganizationalUnits(request: OuPageRequest): Promise<OrganizationalUnitPage> {
    const parameters: Record<string, unknown> = {
      searchBase: request.searchBase,
      scope: request.scope ?? 'OneLevel',
      skip: request.skip ?? 0,
      take: request.take ?? 1000,
    };
    if (request.server !== undefined) parameters.server = request.server;
    return this.call('GetOrganizationalUnits', parameters, organizationalUnitPageSchema, SLOW_CALL);
  }

  /** Every OU under a search base, page by page. */
  async *allOrganizationalUnits(request: Omit<OuPageRequest, 'skip'>): AsyncGenerator<OrganizationalUnitPage> {
    let skip: number | null = 0;
    while (skip !== null) {
      const page: OrganizationalUnitPage = await this.getOrganizationalUnits({ ...request, skip });
      yield page;
      skip = page.nextSkip;
    }
  }

  /** Get-ADSyncServerConfiguration into a folder the caller chose (e.g. through a save dialog). */
  async exportServerConfiguration(folder: string): Promise<ServerConfigurationExport> {
    return this.call('ExportServerConfiguration', { path: folder }, serverConfigurationExportSchema, SLOW_CALL);
  }

  /** The PowerShell process behind the client (for diagnostics). */
  /** One object's path from the AD connector space to Azure AD's, by DN or by UPN (resolved with Get-ADUser). */
  async getObjectSyncPath(identity: string, kind: 'dn' | 'upn'): Promise<ObjectSyncPath> {
    return this.call('GetObjectSyncPath', { identity, kind }, objectSyncPathSchema);
  }

  /** What the newest Export run of a connector recorded for one connector-space object in its steps' error XML. */
  async getObjectRunStepErrors(object: { connectorName: string; objectId: string; distinguishedName: string }): Promise<ObjectRunStepErrors> {
    return this.call('GetObjectRunStepErrors', object, objectRunStepErrorsSchema, SLOW_CALL);
  }

  /** Password hash sync per AD connector and the last cycle of each of its partitions. */
  async getPasswordSyncState(): Promise<PasswordSyncState> {
    return this.call('GetPasswordSyncState', {}, passwordSyncStateSchema);
  }

  /** The undocumented telemetry value the Privacy settings task writes, read only, or why it cannot be read. */
  async getTelemetrySetting(): Promise<TelemetrySetting> {
    return this.call('GetTelemetrySetting', {}, telemetrySettingSchema);
  }

  /** Whether the build has Invoke-ADSyncSingleObjectSync (1.6.4.0 and later). */
  async isSingleObjectSyncAvailable(): Promise<boolean> {
    return (await this.call('GetSingleObjectSyncAvailable', {}, singleObjectSyncAvailableSchema)).available;
  }

  /** Synchronizes one object now (Invoke-ADSyncSingleObjectSync -NoHtmlReport); the caller holds the change guard (ChangeService.withSyncCyclesOff). */
  async syncSingleObject(distinguishedName: string): Promise<SingleObjectSyncResult> {
    return this.call('SyncSingleObject', { distinguishedName }, singleObjectSyncResultSchema, SLOW_CALL);
  }

  async getSessionInfo(): Promise<SessionInfo> {
    return this.call('GetSessionInfo', {}, sessionInfoSchema);
  }

  private input<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'The request to the sync server is not valid.', parsed.error.message);
    return parsed.data;
  }

  private async call<T extends z.ZodType>(operation: string, parameters: object, schema: T, options?: CallOptions): Promise<z.output<T>> {
    const value = await this.runner.run(operation, parameters, options);
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw new AppError(
        'INVALID_OUTPUT',
        `The sync server's answer to "${operation}" does not have the expected shape.`,
        parsed.error.message,
      );
    }
    return parsed.data;
  }
}
