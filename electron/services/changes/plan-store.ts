import { randomUUID } from 'node:crypto';
import type { ChangePlan } from '../../../shared/changes/plan';
import { AppError } from '../../../shared/core/errors';

type PlanStatus = 'ready' | 'applying' | 'applied' | 'discarded';

interface StoredPlan {
  readonly plan: ChangePlan;
  /** The configuration the plan was computed from, to notice when the server changed meanwhile. */
  readonly fingerprint: string;
  status: PlanStatus;
}

/**
 * The plans main computed, by id. A plan is claimed synchronously before any await, so two requests
 * with the same id (a double click) cannot both apply it.
 */
export class PlanStore {
  private readonly plans = new Map<string, StoredPlan>();

  add(plan: ChangePlan, fingerprint: string): string {
    const planId = randomUUID();
    this.plans.set(planId, { plan, fingerprint, status: 'ready' });
    return planId;
  }

  /** Marks the plan as being applied; throws PLAN_ALREADY_APPLIED for a plan applied or being applied. */
  claim(planId: string): { plan: ChangePlan; fingerprint: string } {
    const stored = this.plans.get(planId);
    if (!stored || stored.status === 'discarded') {
      throw new AppError('PLAN_STALE', 'This plan is no longer valid. Go back and select Configure again to make a new one.');
    }
    if (stored.status !== 'ready') {
      throw new AppError('PLAN_ALREADY_APPLIED', 'These changes have already been applied. Nothing was done a second time.');
    }
    stored.status = 'applying';
    return { plan: stored.plan, fingerprint: stored.fingerprint };
  }

  /** Gives an unapplied plan back (e.g. a cycle was running, nothing changed), so Configure can be tried again. */
  release(planId: string): void {
    const stored = this.plans.get(planId);
    if (stored?.status === 'applying') stored.status = 'ready';
  }

  finish(planId: string): void {
    const stored = this.plans.get(planId);
    if (stored) stored.status = 'applied';
  }

  discard(planId: string): void {
    const stored = this.plans.get(planId);
    if (stored) stored.status = 'discarded';
  }
}
