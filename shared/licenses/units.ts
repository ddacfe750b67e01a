import type { LicensePlan } from './plan';

export interface UnitsCheck {
  /** Licenses the plan would take (users to license, with or without a country chosen yet). */
  readonly needed: number;
  readonly available: number;
  /** How many licenses are missing; 0 when there are enough. */
  readonly shortfall: number;
}

/** Whether the subscription has a free license for every user the plan would license. Changing plans or removing needs none. */
export function checkUnits(plan: LicensePlan, availableUnits: number): UnitsCheck {
  const needed = plan.action === 'assign' ? plan.operations.length + plan.missingUsageLocation.length : 0;
  const available = Math.max(0, availableUnits);
  return { needed, available, shortfall: Math.max(0, needed - available) };
}

/** "7 users need a license of EMS E3 but only 5 are available. Select 2 fewer users, or buy more licenses." */
export function notEnoughUnitsMessage(check: UnitsCheck, productName: string): string {
  const users = check.needed === 1 ? '1 user needs' : `${check.needed} users need`;
  const available = check.available === 0 ? 'none is available' : `only ${check.available} ${check.available === 1 ? 'is' : 'are'} available`;
  const fewer = check.shortfall === 1 ? '1 fewer user' : `${check.shortfall} fewer users`;
  return `${users} a license of ${productName} but ${available}. Select ${fewer}, or add licenses to the subscription first.`;
}
