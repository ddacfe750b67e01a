import { z } from 'zod';
import { changeBaselineSchema } from '../changes/baseline';
import { pendingExportsSchema, serverModeSchema, stagingStateSchema } from '../changes/staging';
import { forestAccountAnswerSchema, forestAccountRequestSchema, organizationalUnitsSchema } from '../changes/directories';
import { changeDraftSchema } from '../changes/draft';
import { interruptedPlanSchema, planOutcomeSchema, preparedPlanSchema, stepStatusSchema } from '../changes/plan-outcome';
import { requestSpec } from './define';

const noParams = z.object({}).strict();

/** Request channels of the changes area: read the baseline, plan a draft, apply the plan. */
export const changesChannels = {
  'changes:get-baseline': requestSpec(noParams, changeBaselineSchema),
  'changes:get-staging-state': requestSpec(noParams, stagingStateSchema),
  'changes:get-server-mode': requestSpec(noParams, serverModeSchema),
  'changes:get-pending-exports': requestSpec(noParams, pendingExportsSchema),
  'changes:get-organizational-units': requestSpec(
    // refresh: read again instead of the session's copy (the page's Refresh).
    z.object({ connectorName: z.string().min(1).max(256), partitionDn: z.string().min(1).max(2048), refresh: z.boolean().optional() }).strict(),
    organizationalUnitsSchema,
  ),
  'changes:validate-forest-account': requestSpec(forestAccountRequestSchema, forestAccountAnswerSchema),
  'changes:prepare-plan': requestSpec(z.object({ draft: changeDraftSchema }).strict(), preparedPlanSchema),
  'changes:apply-plan': requestSpec(z.object({ planId: z.string().min(1).max(100) }).strict(), planOutcomeSchema),
  /** After a failed step: the inverse steps back to the plan's baseline (progress as changes:plan-progress with this planId). */
  'changes:undo-plan': requestSpec(z.object({ planId: z.string().min(1).max(100) }).strict(), planOutcomeSchema),
  /** A plan that stopped with scheduled cycles off and nobody running it (Welcome shows it), or null. */
  'changes:get-interrupted-plan': requestSpec(noParams, interruptedPlanSchema.nullable()),
  /** Puts SyncCycleEnabled back as the interrupted plan found it; answers what is still interrupted. */
  'changes:restore-scheduler': requestSpec(noParams, interruptedPlanSchema.nullable()),
} as const;

/** Events main pushes in the changes area: each step's progress while a plan runs. */
export const changesEvents = {
  'changes:plan-progress': z.object({ planId: z.string(), stepId: z.string(), status: stepStatusSchema, message: z.string().nullable() }),
} as const satisfies Record<string, z.ZodType>;
