import type { SyncedUser, SyncedUsersPage } from './skus-and-users';

/** The synchronized users read so far for one search: the first page and those "Load more" appended. */
export interface UsersListing {
  readonly users: readonly SyncedUser[];
  /** The tenant's count of matching users, when Graph said it. */
  readonly totalCount?: number;
  /** Continues the listing; absent once the last page is read. */
  readonly nextPageToken?: string;
  /** Pages read, so that reading the list again reads as many. */
  readonly pages: number;
}

export function firstListing(page: SyncedUsersPage): UsersListing {
  return withPage({ users: [], pages: 0 }, page);
}

/** Appends the next page; a user already listed (the directory changed between pages) is not listed twice. */
export function appendPage(listing: UsersListing, page: SyncedUsersPage): UsersListing {
  return withPage(listing, page);
}

function withPage(listing: UsersListing, page: SyncedUsersPage): UsersListing {
  const known = new Set(listing.users.map((user) => user.id));
  const totalCount = listing.totalCount ?? page.totalCount;
  return {
    users: [...listing.users, ...page.users.filter((user) => !known.has(user.id))],
    ...(totalCount === undefined ? {} : { totalCount }),
    ...(page.nextPageToken === undefined ? {} : { nextPageToken: page.nextPageToken }),
    pages: listing.pages + 1,
  };
}
