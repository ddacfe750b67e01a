import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventChannel, requestChannelNames, type ConnectApi } from '../../shared/contract';
import { exposedApiName } from '../../shared/contract/window-api';

// One function per request channel of the contract and nothing else: the page never gets ipcRenderer.
const requestFunctions = Object.fromEntries(
  requestChannelNames.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
);

function on(event: string, listener: (payload: unknown) => void): () => void {
  if (!isEventChannel(event)) throw new Error(`Unknown event channel: ${event}`);
  const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
  ipcRenderer.on(event, forward);
  return () => ipcRenderer.off(event, forward);
}

const api = { ...requestFunctions, on } as unknown as ConnectApi;
contextBridge.exposeInMainWorld(exposedApiName, api);
