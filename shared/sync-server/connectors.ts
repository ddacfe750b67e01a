import { z } from 'zod';
import { psArray, psBoolean, psDate, psInteger, psText } from './ps-values';

export const partitionSchema = z.object({
  identifier: z.string().nullable(),
  dn: z.string().nullable(),
  name: z.string().nullable(),
  selected: psBoolean,
  isDomain: psBoolean,
  containerInclusions: psArray(z.string()),
  containerExclusions: psArray(z.string()),
  objectClasses: psArray(z.string()),
});

export const connectorSchema = z.object({
  identifier: z.string().nullable(),
  name: z.string().nullable(),
  type: psText.nullable(),
  subtype: z.string().nullable(),
  connectorTypeName: z.string().nullable(),
  description: z.string().nullable(),
  listName: z.string().nullable(),
  companyName: z.string().nullable(),
  creationTime: psDate.nullable(),
  lastModificationTime: psDate.nullable(),
  partitions: psArray(partitionSchema),
  runProfiles: psArray(z.string()),
});
export type Connector = z.infer<typeof connectorSchema>;
export const connectorListSchema = psArray(connectorSchema);

const dnSchema = z.string().min(1).max(2048);

/**
 * The domain and OU filter of one partition (the `selected` flag and the container lists of a
 * partition above): what SetPartitionFilters writes, and what the change draft, the plan step and the
 * change baseline carry, field for field.
 */
export const partitionFilterSchema = z
  .object({
    dn: dnSchema,
    selected: z.boolean(),
    containerInclusions: z.array(dnSchema).max(100_000),
    containerExclusions: z.array(dnSchema).max(100_000),
  })
  .strict();
export type PartitionFilter = z.infer<typeof partitionFilterSchema>;

/** Pending exports and imports of one connector (Get-ADSyncConnectorStatistics). */
export const connectorStatisticsSchema = z.object({
  connectorName: z.string(),
  exportAdds: psInteger.nullable(),
  exportUpdates: psInteger.nullable(),
  exportDeletes: psInteger.nullable(),
  importAdds: psInteger.nullable(),
  importUpdates: psInteger.nullable(),
  importDeletes: psInteger.nullable(),
  totalConnectors: psInteger.nullable(),
});

/** Every connector's statistics; `available` is false on builds without Get-ADSyncConnectorStatistics. */
export const connectorStatisticsListSchema = z.object({
  available: psBoolean,
  connectors: psArray(connectorStatisticsSchema),
});
export type ConnectorStatisticsList = z.infer<typeof connectorStatisticsListSchema>;
