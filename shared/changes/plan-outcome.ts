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
