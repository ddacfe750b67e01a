import { dialog, type BrowserWindow } from 'electron';
import type { FileDialogs } from './file-dialogs';

/** The native dialogs, attached to the wizard window. */
export function electronFileDialogs(window: () => BrowserWindow | undefined): FileDialogs {
  const parent = (): BrowserWindow | undefined => window();
  return {
    chooseSaveFile: async (options) => {
      const owner = parent();
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled ? undefined : result.filePath;
    },
    chooseOpenFile: async (options) => {
      const request = { ...options, properties: ['openFile' as const] };
      const owner = parent();
      const result = owner ? await dialog.showOpenDialog(owner, request) : await dialog.showOpenDialog(request);
      return result.canceled ? undefined : result.filePaths[0];
    },
    chooseFolder: async (options) => {
      const request = { ...options, properties: ['openDirectory' as const] };
      const owner = parent();
      const result = owner ? await dialog.showOpenDialog(owner, request) : await dialog.showOpenDialog(request);
      return result.canceled ? undefined : result.filePaths[0];
    },
  };
}
