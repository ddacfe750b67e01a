import type { ConnectApi } from '../shared/contract';

declare global {
  interface Window {
    readonly connect: ConnectApi;
    /** Fluent UI's global options, read when it loads (fluent/fabric-config.ts). */
    FabricConfig?: Record<string, unknown>;
  }
}
