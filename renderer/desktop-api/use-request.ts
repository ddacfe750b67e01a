import { useCallback, useEffect, useState } from 'react';
import type { RequestChannel, RequestOf, ResponseOf } from '../../shared/contract';
import type { AppErrorData } from '../../shared/core/errors';
import type { Result } from '../../shared/core/result';
import { useDesktopApi } from './DesktopApiContext';

export type RequestState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'failed'; readonly error: AppErrorData };

const loading = { status: 'loading' } as const;

/** Calls a channel when the component mounts (and on reload), tracking loading and errors. */
export function useRequest<C extends RequestChannel>(
  channel: C,
  request: RequestOf<C>,
): { state: RequestState<ResponseOf<C>>; reload: () => void } {
  const api = useDesktopApi();
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<{ key: string; state: RequestState<ResponseOf<C>> } | null>(null);
  const requestJson = JSON.stringify(request);
  const key = `${channel}|${requestJson}|${generation}`;

  useEffect(() => {
    let current = true;
    const call = api[channel] as unknown as (request: unknown) => Promise<Result<ResponseOf<C>>>;
    call(JSON.parse(requestJson))
      .then((result) => {
        if (current) setAnswer({ key, state: result.ok ? { status: 'done', value: result.value } : { status: 'failed', error: result.error } });
      })
      .catch((error: unknown) => {
        if (current) setAnswer({ key, state: { status: 'failed', error: { code: 'INTERNAL', message: String(error) } } });
      });
    return () => {
      current = false;
    };
  }, [api, channel, requestJson, key]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { state: answer?.key === key ? answer.state : loading, reload };
}
