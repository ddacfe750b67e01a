import { z } from 'zod';
import { psArray, psBoolean, psDate, psInteger, psText } from './ps-values';

/*
 * Connector-space and metaverse objects (Get-ADSyncCSObject, Get-ADSyncMVObject) and password hash sync
 * state (Get-ADSyncPartitionPasswordSyncState, Get-ADSyncCSObjectLog), as the operations module projects
 * them: real-server-tasks.md §5.1-§5.2, adsync-powershell.md §5.3.
 */

export const objectAttributeSchema = z.object({ name: z.string(), values: psArray(psText) });

/** A connector-space object's ExportError (an Azure AD export that failed). */
export const csExportErrorSchema = z.object({
  errorType: z.string().nullable(),
  errorName: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorLiteral: z.string().nullable(),
  errorExtraDetails: z.string().nullable(),
  retryCount: psInteger.nullable(),
  initialOccurrence: psDate.nullable(),
  latestOccurrence: psDate.nullable(),
});

/** A connector-space object's SynchronizationError (a sync rule or an import that failed for it). */
export const csSyncErrorSchema = z.object({
  errorType: z.string().nullable(),
  synchronizationStep: z.string().nullable(),
  stackTrace: z.string().nullable(),
  retryCount: psInteger.nullable(),
  latestOccurrence: psDate.nullable(),
});

export const csObjectSchema = z.object({
  objectId: z.string(),
  connectorId: z.string().nullable(),
  connectorName: z.string(),
  distinguishedName: z.string(),
  objectType: z.string().nullable(),
  isTransient: psBoolean,
  isPlaceHolder: psBoolean,
  isConnector: psBoolean,
  hasSyncError: psBoolean,
  hasExportError: psBoolean,
  exportError: csExportErrorSchema.nullable(),
  synchronizationError: csSyncErrorSchema.nullable(),
  connectedMvObjectId: z.string().nullable(),
  attributes: psArray(objectAttributeSchema),
});
export type CsObject = z.infer<typeof csObjectSchema>;

export const mvObjectSchema = z.object({
  objectId: z.string(),
  lineage: psArray(z.object({ connectorName: z.string(), connectorId: z.string().nullable(), connectedCsObjectDn: z.string().nullable() })),
  attributes: psArray(objectAttributeSchema),
});
export type MvObject = z.infer<typeof mvObjectSchema>;

/** A user's last password sync entry (Get-ADSyncCSObjectLog). */
export const passwordSyncLogEntrySchema = z.object({
  type: z.string().nullable(),
  status: z.string().nullable(),
  details: z.string().nullable(),
  timeStamp: psDate.nullable(),
});
export type PasswordSyncLogEntry = z.infer<typeof passwordSyncLogEntrySchema>;

/** One object's path: the AD connector-space objects, the metaverse object, the Azure AD connector-space object. */
export const objectSyncPathSchema = z.object({
  /** The DN looked up: as given, or the one the UPN resolved to; null when the UPN matched no single user. */
  distinguishedName: z.string().nullable(),
  upnLookup: z.object({ count: z.number().int(), distinguishedNames: psArray(z.string()) }).nullable(),
  adObjects: psArray(csObjectSchema),
  mvObject: mvObjectSchema.nullable(),
  aadObject: csObjectSchema.nullable(),
  passwordSyncLog: passwordSyncLogEntrySchema.nullable(),
  /** Whether the build has Get-ADSyncCSObjectLog. */
  passwordSyncLogAvailable: psBoolean,
});
export type ObjectSyncPath = z.infer<typeof objectSyncPathSchema>;

/** Password hash sync per AD connector: configured or not, and the last cycles of each partition. */
export const passwordSyncStateSchema = z.object({
  connectors: psArray(
    z.object({
      connectorName: z.string(),
      enabled: psBoolean,
      partitions: psArray(
        z.object({
          dn: z.string(),
          lastSuccessfulStart: psDate.nullable(),
          lastSuccessfulEnd: psDate.nullable(),
          lastCycleStart: psDate.nullable(),
          lastCycleEnd: psDate.nullable(),
          lastCycleStatus: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type PasswordSyncState = z.infer<typeof passwordSyncStateSchema>;

/** The undocumented ApplicationTelemetry registry value (real-server-tasks.md §1.1), or why it cannot be read. */
export const telemetrySettingSchema = z.object({ readable: psBoolean, value: z.string().nullable(), reason: z.string().nullable() });
export type TelemetrySetting = z.infer<typeof telemetrySettingSchema>;

/** One object's entry in a run step's SyncErrors.SyncErrorsXml (export-error or import-error; real-server-tasks.md §5.4). Values are the XML's text, data only. */
export const runStepObjectErrorSchema = z.object({
  kind: z.enum(['export-error', 'import-error']),
  csGuid: z.string().nullable(),
  dn: z.string().nullable(),
  errorType: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorLiteral: z.string().nullable(),
  serverErrorDetail: z.string().nullable(),
  extraErrorDetails: z.string().nullable(),
  retryCount: psInteger.nullable(),
  dateOccurred: z.string().nullable(),
  firstOccurred: z.string().nullable(),
});
export type RunStepObjectError = z.infer<typeof runStepObjectErrorSchema>;

/** The newest complete Export run of one connector (Get-ADSyncRunProfileResult -RunStepDetails) and its errors for one object. */
export const objectRunStepErrorsSchema = z.object({
  run: z
    .object({
      runHistoryId: z.string().nullable(),
      connectorName: z.string().nullable(),
      runProfileName: z.string().nullable(),
      runNumber: psInteger.nullable(),
      result: z.string().nullable(),
      stepResult: z.string().nullable(),
      startDate: psDate.nullable(),
      endDate: psDate.nullable(),
      exportFailures: psInteger,
    })
    .nullable(),
  errors: psArray(runStepObjectErrorSchema),
  /** Steps whose error XML could not be read (not well-formed, or with a DTD). */
  unreadableSteps: psInteger,
});
export type ObjectRunStepErrors = z.infer<typeof objectRunStepErrorsSchema>;

/** Whether this server has Invoke-ADSyncSingleObjectSync (builds 1.6.4.0 and later). */
export const singleObjectSyncAvailableSchema = z.object({ available: psBoolean });

/** Invoke-ADSyncSingleObjectSync's answer (its compressed JSON, real-server-tasks.md §5.3), as projected. */
export const singleObjectSyncResultSchema = z.object({
  action: z.string().nullable(),
  status: z.string().nullable(),
  errorCode: z.string().nullable(),
  reason: z.string().nullable(),
  recommendedAction: z.string().nullable(),
  steps: psArray(z.object({ name: z.string().nullable(), type: z.string().nullable(), status: z.string().nullable(), description: z.string().nullable() })),
});
export type SingleObjectSyncResult = z.infer<typeof singleObjectSyncResultSchema>;
