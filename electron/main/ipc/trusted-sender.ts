// Whether an IPC message comes from our own page: the main frame of our window, showing app://megadisc/.
// Anything else (a subframe, a navigated-away page, another window) is refused before the core sees it.
import { APP_ORIGIN } from '../security/app-origin.ts';

export interface FrameLike {
  url: string;
  parent: FrameLike | null;
  processId: number;
  routingId: number;
}

export interface SenderEvent {
  senderFrame: FrameLike | null;
}

export function isTrustedSender(event: SenderEvent, mainFrame: FrameLike | null): boolean {
  const frame = event.senderFrame;
  if (!frame || !mainFrame) return false;
  if (!frame.url.startsWith(`${APP_ORIGIN}/`)) return false;
  if (frame.parent !== null) return false;
  // Electron hands out one WebFrameMain object per frame; the ids are the fallback identity.
  return (
    frame === mainFrame ||
    (frame.processId === mainFrame.processId && frame.routingId === mainFrame.routingId)
  );
}
