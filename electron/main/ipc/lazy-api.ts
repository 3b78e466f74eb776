// The contract over a service that is still starting: calls wait for it, so the window and the IPC
// handlers can exist before the first start's demo store is up.
import { type AppApi, METHOD_NAMES } from '../../shared/app-api/contract.ts';

export function lazyApi(service: Promise<{ api: AppApi }>): AppApi {
  return Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async (input: unknown) => {
        const { api } = await service;
        return (api[method] as (input: unknown) => Promise<unknown>)(input);
      },
    ]),
  ) as AppApi;
}
