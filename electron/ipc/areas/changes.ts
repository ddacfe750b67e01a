import type { changesChannels } from '../../../shared/contract/changes';
import type { ChangeService } from '../../services/changes/change-service';
import type { AreaHandlers } from '../register';

/** The change tasks (Customize synchronization options, Configure staging mode): baseline, plans, apply. */
export function createChangesHandlers(changes: ChangeService): AreaHandlers<typeof changesChannels> {
  return {
    'changes:get-baseline': () => changes.getBaselineForCustomize(),
    'changes:get-staging-state': () => changes.getStagingState(),
    'changes:get-server-mode': () => changes.getServerMode(),
    'changes:get-pending-exports': () => changes.getPendingExports(),
    'changes:get-organizational-units': (request) => changes.getOrganizationalUnits(request.connectorName, request.partitionDn, request.refresh ?? false),
    'changes:validate-forest-account': (request) => changes.validateForestAccount(request),
    'changes:prepare-plan': (request) => changes.prepare(request.draft),
    'changes:apply-plan': (request, context) =>
      changes.apply(request.planId, (stepId, status, message) => context.emit('changes:plan-progress', { planId: request.planId, stepId, status, message })),
    'changes:undo-plan': (request, context) =>
      changes.undo(request.planId, (stepId, status, message) => context.emit('changes:plan-progress', { planId: request.planId, stepId, status, message })),
    'changes:get-interrupted-plan': () => changes.getInterruptedPlan(),
    'changes:restore-scheduler': () => changes.restoreScheduler(),
  };
}
