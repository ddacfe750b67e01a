import { isAppUrl } from '../main/security-policy';

/** The parts of an IPC event that identify who sent it. */
export interface SenderLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/** Only the main frame of the app's own window, showing the app's own page, may call main. */
export function isTrustedSender(event: SenderLike, appWebContentsId: number | undefined): boolean {
  const frame = event.senderFrame;
  return (
    appWebContentsId !== undefined &&
    event.sender.id === appWebContentsId &&
    frame !== null &&
    frame.parent === null &&
    isAppUrl(frame.url)
  );
}
