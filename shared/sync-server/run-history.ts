import { z } from 'zod';
import { psArray, psBoolean, psDate, psInteger, psText } from './ps-values';
import { schedulerSchema } from './scheduler';

export const runSchema = z.object({
  runHistoryId: z.string().nullable(),
  connectorId: z.string().nullable(),
  connectorName: z.string().nullable(),
  runProfileId: z.string().nullable(),
  runProfileName: z.string().nullable(),
  runNumber: psInteger.nullable(),
  username: z.string().nullable(),
  isRunComplete: psBoolean,
  /** e.g. success, completed-sync-errors, stopped-deletion-threshold-exceeded, no-start-connection. */
  result: psText.nullable(),
  currentStepNumber: psInteger.nullable(),
  totalSteps: psInteger.nullable(),
  startDate: psDate.nullable(),
  endDate: psDate.nullable(),
  /** The run's step counters by their ADSync names (StageAdd, ExportUpdate, FlowFailure...); null when not read. */
  counters: z.record(z.string(), psInteger).nullish().transform((value) => value ?? null),
});
export type Run = z.infer<typeof runSchema>;
export const runListSchema = psArray(runSchema);

/** One poll while a cycle runs: the scheduler, the connectors busy now, and the runs new or unfinished since a time. */
export const syncProgressSchema = z.object({
  scheduler: schedulerSchema,
  busyConnectors: psArray(z.string()),
  runs: runListSchema,
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;
