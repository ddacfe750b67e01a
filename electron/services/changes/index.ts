export { ChangeService, type ChangeServiceOptions } from './change-service';
export { executePlan, type ExecutionContext, type PlanClient } from './executor';
export { validateForestAccount, adminAccountNotAllowed, isEnterpriseOrDomainAdmin } from './forest-account';
export { PlanStore } from './plan-store';
export { recoverInterruptedPlan, type RecoveryServices } from './recover';
export { runningMarkerFileName, markerPath } from './running-marker';
