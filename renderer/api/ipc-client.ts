// The app API over the preload bridge (Electron): named functions that return envelopes.
import type { AppBridge } from '../../electron/shared/app-api/bridge.ts';
import { METHOD_NAMES, type MethodName } from '../../electron/shared/app-api/contract.ts';
import { unwrap } from '../../electron/shared/app-api/envelope.ts';
import type { AppClient } from './app-client.ts';

export function ipcClient(bridge: AppBridge): AppClient {
  const methods = Object.fromEntries(
    METHOD_NAMES.map((method: MethodName) => [
      method,
      async (input: unknown) => unwrap(await (bridge[method] as (i: unknown) => Promise<never>)(input ?? {})),
    ]),
  );
  return { ...methods, onEvent: (listener) => bridge.onEvent(listener), transport: 'electron' } as AppClient;
}
