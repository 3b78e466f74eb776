// The app service's parts over the engine: the store it talks to, the background download runner and
// the app API contract implemented over them. Loaded by createAppService (create-app-service.ts),
// after it may have started the embedded demo, since loading this module loads the whole engine.
import type { AppApi, MethodName } from '../../shared/app-api/contract.ts';
import { asMegadiscError } from '../../shared/as-megadisc-error.ts';
import { createEngine, type Engine } from '../create-engine.ts';
import { openLibraryFile } from '../media/library-file.ts';
import { fetchPreview } from '../media/preview-proxy.ts';
import { hasPendingPurchase } from '../purchases/purchase-records.ts';
import { accountMethods } from './account-methods.ts';
import { albumFiled } from './album-filed.ts';
import type { AppContext } from './app-context.ts';
import type { AppHostPorts, AppService, StoreChoice } from './app-host.ts';
import { closeEarlyDemo, connectStore, demoStart, type EarlyDemo } from './connect-store.ts';
import { ConnectionMonitor } from './connection-monitor.ts';
import { CoverCache } from './cover-cache.ts';
import type { AppServiceOptions } from './create-app-service.ts';
import { DownloadRunner } from './download-runner.ts';
import { downloadsMethods } from './downloads-methods.ts';
import { albumFolder, libraryFileLookup, libraryMethods } from './library-methods.ts';
import { PaymentPages } from './payment-pages.ts';
import { sessionMethods } from './session-methods.ts';
import { settingsMethods } from './settings-methods.ts';
import { storeMethods } from './store-methods.ts';
import { StoreRates } from './store-rates.ts';

/** Whether anything is left for a run: open jobs, or purchases of this account not yet sent. */
async function hasWork(engine: Engine): Promise<boolean> {
  const session = await engine.whoami();
  if (!session) return false;
  if (engine.jobs.countInStates(['waiting_encode', 'queued', 'downloading', 'verifying']) > 0) return true;
  return hasPendingPurchase(engine.db, { store: session.storeUrl, accountId: session.accountId });
}

/** Every method turns what it throws into a MegadiscError with a code. */
function guarded(api: AppApi): AppApi {
  const out: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, method] of Object.entries(api) as [MethodName, (input: unknown) => Promise<unknown>][]) {
    out[name] = async (input) => {
      try {
        return await method(input);
      } catch (error) {
        throw asMegadiscError(error);
      }
    };
  }
  return out as AppApi;
}

/** See createAppService; `early` is the embedded demo's start when it was begun already. */
export async function buildAppService(
  ports: AppHostPorts,
  store: StoreChoice,
  options: AppServiceOptions,
  early: EarlyDemo | null,
): Promise<AppService> {
  let engine: Engine;
  try {
    engine = createEngine(ports);
  } catch (error) {
    await closeEarlyDemo(early);
    throw asMegadiscError(error);
  }
  let demo: Awaited<ReturnType<typeof connectStore>> = null;
  try {
    demo = await connectStore(engine, store, demoStart(ports.home, options), early);
  } catch (error) {
    engine.close();
    throw asMegadiscError(error);
  }
  const connection = new ConnectionMonitor(engine.events);
  const runner = new DownloadRunner({
    run: (signal) => engine.run(signal),
    hasWork: () => hasWork(engine),
    onError: (error) => {
      if (error.code === 'STORE_UNREACHABLE') connection.markOffline(error.message);
    },
    ...options.runnerBackoff,
  });
  const ctx: AppContext = {
    engine,
    ports,
    runner,
    connection,
    rates: new StoreRates(ports.home),
    covers: new CoverCache(engine, ports.home),
    demo,
    paymentPages: new PaymentPages(),
    queueChanged: () => engine.events.emit('queue-changed', {}),
  };
  const stopWatching = albumFiled(engine, ports);
  const api = guarded({
    ...sessionMethods(ctx),
    ...storeMethods(ctx),
    ...accountMethods(ctx),
    ...downloadsMethods(ctx),
    ...libraryMethods(ctx),
    ...settingsMethods(ctx),
  });
  // Downloads left queued by the last session carry on by themselves.
  await runner.kickIfWork();

  let closing: Promise<void> | null = null;
  return {
    api,
    events: engine.events,
    get demo() {
      return demo ? { url: demo.url, vouchers: [...demo.vouchers] } : null;
    },
    isPaymentPage: (url) => ctx.paymentPages.isOpen(url),
    cover: (source, albumId, size) =>
      source === 'store'
        ? ctx.covers.store(albumId, size)
        : ctx.covers.library(() => albumFolder(ctx, albumId)),
    libraryFile: (fileId) => openLibraryFile(libraryFileLookup(engine), fileId),
    preview: (trackId, request) => fetchPreview(() => engine.client(false), trackId, request),
    close() {
      closing ??= (async () => {
        try {
          // Downloads first: they stop at a checkpoint while the store and the database are still there.
          await runner.close();
          stopWatching();
          connection.close();
          await demo?.close();
        } finally {
          engine.close();
        }
      })();
      return closing;
    },
  };
}
