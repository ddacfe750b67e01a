import type { EventChannel, EventPayload } from '../../shared/contract';

/** What a handler may do besides answering: push events to the window that asked. */
export interface HandlerContext {
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
}

/** A raw request as it arrives from a transport, before any validation. */
export type RawHandler = (rawRequest: unknown, context: HandlerContext) => Promise<unknown>;

/**
 * The transport-specific part of IPC. Electron's ipcMain is one implementation, the loopback web
 * host of the browser harness another; both check who is calling before invoking a handler.
 */
export interface IpcHost {
  handle(channel: string, handler: RawHandler): void;
}
