import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthStatus } from '../../../shared/auth/auth-status';
import type { AppErrorData } from '../../../shared/core/errors';
import { useDesktopApi } from '../../desktop-api/DesktopApiContext';

type AuthCommand = 'auth:sign-in' | 'auth:sign-in-device-code' | 'auth:cancel-sign-in' | 'auth:sign-out';

export interface AuthStatusState {
  /** Null until main first answered. */
  readonly status: AuthStatus | null;
  /** A request that failed as a request (not a refused sign-in, which is in status.lastError). */
  readonly requestError: AppErrorData | null;
  readonly run: (command: AuthCommand) => void;
  readonly openDeviceCodePage: () => Promise<boolean>;
}

/**
 * The sign-in status from main: read once, then kept current by `auth:status` events. Answers and
 * events may arrive in any order, so the one with the highest revision wins.
 */
export function useAuthStatus(): AuthStatusState {
  const api = useDesktopApi();
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [requestError, setRequestError] = useState<AppErrorData | null>(null);
  const mounted = useRef(true);

  const accept = useCallback((next: AuthStatus) => {
    if (!mounted.current) return;
    setStatus((current) => (current === null || next.revision >= current.revision ? next : current));
  }, []);

  useEffect(() => {
    mounted.current = true;
    const unsubscribe = api.on('auth:status', accept);
    void api['auth:get-status']({}).then((result) => {
      if (result.ok) accept(result.value);
      else if (mounted.current) setRequestError(result.error);
    });
    return () => {
      mounted.current = false;
      unsubscribe();
    };
  }, [api, accept]);

  const run = useCallback(
    (command: AuthCommand) => {
      setRequestError(null);
      void api[command]({}).then((result) => {
        if (result.ok) accept(result.value);
        else if (mounted.current) setRequestError(result.error);
      });
    },
    [api, accept],
  );

  const openDeviceCodePage = useCallback(async () => {
    const result = await api['auth:open-device-code-page']({});
    return result.ok && result.value.opened;
  }, [api]);

  return { status, requestError, run, openDeviceCodePage };
}
