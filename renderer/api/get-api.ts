// Picks the transport once: the preload bridge inside Electron, web mode otherwise.
import { type AppBridge, BRIDGE_GLOBAL } from '../../electron/shared/app-api/bridge.ts';
import type { AppClient } from './app-client.ts';
import { ipcClient } from './ipc-client.ts';
import { webClient } from './web-client.ts';

let client: AppClient | null = null;

export function getApi(): AppClient {
  if (client) return client;
  const bridge = (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL] as AppBridge | undefined;
  client = bridge ? ipcClient(bridge) : webClient();
  return client;
}
