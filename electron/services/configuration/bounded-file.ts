import { open } from 'node:fs/promises';
import { AppError } from '../../../shared/core/errors';

/** No file of an export (or an exported JSON) comes near this; a larger one is refused before it is read. */
export const maxInputFileBytes = 64 * 1024 * 1024;

/**
 * Reads a file of an export or a JSON export whole, after checking its size on the open handle (so the
 * file measured is the file read). A missing or unreadable file is FILE_NOT_FOUND, a file over the cap is
 * MALFORMED_INPUT; both name the file, and the system's own words go to the detail.
 */
export async function readBoundedFile(filePath: string, maxBytes: number = maxInputFileBytes): Promise<Buffer> {
  let handle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw code === 'ENOENT'
      ? new AppError('FILE_NOT_FOUND', `The file ${filePath} does not exist.`)
      : new AppError('FILE_NOT_FOUND', `Cannot read ${filePath}.`, error instanceof Error ? error.message : String(error));
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      throw new AppError(
        'MALFORMED_INPUT',
        `${filePath} is ${Math.ceil(size / (1024 * 1024))} MiB, larger than the ${Math.round(maxBytes / (1024 * 1024))} MiB any export file holds, so it was not read.`,
      );
    }
    return await handle.readFile();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('FILE_NOT_FOUND', `Cannot read ${filePath}.`, error instanceof Error ? error.message : String(error));
  } finally {
    await handle.close();
  }
}
