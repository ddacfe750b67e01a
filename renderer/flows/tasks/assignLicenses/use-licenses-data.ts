import { useCallback, useEffect, useState } from 'react';
import type { AppErrorData } from '../../../../shared/contract/errors';
import type { SubscribedSku, SyncedUserList } from '../../../../shared/model/licensing';
import { useDesktopApi } from '../../../desktop-api/DesktopApiContext';

/** Users read per "Load more". */
export const userPageSize = 100;

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
  /** The last list read (kept on screen while the next one loads). */
  readonly list: SyncedUserList | null;
  readonly loading: boolean;
  readonly error: AppErrorData | null;
  readonly loadMore: () => void;
  readonly reload: () => void;
}

/**
 * The synchronized users matching the search text, the first `limit` of them; a new search starts
 * again at one page. "Load more" reads again with a higher limit (the Graph client follows the pages).
 */
export function useSyncedUsers(search: string): UsersState {
  const api = useDesktopApi();
  const [paging, setPaging] = useState({ search, limit: userPageSize });
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<{ key: string; list: SyncedUserList | null; error: AppErrorData | null } | null>(null);
  const limit = paging.search === search ? paging.limit : userPageSize;
  const query = search.trim();
  const key = `${query}|${limit}|${generation}`;

  useEffect(() => {
    let current = true;
    void api['licenses:list-users']({ limit, ...(query === '' ? {} : { search: query }) }).then((result) => {
      if (!current) return;
      setAnswer((previous) => (result.ok ? { key, list: result.value, error: null } : { key, list: previous?.list ?? null, error: result.error }));
    });
    return () => {
      current = false;
    };
  }, [api, query, limit, key]);

  return {
    list: answer?.list ?? null,
    loading: answer?.key !== key,
    error: answer?.key === key ? answer.error : null,
    loadMore: useCallback(() => setPaging({ search, limit: limit + userPageSize }), [search, limit]),
    reload: useCallback(() => setGeneration((value) => value + 1), []),
  };
}
