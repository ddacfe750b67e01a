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

  it('says the other assignLicense rules in plain words, keeping Graph\'s own text', () => {
    const inherited = mapGraphFailure({ status: 400, code: 'Request_BadRequest', message: 'User license is inherited from a group membership and it cannot be removed directly from the user.' });
    expect(inherited.code).toBe('LICENSE_INHERITED');
    const rules: [string, string][] = [
      ['License assignment failed because service plans a, b are mutually exclusive.', 'Conflicting service plans: '],
      ['License assignment failed because service plan a depends on the service plan(s) b.', 'Missing dependency: '],
      ['License assignment failed because the proxy address smtp:x@contoso.com is already being used.', 'Duplicate proxy address: '],
    ];
    for (const [message, prefix] of rules) {
      const error = mapGraphFailure({ status: 400, code: 'Request_BadRequest', message });
      expect(error.code).toBe('GRAPH_ERROR');
      expect(error.message).toBe(`${prefix}${message}`);
    }
  });
});
