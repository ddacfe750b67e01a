import { z } from 'zod';
import { changeBaselineSchema } from '../changes/baseline';
import { changeDraftSchema } from '../changes/draft';
import { changePlanSchema } from '../changes/plan';
import { requestSpec } from './define';

const noParams = z.object({}).strict();

/** A plan main computed and keeps under its id until it is applied (at most once). */
export const preparedPlanSchema = changePlanSchema.extend({ planId: z.string() });
export type PreparedPlan = z.infer<typeof preparedPlanSchema>;

export const stepStatuses = ['pending', 'running', 'succeeded', 'failed', 'skipped', 'warning'] as const;
export const stepStatusSchema = z.enum(stepStatuses);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const stepOutcomeSchema = z.object({
  stepId: z.string(),
  title: z.string(),
  status: stepStatusSchema,
  /** What happened, in words for the administrator (e.g. why a step failed or was skipped). */
  message: z.string().nullable(),
});
export type StepOutcome = z.infer<typeof stepOutcomeSchema>;

export const planOutcomeSchema = z.object({
  planId: z.string(),
  succeeded: z.boolean(),
  steps: z.array(stepOutcomeSchema),
});
export type PlanOutcome = z.infer<typeof planOutcomeSchema>;

export const stagingStateSchema = z.object({ enabled: z.boolean(), syncCycleInProgress: z.boolean() });
export type StagingState = z.infer<typeof stagingStateSchema>;

export const organizationalUnitsSchema = z.object({
  partitionDn: z.string(),
  ous: z.array(z.object({ name: z.string(), dn: z.string() })),
});
export type OrganizationalUnits = z.infer<typeof organizationalUnitsSchema>;

export const forestAccountRequestSchema = z
  .object({
    forest: z.string().min(1).max(256),
    option: z.enum(['create', 'existing']),
    username: z.string().max(512),
    password: z.string().max(1024),
  })
  .strict();

/** The AD forest account dialog's answer: accepted, or the field at fault and the native message. */
export const forestAccountAnswerSchema = z.object({
  accepted: z.boolean(),
  field: z.enum(['forest', 'username', 'password']).nullable(),
  message: z.string().nullable(),
});
export type ForestAccountAnswer = z.infer<typeof forestAccountAnswerSchema>;

/** Request channels of the changes area: read the baseline, plan a draft, apply the plan. */
export const changesChannels = {
  'changes:get-baseline': requestSpec(noParams, changeBaselineSchema),
  'changes:get-staging-state': requestSpec(noParams, stagingStateSchema),
  'changes:get-organizational-units': requestSpec(
    z.object({ connectorName: z.string().min(1).max(256), partitionDn: z.string().min(1).max(2048) }).strict(),
    organizationalUnitsSchema,
  ),
  'changes:validate-forest-account': requestSpec(forestAccountRequestSchema, forestAccountAnswerSchema),
  'changes:prepare-plan': requestSpec(z.object({ draft: changeDraftSchema }).strict(), preparedPlanSchema),
  'changes:apply-plan': requestSpec(z.object({ planId: z.string().min(1).max(100) }).strict(), planOutcomeSchema),
} as const;

/** Events main pushes in the changes area: each step's progress while a plan runs. */
export const changesEvents = {
  'changes:plan-progress': z.object({ planId: z.string(), stepId: z.string(), status: stepStatusSchema, message: z.string().nullable() }),
} as const satisfies Record<string, z.ZodType>;
