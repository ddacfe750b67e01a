import { describe, expect, it } from 'vitest';
import { mapGraphFailure } from '../../../electron/clients/graph/graph-errors';

describe('mapGraphFailure', () => {
  it('recognizes the missing usage location of a license assignment', () => {
    const error = mapGraphFailure({
      status: 400,
      code: 'Request_BadRequest',
      message: 'License assignment cannot be done for user with invalid usage location.',
    });
    expect(error.code).toBe('USAGE_LOCATION_MISSING');
    expect(error.detail).toBe('Request_BadRequest: License assignment cannot be done for user with invalid usage location.');
  });

  it('recognizes a product without available licenses', () => {
    const error = mapGraphFailure({
      status: 400,
      code: 'Request_BadRequest',
      message: 'Subscription with SKU 078d2b04-f1bd-4111-bbd4-b4b1b354cef4 does not have any available licenses.',
    });
    expect(error.code).toBe('NOT_ENOUGH_LICENSES');
  });

  it("gives Graph's Authorization_RequestDenied its own code, whatever the message says", () => {
    const error = mapGraphFailure({ status: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    expect(error.code).toBe('ACCESS_DENIED');
    expect(error.message).toContain('lacks a permission');
    expect(error.detail).toBe('Authorization_RequestDenied: Insufficient privileges to complete the operation.');
  });

  it.each([
    [429, 'THROTTLED'],
    [401, 'NOT_SIGNED_IN'],
    [403, 'ACCESS_DENIED'],
    [503, 'GRAPH_UNAVAILABLE'],
    [404, 'GRAPH_ERROR'],
  ] as const)('maps HTTP %i to %s with the Graph message as detail', (status, code) => {
    const error = mapGraphFailure({ status, code: 'SomeCode', message: 'Graph says no.' });
    expect(error.code).toBe(code);
    expect(error.detail).toBe('SomeCode: Graph says no.');
  });
});
