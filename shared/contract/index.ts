import type { z } from 'zod';
import { appChannels } from './app';
import { authChannels, authEvents } from './auth';
import { changesChannels, changesEvents } from './changes';
import { configurationChannels, configurationEvents } from './configuration';
import { licensesChannels, licensesEvents } from './licenses';
import { nativeTasksChannels } from './native-tasks';
import { nativeWizardChannels } from './native-wizard';
import type { Result } from '../core/result';
import { syncAdminsChannels, syncAdminsEvents } from './sync-admins';
import { syncStatusChannels, syncStatusEvents } from './sync-status';
import { troubleshootChannels } from './troubleshoot';

/** Every request channel of the app. Main must handle each; the preload exposes each. */
export const requestChannels = {
  ...appChannels,
  ...authChannels,
  ...changesChannels,
  ...configurationChannels,
  ...licensesChannels,
  ...nativeTasksChannels,
  ...nativeWizardChannels,
  ...syncAdminsChannels,
  ...syncStatusChannels,
  ...troubleshootChannels,
} as const;

/** Every event main may push to the renderer, with its payload schema. */
export const eventChannels = {
  ...authEvents,
  ...changesEvents,
  ...configurationEvents,
  ...licensesEvents,
  ...syncAdminsEvents,
  ...syncStatusEvents,
} as const;

export type RequestChannel = keyof typeof requestChannels;
export type RequestOf<C extends RequestChannel> = z.input<(typeof requestChannels)[C]['request']>;
export type ParsedRequestOf<C extends RequestChannel> = z.output<(typeof requestChannels)[C]['request']>;
export type ResponseOf<C extends RequestChannel> = z.output<(typeof requestChannels)[C]['response']>;

export type EventChannel = keyof typeof eventChannels;
export type EventPayload<E extends EventChannel> = z.output<(typeof eventChannels)[E]>;

export const requestChannelNames = Object.keys(requestChannels) as RequestChannel[];
export const eventChannelNames = Object.keys(eventChannels) as EventChannel[];

/** What the renderer sees as `window.connect`: one function per request channel, and `on` for events. */
export type ConnectApi = {
  readonly [C in RequestChannel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
} & {
  readonly on: <E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};
