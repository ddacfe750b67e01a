import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { fail } from '../../shared/core/result';
import type { IpcHost } from './host';

/** Electron's ipcMain as an IpcHost: refuses any sender that is not the app's own window. */
export function createElectronIpcHost(ipcMain: IpcMain, isTrusted: (event: IpcMainInvokeEvent) => boolean): IpcHost {
  return {
    handle(channel, handler) {
      ipcMain.handle(channel, async (event, rawRequest: unknown) => {
        if (!isTrusted(event)) {
          return fail({ code: 'FORBIDDEN_SENDER', message: 'This request did not come from the app window.' });
        }
        return handler(rawRequest, {
          emit: (eventChannel, payload) => {
            if (!event.sender.isDestroyed()) event.sender.send(eventChannel, payload);
          },
        });
      });
    },
  };
}
