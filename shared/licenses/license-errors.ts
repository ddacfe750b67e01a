/**
 * `licenseAssignmentState.error` in plain words (licensing-at-scale §2.2). Graph writes `null` or `"None"`
 * for a healthy assignment, and once wrote `Others` for `Other` (I1); anything else is shown as it is.
 */
const plainWords: Readonly<Record<string, { readonly reason: string; readonly fix: string }>> = {
  CountViolation: {
    reason: 'Not enough licenses',
    fix: 'Every license of this product is in use. Buy or free licenses, then reprocess the user.',
  },
  MutuallyExclusiveViolation: {
    reason: 'Conflicting service plans',
    fix: 'A service plan of this license cannot be used together with one the user already has. Disable one of them.',
  },
  DependencyViolation: {
    reason: 'Missing dependency',
    fix: "Another license's service plan needs a plan that is being removed. Keep the plan through another assignment, or disable the dependent plan first.",
  },
  ProhibitedInUsageLocationViolation: {
    reason: 'Usage location not allowed',
    fix: "A service of this license is not offered in the user's usage location. Correct the usage location, or remove the user from the group.",
  },
  UniquenessViolation: {
    reason: 'Duplicate proxy address',
    fix: "The user's proxy address is already used by another object of the tenant. Fix the duplicate, then reprocess the user.",
  },
  Other: {
    reason: 'Another license of the group failed',
    fix: "Usually another license from the same group could not be assigned. Check the user's other licenses.",
  },
};

/** The error value with `"None"` and empty read as no error. */
export function normalizeLicenseError(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'none') return null;
  return trimmed === 'Others' ? 'Other' : trimmed;
}

/** "Not enough licenses" for `CountViolation`; an unknown value as Graph wrote it. */
export function licenseErrorReason(error: string): string {
  return plainWords[error]?.reason ?? error;
}

/** What fixes it, in one sentence; empty for an unknown value. */
export function licenseErrorFix(error: string): string {
  return plainWords[error]?.fix ?? '';
}
