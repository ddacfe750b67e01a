import { z } from 'zod';
import { changePlanSchema } from './plan';

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
  /** A failed step the native wizard can do instead: what to open it for (see shared/native-wizard). */
  handOff: z.string().nullable(),
});
export type StepOutcome = z.infer<typeof stepOutcomeSchema>;

export const planOutcomeSchema = z.object({
  planId: z.string(),
  succeeded: z.boolean(),
  steps: z.array(stepOutcomeSchema),
});
export type PlanOutcome = z.infer<typeof planOutcomeSchema>;

/**
 * A change plan that stopped (the app crashed, was killed, or could not restore the scheduler) while it
 * had scheduled cycles turned off, and that nobody is running any more. No plan starts until it is restored.
 */
export const interruptedPlanSchema = z.object({
  planId: z.string(),
  startedAtUtc: z.string(),
  /** What SyncCycleEnabled is put back to. */
  syncCycleWasEnabled: z.boolean(),
  /** Why the last restore failed, in words; null when it was not tried yet in this session. */
  problem: z.string().nullable(),
});
export type InterruptedPlan = z.infer<typeof interruptedPlanSchema>;
