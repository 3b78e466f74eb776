// The app API over the preload bridge (Electron): named functions that return envelopes.
import type { AppBridge } from '../../electron/shared/app-api/bridge.ts';
import { unwrap } from '../../electron/shared/app-api/envelope.ts';
import type { AppClient } from './app-client.ts';
import { methodProxy } from './method-proxy.ts';

export function ipcClient(bridge: AppBridge): AppClient {
  return methodProxy(
    { onEvent: (listener) => bridge.onEvent(listener), transport: 'electron' },
    async (method, input) => unwrap(await (bridge[method] as (i: unknown) => Promise<never>)(input ?? {})),
  );
}
