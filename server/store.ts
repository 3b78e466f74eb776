// Composition root of the store: opens the database and builds every service over one data folder.
import { join } from 'node:path';
import type { EncodingId } from '../api/encodings.ts';
import { Ledger } from './accounts/ledger.ts';
import { RateLimiter } from './accounts/rate-limiter.ts';
import { Sessions } from './accounts/sessions.ts';
import { Vouchers } from './accounts/vouchers.ts';
import { CatalogQueries } from './catalog/catalog-queries.ts';
import { CatalogSearch } from './catalog/search.ts';
import { SqliteEncodeIndex } from './db/encode-index.ts';
import { type Db, openDatabase } from './db/open-database.ts';
import { OrderDesk } from './orders/create-order.ts';
import { Fulfilment } from './orders/fulfilment.ts';
import { IdempotencyKeys } from './orders/idempotency.ts';
import { OrderView } from './orders/order-view.ts';
import { loadOrCreateSecret, SignedLinks } from './orders/signed-links.ts';
import { parseRate, type Rate } from './pricing/money.ts';
import { type EncoderAvailability, probeEncoders, type ToolPaths, Transcoder } from './transcode/index.ts';

export interface StoreOptions {
  dataDir: string;
  /** Price of one MB; default $0.02. */
  rate?: Rate;
  tools?: ToolPaths;
  /** Parallel encodes; default: the number of cores. */
  concurrency?: number;
  log?: (message: string) => void;
}

export interface StorePaths {
  data: string;
  database: string;
  cache: string;
  masters: string;
  covers: string;
}

export interface Store {
  paths: StorePaths;
  rate: Rate;
  db: Db;
  availability: Map<EncodingId, EncoderAvailability>;
  transcoder: Transcoder;
  catalog: CatalogQueries;
  search: CatalogSearch;
  sessions: Sessions;
  voucherLimiter: RateLimiter;
  ledger: Ledger;
  vouchers: Vouchers;
  links: SignedLinks;
  orderView: OrderView;
  orders: OrderDesk;
  fulfilment: Fulfilment;
  log: (message: string) => void;
  close(): Promise<void>;
}

export function storePaths(dataDir: string): StorePaths {
  return {
    data: dataDir,
    database: join(dataDir, 'store.db'),
    cache: join(dataDir, 'cache'),
    masters: join(dataDir, 'masters'),
    covers: join(dataDir, 'covers'),
  };
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  const paths = storePaths(opts.dataDir);
  const log = opts.log ?? (() => {});
  const db = openDatabase(paths.database);
  const availability = await probeEncoders(opts.tools);
  const transcoder = new Transcoder({
    cacheDir: paths.cache,
    index: new SqliteEncodeIndex(db, paths.data),
    availability,
    concurrency: opts.concurrency,
    tools: opts.tools,
  });
  const catalog = new CatalogQueries(db, paths.data);
  const ledger = new Ledger(db);
  const links = new SignedLinks(loadOrCreateSecret(db));
  const orderView = new OrderView(db, catalog, links, transcoder);
  const fulfilment = new Fulfilment({ db, dataDir: paths.data, ledger, catalog, encoder: transcoder, log });
  const keys = new IdempotencyKeys(db);
  const orders = new OrderDesk({
    db,
    catalog,
    ledger,
    keys,
    view: orderView,
    availability,
    exact: transcoder,
    onCreated: (id) => void fulfilment.start(id),
  });
  const store: Store = {
    paths,
    rate: opts.rate ?? parseRate('0.02'),
    db,
    availability,
    transcoder,
    catalog,
    search: new CatalogSearch(db, catalog),
    sessions: new Sessions(db),
    voucherLimiter: new RateLimiter({ max: 10, windowMs: 15 * 60_000 }),
    ledger,
    vouchers: new Vouchers(db, ledger),
    links,
    orderView,
    orders,
    fulfilment,
    log,
    async close() {
      fulfilment.stop();
      await transcoder.close();
      await fulfilment.idle();
      db.close();
    },
  };
  return store;
}
