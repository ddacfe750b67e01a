import { AppError } from '../../../shared/core/errors';

/** A Graph error answer as read from the body: status, Graph's code and message. */
export interface GraphFailure {
  status: number;
  code?: string;
  message?: string;
}

/** Turns a Graph error answer into the app's typed error, keeping Graph's own message as detail. */
export function mapGraphFailure(failure: GraphFailure): AppError {
  const detail = [failure.code, failure.message].filter(Boolean).join(': ') || `HTTP ${failure.status}`;
  const message = failure.message ?? '';
  if (/usage location/i.test(message)) {
    return new AppError(
      'USAGE_LOCATION_MISSING',
      'The user has no usage location. Set the usage location (country) before assigning a license.',
      detail,
    );
  }
  if (/(does not have any available licenses|not enough licenses|insufficient licenses|CountViolation)/i.test(message)) {
    return new AppError('NOT_ENOUGH_LICENSES', 'There are not enough available licenses of this product.', detail);
  }
  if (/inherited from a group membership/i.test(message)) {
    return new AppError(
      'LICENSE_INHERITED',
      'The license is inherited from a group and cannot be removed from the user: remove it from the group, or the user from the group.',
      detail,
    );
  }
  // The other business rules of assignLicense (licensing-at-scale §5), said in plain words with Graph's own text.
  const rules: readonly [RegExp, string][] = [
    [/mutually exclusive/i, 'Conflicting service plans'],
    [/depends on the service plan/i, 'Missing dependency'],
    [/proxy address/i, 'Duplicate proxy address'],
    [/not available in usage location/i, 'Usage location not allowed'],
    [/does not correspond to a valid service plan|does not belong to/i, 'The service plan is not part of this license'],
  ];
  const rule = failure.status === 400 ? rules.find(([pattern]) => pattern.test(message)) : undefined;
  if (rule) return new AppError('GRAPH_ERROR', `${rule[1]}: ${message}`, detail);
  if (failure.status === 429) {
    return new AppError('THROTTLED', 'Microsoft Graph is throttling requests. Wait a minute, then try again.', detail);
  }
  if (failure.status === 401) {
    return new AppError('NOT_SIGNED_IN', 'Microsoft Graph did not accept the sign-in. Sign in again.', detail);
  }
  if (failure.status === 403) {
    // Authorization_RequestDenied (a missing role or consented permission), or another 403: the caller may not do this.
    return new AppError(
      'ACCESS_DENIED',
      'Microsoft Graph refused the request: the signed-in account or the app lacks a permission.',
      detail,
    );
  }
  if (failure.status === 503) {
    return new AppError('GRAPH_UNAVAILABLE', 'Microsoft Graph is temporarily unavailable. Try again later.', detail);
  }
  return new AppError('GRAPH_ERROR', `Microsoft Graph answered with an error (HTTP ${failure.status}).`, detail);
}
