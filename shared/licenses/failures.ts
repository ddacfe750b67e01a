import type { AppErrorData } from '../core/errors';
import { missingLicenseRoleMessage } from './roles';

/** The Graph client retried 429/503 itself and gave up: Graph is busy, a later try may work. */
export function isGraphBusy(error: AppErrorData): boolean {
  return error.code === 'THROTTLED' || error.code === 'GRAPH_UNAVAILABLE';
}

/**
 * Graph refused the change with 403 (Authorization_RequestDenied): the signed-in account's roles do
 * not allow assigning licenses or setting a usage location.
 */
export function isMissingLicenseRole(error: AppErrorData): boolean {
  return error.code === 'ACCESS_DENIED';
}

/**
 * Failures that would repeat for every remaining user: the batch stops there instead of sending the
 * same refused request again and again.
 */
export function stopsTheBatch(error: AppErrorData): boolean {
  return (
    isMissingLicenseRole(error) ||
    isGraphBusy(error) ||
    error.code === 'NOT_SIGNED_IN' ||
    error.code === 'NETWORK_UNREACHABLE' ||
    error.code === 'NOT_ENOUGH_LICENSES'
  );
}

/** The reason shown next to a user whose change failed. */
export function failureReason(error: AppErrorData): string {
  if (isMissingLicenseRole(error)) return missingLicenseRoleMessage;
  if (isGraphBusy(error)) return 'Microsoft Graph is still busy after several retries. Try again in a few minutes.';
  if (error.code === 'USAGE_LOCATION_MISSING') {
    return 'The user has no usage location, and the license cannot be assigned without one. Choose a country and try again.';
  }
  return error.message;
}
