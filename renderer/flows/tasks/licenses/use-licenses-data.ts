import { useCallback, useEffect, useState } from 'react';
import type { AppErrorData } from '../../../../shared/core/errors';
import type { LicensedGroup, LicenseErrorList } from '../../../../shared/licenses/groups';
import { appendPage, firstListing, type UsersListing } from '../../../../shared/licenses/user-pages';
import type { SubscribedSku } from '../../../../shared/licenses/skus-and-users';
import type { ConnectApi } from '../../../../shared/contract';
import { useDesktopApi } from '../../../desktop-api/DesktopApiContext';

export interface SkusState {
  readonly skus: readonly SubscribedSku[] | null;
  readonly error: AppErrorData | null;
  readonly reload: () => void;
  readonly replace: (skus: readonly SubscribedSku[]) => void;
}

/** The tenant's subscriptions, read when the page opens and on reload; `replace` takes a fresher list. */
export function useSkus(): SkusState {
  const api = useDesktopApi();
  const [skus, setSkus] = useState<readonly SubscribedSku[] | null>(null);
  const [failure, setFailure] = useState<{ generation: number; error: AppErrorData } | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    void api['licenses:list-skus']({}).then((result) => {
      if (!current) return;
      if (result.ok) setSkus(result.value.skus);
      else setFailure({ generation, error: result.error });
    });
    return () => {
      current = false;
    };
  }, [api, generation]);

  return {
    skus,
    error: failure?.generation === generation ? failure.error : null,
    reload: useCallback(() => setGeneration((value) => value + 1), []),
    replace: setSkus,
  };
}

export interface UsersState {
  /** The last listing read (kept on screen while the next one loads). */
  readonly list: UsersListing | null;
  readonly loading: boolean;
  readonly error: AppErrorData | null;
  /** Appends the next page of the listing. */
  readonly loadMore: () => void;
  /** Reads the listing again from the start, as many pages as were shown. */
  readonly reload: () => void;
  /** Repeats what failed: the next page, or the whole read. */
  readonly retry: () => void;
}

type ListUsers = ConnectApi['licenses:list-users'];
type ReadOutcome = { ok: true; listing: UsersListing } | { ok: false; error: AppErrorData };

/** The first page for the search, then the next ones until `pages` are read (or there are no more). */
async function readPages(listUsers: ListUsers, query: string, pages: number): Promise<ReadOutcome> {
  const first = await listUsers(query === '' ? {} : { search: query });
  if (!first.ok) return first;
  let listing = firstListing(first.value);
  while (listing.pages < pages && listing.nextPageToken !== undefined) {
    const next = await listUsers({ pageToken: listing.nextPageToken });
    if (!next.ok) return next;
    listing = appendPage(listing, next.value);
  }
  return { ok: true, listing };
}

interface UsersAnswer {
  readonly key: string;
  readonly listing: UsersListing | null;
  readonly error: AppErrorData | null;
  /** Which read failed: "Try again" repeats it. */
  readonly failed?: 'read' | 'more';
}

/**
 * The synchronized users matching the search text, one page at a time: a new search starts again at
 * the first page; "Load more" appends the page after the last one (main keeps Graph's link behind
 * an opaque token); a reload reads as many pages again.
 */
export function useSyncedUsers(search: string): UsersState {
  const api = useDesktopApi();
  const query = search.trim();
  const [reading, setReading] = useState({ generation: 0, query, pages: 1 });
  const [answer, setAnswer] = useState<UsersAnswer | null>(null);
  const [moreFor, setMoreFor] = useState<string | null>(null);
  const key = `${reading.generation}|${query}`;
  // A reload keeps the pages shown; another search starts at one page.
  const pages = reading.query === query ? reading.pages : 1;

  useEffect(() => {
    let current = true;
    void readPages((request) => api['licenses:list-users'](request), query, pages).then((outcome) => {
      if (!current) return;
      setAnswer((previous) =>
        outcome.ok
          ? { key, listing: outcome.listing, error: null }
          : { key, listing: previous?.listing ?? null, error: outcome.error, failed: 'read' },
      );
    });
    return () => {
      current = false;
    };
    // `pages` changes only with the key (a reload or another search), never when loading more.
  }, [api, query, pages, key]);

  const listing = answer?.key === key ? answer.listing : null;
  const loadMore = useCallback(() => {
    const token = listing?.nextPageToken;
    if (!listing || token === undefined || moreFor === key) return;
    setMoreFor(key);
    void api['licenses:list-users']({ pageToken: token }).then((result) => {
      setMoreFor((current) => (current === key ? null : current));
      setAnswer((previous) => {
        // A newer read (another search, a reload) replaced this listing: its next page is not wanted.
        if (previous?.key !== key || previous.listing !== listing) return previous;
        return result.ok
          ? { key, listing: appendPage(listing, result.value), error: null }
          : { ...previous, error: result.error, failed: 'more' };
      });
    });
  }, [api, listing, key, moreFor]);

  const reload = useCallback(
    () => setReading((previous) => ({ generation: previous.generation + 1, query, pages: listing?.pages ?? 1 })),
    [query, listing],
  );

  return {
    list: answer?.listing ?? null,
    loading: answer?.key !== key || moreFor === key,
    error: answer?.key === key ? answer.error : null,
    loadMore,
    reload,
    retry: answer?.key === key && answer.failed === 'more' ? loadMore : reload,
  };
}

