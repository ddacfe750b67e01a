/** A Microsoft Graph error: HTTP status, Graph's error code and its message. */
export interface GraphError {
  status: number;
  code: string;
  message: string;
}

const graphError = (status: number, code: string, message: string): GraphError => ({ status, code, message });

export const graphErrors = {
  invalidToken: (message: string) => graphError(401, 'InvalidAuthenticationToken', message),
  accessDenied: () => graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  notFound: (id: string) => graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`),
  segmentNotFound: (segment: string) => graphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
  methodNotAllowed: () => graphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.'),
  badRequest: (message: string) => graphError(400, 'Request_BadRequest', message),
  unsupportedQuery: (message: string) => graphError(400, 'Request_UnsupportedQuery', message),
  unknownProperty: (property: string, resource: 'User' | 'Group' = 'User') =>
    graphError(400, 'Request_BadRequest', `Could not find a property named '${property}' on type 'Microsoft.DirectoryServices.${resource}'.`),
  countNeedsConsistency: () => graphError(400, 'Request_BadRequest', '$count is not currently supported.'),
  searchNeedsConsistency: () =>
    graphError(400, 'Request_BadRequest', "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'"),
  invalidPageSize: (value: string) => graphError(400, 'Request_BadRequest', `Invalid page size specified: '${value}'. Must be between 1 and 999 inclusive.`),
  /** Graph's documented 429 (throttling.md). */
  throttled: () => graphError(429, 'TooManyRequests', 'Please retry again later.'),
  unavailable: () => graphError(503, 'serviceNotAvailable', 'Service is temporarily unavailable. Please try again later.'),
  invalidBody: () => graphError(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'),
  /** `$batch` (json-batching.md, known-issues.md, I4, I5). */
  batchBadRequest: (message: string) => graphError(400, 'BadRequest', message),
} as const;

/**
 * Graph's error JSON: `{"error":{"code","message","innerError":{date,request-id,client-request-id}}}`; a 429
 * carries the documented innerError (`code`, `message`, `status`) too (throttling.md).
 */
export function graphErrorBody(error: GraphError, requestId: string, clientRequestId: string, now: Date): Record<string, unknown> {
  const date = now.toISOString().slice(0, 19);
  const innerError: Record<string, string> =
    error.status === 429
      ? { code: '429', date, message: 'Please retry after', 'request-id': requestId, status: '429', 'client-request-id': clientRequestId }
      : { date, 'request-id': requestId, 'client-request-id': clientRequestId };
  return { error: { code: error.code, message: error.message, innerError } };
}
