// Builds a client whose contract methods are made on first use: every method name has a dot
// ("store.home"), so any such property is a call through `send`. The renderer needs no list of the
// methods, and so never imports the contract's input schemas (zod) just to enumerate them.
import type { MethodName } from '../../electron/shared/app-api/contract.ts';
import type { AppClient } from './app-client.ts';

export function methodProxy(
  base: Pick<AppClient, 'onEvent' | 'transport'>,
  send: (method: MethodName, input: unknown) => Promise<unknown>,
): AppClient {
  const made = new Map<string, (input: unknown) => Promise<unknown>>();
  return new Proxy(base, {
    get(target, property, receiver) {
      if (typeof property !== 'string' || !property.includes('.'))
        return Reflect.get(target, property, receiver);
      let method = made.get(property);
      if (!method) {
        method = (input: unknown) => send(property as MethodName, input);
        made.set(property, method);
      }
      return method;
    },
  }) as AppClient;
}