export interface GroupsState {
  readonly groups: readonly LicensedGroup[] | null;
  readonly totalCount?: number;
  readonly loading: boolean;
  readonly error: AppErrorData | null;
  readonly hasMore: boolean;
  readonly loadMore: () => void;
  readonly reload: () => void;
  /** Puts a fresher copy of one group in the list (after a change, while it is processed). */
  readonly replace: (group: LicensedGroup) => void;
}

interface GroupsListing {
  readonly key: string;
  readonly groups: readonly LicensedGroup[];
  readonly totalCount?: number;
  readonly nextPageToken?: string;
}

/** The groups that can hold licenses, matching the search, one page at a time ("Load more"). */
export function useGroups(search: string): GroupsState {
  const api = useDesktopApi();
  const query = search.trim();
  const [generation, setGeneration] = useState(0);
  const key = `${generation}|${query}`;
  const [listing, setListing] = useState<GroupsListing | null>(null);
  const [failure, setFailure] = useState<{ key: string; error: AppErrorData } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    let current = true;
    void api['licenses:list-groups'](query === '' ? {} : { search: query }).then((result) => {
      if (!current) return;
      if (!result.ok) {
        setFailure({ key, error: result.error });
        return;
      }
      setFailure(null);
      setListing({
        key,
        groups: result.value.groups,
        ...(result.value.totalCount === undefined ? {} : { totalCount: result.value.totalCount }),
        ...(result.value.nextPageToken === undefined ? {} : { nextPageToken: result.value.nextPageToken }),
      });
    });
    return () => {
      current = false;
    };
  }, [api, query, key]);

  const loadMore = useCallback(() => {
    const token = listing?.nextPageToken;
    if (!listing || token === undefined || loadingMore) return;
    setLoadingMore(true);
    void api['licenses:list-groups']({ pageToken: token }).then((result) => {
      setLoadingMore(false);
      if (!result.ok) {
        setFailure({ key: listing.key, error: result.error });
        return;
      }
      setListing((previous) => {
        if (previous !== listing) return previous;
        const known = new Set(previous.groups.map((group) => group.id));
        return {
          key: previous.key,
          groups: [...previous.groups, ...result.value.groups.filter((group) => !known.has(group.id))],
          ...(previous.totalCount === undefined ? {} : { totalCount: previous.totalCount }),
          ...(result.value.nextPageToken === undefined ? {} : { nextPageToken: result.value.nextPageToken }),
        };
      });
    });
  }, [api, listing, loadingMore]);

  return {
    groups: listing?.groups ?? null,
    ...(listing?.totalCount === undefined ? {} : { totalCount: listing.totalCount }),
    loading: listing?.key !== key || loadingMore,
    error: failure?.key === key || failure?.key === listing?.key ? (failure?.error ?? null) : null,
    hasMore: listing?.nextPageToken !== undefined,
    loadMore,
    reload: useCallback(() => setGeneration((value) => value + 1), []),
    replace: useCallback(
      (group: LicensedGroup) =>
        setListing((previous) => (previous ? { ...previous, groups: previous.groups.map((candidate) => (candidate.id === group.id ? group : candidate)) } : previous)),
      [],
    ),
  };
}

export interface LicenseErrorsState {
  readonly list: LicenseErrorList | null;
  readonly loading: boolean;
  readonly error: AppErrorData | null;
  readonly reload: () => void;
}

/** A group's members in license error (a group id), or the tenant's users with license errors ('tenant'); null reads nothing. */
export function useLicenseErrors(scope: string | null): LicenseErrorsState {
  const api = useDesktopApi();
  const [generation, setGeneration] = useState(0);
  const key = `${generation}|${scope ?? ''}`;
  const [answer, setAnswer] = useState<{ key: string; list: LicenseErrorList | null; error: AppErrorData | null } | null>(null);

  useEffect(() => {
    if (scope === null) return;
    let current = true;
    const request = scope === 'tenant' ? api['licenses:users-with-errors']({}) : api['licenses:group-errors']({ groupId: scope });
    void request.then((result) => {
      if (!current) return;
      setAnswer(result.ok ? { key, list: result.value, error: null } : { key, list: null, error: result.error });
    });
    return () => {
      current = false;
    };
  }, [api, scope, key]);

  return {
    list: answer?.key === key ? answer.list : null,
    loading: scope !== null && answer?.key !== key,
    error: answer?.key === key ? answer.error : null,
    reload: useCallback(() => setGeneration((value) => value + 1), []),
  };
}
