import { createContext, useContext, type ReactNode } from 'react';
import type { ConnectApi } from '../../shared/contract';

const DesktopApiContext = createContext<ConnectApi | null>(null);

/** Gives pages the typed API to main; tests may pass another implementation. */
export function DesktopApiProvider({ api, children }: { api: ConnectApi; children: ReactNode }): JSX.Element {
  return <DesktopApiContext.Provider value={api}>{children}</DesktopApiContext.Provider>;
}

export function useDesktopApi(): ConnectApi {
  const api = useContext(DesktopApiContext);
  if (!api) throw new Error('useDesktopApi must be used inside a DesktopApiProvider.');
  return api;
}
