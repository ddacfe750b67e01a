import { useCallback, useEffect, useState } from 'react';
import type { AppErrorData, RequestChannel, RequestOf, ResponseOf } from '../../shared/contract';
import { useDesktopApi } from './DesktopApiContext';

export type RequestState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'failed'; readonly error: AppErrorData };

/** Calls a channel when the component mounts (and on reload), tracking loading and errors. */
export function useRequest<C extends RequestChannel>(
  channel: C,
  request: RequestOf<C>,
): { state: RequestState<ResponseOf<C>>; reload: () => void } {
  const api = useDesktopApi();
  const [state, setState] = useState<RequestState<ResponseOf<C>>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const requestKey = JSON.stringify(request);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    const call = api[channel] as (request: RequestOf<C>) => ReturnType<(typeof api)[C]>;
    call(JSON.parse(requestKey) as RequestOf<C>)
      .then((result) => {
        if (!current) return;
        setState(result.ok ? { status: 'done', value: result.value as ResponseOf<C> } : { status: 'failed', error: result.error });
      })
      .catch((error: unknown) => {
        if (current) setState({ status: 'failed', error: { code: 'INTERNAL', message: String(error) } });
      });
    return () => {
      current = false;
    };
  }, [api, channel, requestKey, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { state, reload };
}
