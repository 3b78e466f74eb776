// Starts the store on a host and port: opens the data folder, seeds the demo if asked, listens.
import type { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { type DemoInfo, type DemoSeedOptions, seedDemo } from './catalog/seed-demo.ts';
import { openStore, type Store, type StoreOptions } from './store.ts';

export interface ServerOptions extends StoreOptions {
  host?: string;
  port?: number;
  demo?: boolean | DemoSeedOptions;
  httpLog?: boolean;
  /** The address buyers' browsers reach the store at, when it is not the listening address. */
  publicUrl?: string;
  /** Where HTTP warnings go instead of stdout (tests read them). */
  logStream?: Writable;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  app: FastifyInstance;
  demo: DemoInfo | null;
  close(): Promise<void>;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const store = await openStore(opts);
  try {
    const demo = opts.demo ? await seedDemo(store, opts.demo === true ? {} : opts.demo) : null;
    const resumed = store.fulfilment.resumeUnfinished();
    if (resumed.length > 0) store.log(`resuming ${resumed.length} unfinished order(s)`);
    const app = buildApp(store, { logger: opts.httpLog, logStream: opts.logStream });
    await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);
    const host = opts.host ?? '127.0.0.1';
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    // Behind a proxy the operator sets MEGADISC_PUBLIC_URL; the test provider's pages and webhooks use it.
    store.publicUrl = opts.publicUrl ?? url;
    return {
      url,
      port,
      store,
      app,
      demo,
      async close() {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
