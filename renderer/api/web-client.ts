// The app API over web mode: POST /api/call/<method> for calls, server-sent events for events.
// The access token travels in an HttpOnly cookie set by the host, so nothing here handles it.

import type { MethodName } from '../../electron/shared/app-api/contract.ts';
import { isEnvelope, unwrap } from '../../electron/shared/app-api/envelope.ts';
import { APP_EVENT_NAMES, type AppEvent } from '../../electron/shared/app-api/events.ts';
import { MegadiscError } from '../../electron/shared/errors.ts';
import type { AppClient } from './app-client.ts';
import { methodProxy } from './method-proxy.ts';

async function call(method: MethodName, input: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/call/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new MegadiscError('STORE_UNREACHABLE', 'The Megadisc web host is not answering.', { cause: error });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!isEnvelope(body)) {
    throw new MegadiscError('BAD_RESPONSE', `The web host answered ${response.status} without a result.`);
  }
  return unwrap(body);
}

export function webClient(): AppClient {
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSource | null = null;
  const open = () => {
    source = new EventSource('/api/events');
    for (const name of APP_EVENT_NAMES) {
      source.addEventListener(name, (message) => {
        const payload = JSON.parse((message as MessageEvent<string>).data);
        for (const listener of listeners) listener({ name, payload } as AppEvent);
      });
    }
  };
  const base: Pick<AppClient, 'onEvent' | 'transport'> = {
    transport: 'web',
    onEvent(listener) {
      listeners.add(listener);
      if (!source) open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
  };
  return methodProxy(base, call);
}
