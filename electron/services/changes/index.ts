export { recoverInterruptedPlan } from './recover';
