import { describe, expect, it } from 'vitest';
import { appendPage, firstListing } from '../../../shared/licenses/user-pages';

const user = (id: string) => ({
  id,
  displayName: `User ${id}`,
  userPrincipalName: `${id}@contoso.com`,
  usageLocation: null,
  assignedSkuIds: [],
  licenseAssignments: [],
  onPremisesLastSyncDateTime: null,
});

describe('user pages', () => {
  it('appends the next page after the users already listed and keeps the first count', () => {
    const first = firstListing({ users: [user('a'), user('b')], totalCount: 3, nextPageToken: 't1' });
    expect(first).toEqual({ users: [user('a'), user('b')], totalCount: 3, nextPageToken: 't1', pages: 1 });
    const second = appendPage(first, { users: [user('c')] });
    expect(second.users.map((listed) => listed.id)).toEqual(['a', 'b', 'c']);
    expect(second).toMatchObject({ totalCount: 3, pages: 2 });
    expect(second.nextPageToken).toBeUndefined();
  });

  it('does not list a user twice when the directory changed between pages', () => {
    const listing = appendPage(firstListing({ users: [user('a'), user('b')], nextPageToken: 't1' }), { users: [user('b'), user('c')], nextPageToken: 't2' });
    expect(listing.users.map((listed) => listed.id)).toEqual(['a', 'b', 'c']);
    expect(listing.nextPageToken).toBe('t2');
  });
});
