// The bridge object the preload exposes: one named function per contract method, each invoking its
// own channel, plus onEvent. The page never sees ipcRenderer, a channel name or an IPC event object.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { type AppBridge, channelOf, EVENT_CHANNEL } from '../shared/app-api/bridge.ts';
import { METHOD_NAMES } from '../shared/app-api/contract.ts';
import { failure } from '../shared/app-api/envelope.ts';
import type { AppEvent } from '../shared/app-api/events.ts';

export function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): AppBridge {
  const methods = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      // Main always answers with an envelope; a failed invoke (no handler yet) becomes one too.
      (input: unknown) => ipc.invoke(channelOf(method), input ?? {}).catch(failure),
    ]),
  );
  const onEvent = (listener: (event: AppEvent) => void) => {
    const relay = (_event: IpcRendererEvent, message: AppEvent) => listener(message);
    ipc.on(EVENT_CHANNEL, relay);
    return () => {
      ipc.removeListener(EVENT_CHANNEL, relay);
    };
  };
  return { ...methods, onEvent } as AppBridge;
}
