import type { ConnectApi } from '../shared/contract';

declare global {
  interface Window {
    readonly connect: ConnectApi;
  }
}
