import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ConnectApi } from '../../shared/contract';
import { eventChannelNameList, requestChannelNameList } from '../../shared/contract/channel-names';
import { exposedApiName } from '../../shared/contract/window-api';

// Names only: main validates every request with the contract's schemas, so the preload stays small and
// loads fast. One function per request channel and nothing else: the page never gets ipcRenderer.
const requestFunctions = Object.fromEntries(
  requestChannelNameList.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
);

const eventNames: ReadonlySet<string> = new Set(eventChannelNameList);

function on(event: string, listener: (payload: unknown) => void): () => void {
  if (!eventNames.has(event)) throw new Error(`Unknown event channel: ${event}`);
  const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
  ipcRenderer.on(event, forward);
  return () => ipcRenderer.off(event, forward);
}

const api = { ...requestFunctions, on } as unknown as ConnectApi;
contextBridge.exposeInMainWorld(exposedApiName, api);
