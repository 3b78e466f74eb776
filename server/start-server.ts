// Starts the store on a host and port: opens the data folder, seeds the demo if asked, listens.
import type { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { type DemoInfo, type DemoSeedOptions, seedDemo } from './demo/seed-demo.ts';
import { openStore, type Store, type StoreOptions } from './store/open-store.ts';

export interface ServerOptions extends StoreOptions {
  host?: string;
  port?: number;
  demo?: boolean | DemoSeedOptions;
  /** Encode in this process (default); false for a node that only serves, beside worker processes. */
  encode?: boolean;
  httpLog?: boolean;
  /** The address buyers' browsers reach the store at, when it is not the listening address. */
  publicUrl?: string;
  /** Where HTTP warnings go instead of stdout (tests read them). */
  logStream?: Writable;
  /**
   * Behind nginx: the `internal` location nginx maps to the store's cache folder (e.g.
   * `/internal-cache/`). Downloads that nginx marks with `X-Sendfile-Type: X-Accel-Redirect` are then
   * authorized as always and answered with X-Accel-Redirect, and nginx sends the bytes
   * (server/deploy/nginx-store.conf); any other request still gets its bytes from the store. Off by
   * default.
   */
  accelRedirect?: string;
  /** Bytes of hot encoded files kept in memory for downloads (default 128 MiB; 0 turns it off). */
  fileMemoryBytes?: number;
}

/** An X-Accel-Redirect prefix: an absolute path ending in a slash, in characters nginx takes as is. */
export function checkAccelPrefix(prefix: string): string {
  const dots = prefix.split('/').some((segment) => segment === '.' || segment === '..');
  if (!/^\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*\/$/.test(prefix) || dots)
    throw new Error(`the X-Accel-Redirect prefix must look like /internal-cache/, got ${prefix}`);
  return prefix;
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
  if (opts.accelRedirect !== undefined) checkAccelPrefix(opts.accelRedirect);
  const store = await openStore(opts);
  try {
    const demo = opts.demo ? await seedDemo(store, opts.demo === true ? {} : opts.demo) : null;
    // A node that only serves (--no-encode) leaves the encoding to `megadisc server worker` processes.
    if (opts.encode !== false) {
      const resumed = await store.fulfilment.resumeUnfinished();
      if (resumed.length > 0) store.log(`resuming ${resumed.length} unfinished order(s)`);
    }
    const app = buildApp(store, {
      logger: opts.httpLog,
      logStream: opts.logStream,
      downloads: { accelRedirect: opts.accelRedirect, fileMemoryBytes: opts.fileMemoryBytes },
    });
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
