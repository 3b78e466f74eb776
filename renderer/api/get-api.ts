// Picks the transport once: the preload bridge inside Electron, web mode otherwise.
import { type AppBridge, BRIDGE_GLOBAL } from '../../electron/shared/app-api/bridge.ts';
import type { AppClient } from './app-client.ts';
import { type FirstCallsClient, withFirstCalls } from './first-calls.ts';
import { ipcClient } from './ipc-client.ts';
import { webClient } from './web-client.ts';

let client: FirstCallsClient | null = null;

function create(): FirstCallsClient {
  const bridge = (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL] as AppBridge | undefined;
  return withFirstCalls(bridge ? ipcClient(bridge) : webClient());
}

export function getApi(): AppClient {
  client ??= create();
  return client.client;
}

/** Starts the first screen's reads for this location before the app's code has loaded (see first-calls.ts). */
export function primeFirstScreen(hash: string): void {
  client ??= create();
  client.prime(hash);
}
