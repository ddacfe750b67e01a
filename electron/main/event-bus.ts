import type { EventChannel, EventPayload } from '../../shared/contract';

type EventSink = (event: EventChannel, payload: unknown) => void;

/**
 * Events that are not the answer to one request (sign-in status, sync progress) go to the app window
 * through this bus; the IPC host attaches the window once it exists.
 */
export class EventBus {
  private sink: EventSink | undefined;

  attach(sink: EventSink): void {
    this.sink = sink;
  }

  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void {
    this.sink?.(event, payload);
  }
}
