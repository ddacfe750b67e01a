import { z } from 'zod';
import { passwordSyncDiagnosticsSchema, troubleshootRequestSchema, troubleshootResultSchema } from '../troubleshoot/request';
import { requestSpec } from './define';

/** Troubleshoot: why an object does or does not synchronize, and password hash sync diagnostics. Reads only. */
export const troubleshootChannels = {
  /** Fails with VALIDATION_FAILED when the text is neither a DN nor a UPN. */
  'troubleshoot:object': requestSpec(troubleshootRequestSchema, troubleshootResultSchema),
  'troubleshoot:password-sync': requestSpec(z.object({}).strict(), passwordSyncDiagnosticsSchema),
} as const satisfies Record<string, ReturnType<typeof requestSpec>>;
