// What the preload exposes and the web client mirrors: one named function per contract method,
// each resolving to an envelope, plus an event subscription. Never a raw ipcRenderer.
import type { MethodInput, MethodName, MethodOutput } from './contract.ts';
import type { Envelope } from './envelope.ts';
import type { AppEvent } from './events.ts';

export type AppBridge = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>>;
} & {
  /** Subscribes to core events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
};

/** The global name the preload exposes the bridge under. */
export const BRIDGE_GLOBAL = 'megadisc';

/** IPC channel of a method (ipcMain.handle / ipcRenderer.invoke). */
export function channelOf(method: MethodName): string {
  return `megadisc:${method}`;
}

/** IPC channel the main process sends events on. */
export const EVENT_CHANNEL = 'megadisc:event';
