import { z } from 'zod';
import { passwordSyncDiagnosticsSchema, syncNowRequestSchema, syncNowResultSchema, troubleshootRequestSchema, troubleshootResultSchema } from '../troubleshoot/request';
import { requestSpec } from './define';

/** Troubleshoot: why an object does or does not synchronize, password hash sync diagnostics (reads), and Sync this object now. */
export const troubleshootChannels = {
  /** Fails with VALIDATION_FAILED when the text is neither a DN nor a UPN. */
  'troubleshoot:object': requestSpec(troubleshootRequestSchema, troubleshootResultSchema),
  'troubleshoot:password-sync': requestSpec(z.object({}).strict(), passwordSyncDiagnosticsSchema),
  /** Changes the server: only when the administrator asks. Fails with SYNC_ALREADY_RUNNING while a cycle runs. */
  'troubleshoot:sync-now': requestSpec(syncNowRequestSchema, syncNowResultSchema),
} as const satisfies Record<string, ReturnType<typeof requestSpec>>;
