import { chmod, lstat, mkdir } from 'node:fs/promises';
import { AppError } from '../../../shared/core/errors';

/**
 * The folder for files the app writes and then reads back (the live configuration export). On Windows it
 * is %ProgramData%\<product>\scratch, which the installer or the start-up probe made administrators-only
 * and checked. Elsewhere (the lab) it is made here, owner-only (0700), and refused if another user owns it,
 * if it is a link, or if anyone else may enter it.
 */
export async function ensureScratchFolder(folder: string, platform: string = process.platform): Promise<string> {
  if (platform === 'win32') return folder;
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const info = await lstat(folder);
  const uid = process.getuid?.();
  if (!info.isDirectory() || (uid !== undefined && info.uid !== uid)) {
    throw new AppError('ACCESS_DENIED', 'The wizard’s scratch folder is not a folder of this account, so nothing is written there.');
  }
  if ((info.mode & 0o077) !== 0) await chmod(folder, 0o700);
  return folder;
}
