// A stand-in AppService for web host tests: a few real methods, real EngineEvents that count listeners.
import type { AppService, CoverImage } from '../../../../electron/core/app/app-host.ts';
import {
  type EngineEventName,
  EngineEvents,
  type Listener,
} from '../../../../electron/core/events/engine-events.ts';
import type { AppApi } from '../../../../electron/shared/app-api/contract.ts';
import { MegadiscError } from '../../../../electron/shared/errors.ts';

/** EngineEvents that knows how many listeners are subscribed, to prove the host unsubscribes. */
export class CountingEvents extends EngineEvents {
  active = 0;

  override on<K extends EngineEventName>(name: K, listener: Listener<K>): () => void {
    const off = super.on(name, listener);
    this.active += 1;
    let removed = false;
    return () => {
      if (!removed) this.active -= 1;
      removed = true;
      off();
    };
  }
}

export interface FakeService {
  service: AppService;
  events: CountingEvents;
  calls: { method: string; input: unknown }[];
  coverCalls: [string, number, number][];
  /** Album id -> cover; an id missing here answers null. */
  covers: Map<number, CoverImage>;
}

export function createFakeService(): FakeService {
  const events = new CountingEvents();
  const calls: FakeService['calls'] = [];
  const coverCalls: FakeService['coverCalls'] = [];
  const covers = new Map<number, CoverImage>();
  const record = (method: string, input: unknown) => calls.push({ method, input });
  const api: Partial<AppApi> = {
    'app.info': async (input) => {
      record('app.info', input);
      return { version: '9.9.9', transport: 'web' } as never;
    },
    'store.search': async (input) => {
      record('store.search', input);
      return { echo: input.q, type: input.type ?? null } as never;
    },
    'store.album': async (input) => {
      record('store.album', input);
      return { id: input.id } as never;
    },
    'downloads.cancel': async (input) => {
      record('downloads.cancel', input);
      throw new MegadiscError('INVALID_STATE', `job ${input.id} is already done`, { retryable: true });
    },
    'settings.get': async () => {
      throw new Error('disk on fire');
    },
    'session.logout': async () => undefined as never,
  };
  const service: AppService = {
    api: new Proxy(api, {
      get: (target, name: string) =>
        target[name as keyof AppApi] ??
        (async () => {
          throw new MegadiscError('INTERNAL', `${name} is not in the fake`);
        }),
    }) as AppApi,
    events,
    demo: null,
    isPaymentPage: () => false,
    async cover(source, albumId, size) {
      coverCalls.push([source, albumId, size]);
      return covers.get(albumId) ?? null;
    },
    async libraryFile(fileId) {
      throw new MegadiscError('NOT_FOUND', `no library file ${fileId}`);
    },
    async preview() {
      return { status: 404, headers: {}, body: null };
    },
    async close() {},
  };
  return { service, events, calls, coverCalls, covers };
}
