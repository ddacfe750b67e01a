import type { ChangeBaseline } from './baseline';
import type { StepOutcome } from './plan-outcome';
import type { ChangePlan, PlanStep } from './plan';

/*
 * "Undo the applied steps" after a failed step: the inverse of every change step that ran (succeeded, or
 * failed part-way), newest first, each putting back what the baseline read before the plan, inside the
 * same scheduler pattern. Pure, so the steps are known before anything runs.
 */

type ChangeStep = Extract<PlanStep, { kind: 'setPasswordWriteback' | 'setPartitionFilters' | 'setPasswordHashSync' }>;

const isChange = (step: PlanStep): step is ChangeStep =>
  step.kind === 'setPasswordWriteback' || step.kind === 'setPartitionFilters' || step.kind === 'setPasswordHashSync';

function inverse(step: ChangeStep, baseline: ChangeBaseline): ChangeStep | null {
  switch (step.kind) {
    case 'setPasswordWriteback': {
      const enable = baseline.features.passwordWriteback;
      return { ...step, enable, title: `Put password writeback back ${enable ? 'on' : 'off'}`, details: [] };
    }
    case 'setPasswordHashSync': {
      const enable = baseline.features.passwordHashSync;
      return { ...step, enable, title: `Put password hash synchronization back ${enable ? 'on' : 'off'}`, details: [] };
    }
    case 'setPartitionFilters': {
      const directory = baseline.directories.find((candidate) => candidate.connectorName === step.connectorName);
      if (!directory) return null;
      const partitions = step.partitions.flatMap((changed) => directory.partitions.filter((partition) => partition.dn.toLowerCase() === changed.dn.toLowerCase()));
      return { ...step, partitions, title: `Put the domain and OU filtering of ${step.connectorName} back`, details: partitions.map((partition) => `As before in ${partition.dn}`) };
    }
  }
}

/** The plan that undoes what ran of `plan` (per `outcome`), back to `baseline`; no steps when nothing ran. */
export function undoPlan(baseline: ChangeBaseline, plan: ChangePlan, outcome: readonly StepOutcome[]): ChangePlan {
  const ran = (step: PlanStep): boolean => outcome.some((entry) => entry.stepId === step.id && (entry.status === 'succeeded' || entry.status === 'warning' || entry.status === 'failed'));
  const inverses = plan.steps
    .filter(isChange)
    .filter(ran)
    .reverse()
    .flatMap((step) => inverse(step, baseline) ?? []);
  const steps: PlanStep[] =
    inverses.length === 0
      ? []
      : [
          { id: '', kind: 'pauseSyncCycles', title: 'Turn off scheduled synchronization cycles', details: [] },
          ...inverses,
          { id: '', kind: 'restoreSyncCycles', title: 'Restore scheduled synchronization cycles', details: [] },
        ];
  return {
    task: plan.task,
    steps: steps.map((step, index) => ({ ...step, id: `undo-${index + 1}` })),
    changeCount: inverses.length,
    fullSyncRequired: false,
    warnings: [],
  };
}
