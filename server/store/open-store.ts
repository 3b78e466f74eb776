// Composition root of the store: opens the database and builds every service over one data folder.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { EncodingId } from '../../api/schemas/encoding-catalog.ts';
import { Ledger } from '../accounts/ledger.ts';
import { OperatorToken } from '../accounts/operator-token.ts';
import { RateLimiter } from '../accounts/rate-limiter.ts';
import { Sessions } from '../accounts/sessions.ts';
import { Vouchers } from '../accounts/vouchers.ts';
import { CatalogQueries } from '../catalog/catalog-queries.ts';
import { PostgresSearch } from '../catalog/postgres-search.ts';
import { CatalogSearch, type StoreSearch } from '../catalog/search.ts';
import { openSearchConnection } from '../catalog/search-pool.ts';
import { SqlEncodeIndex } from '../db/encode-index.ts';
import { openSqlDatabase } from '../db/open-sql-database.ts';
import type { Database } from '../db/sql/port.ts';
import { OrderDesk } from '../orders/create-order.ts';
import { EncodeQueue } from '../orders/encode-queue.ts';
import { Fulfilment } from '../orders/fulfilment.ts';
import { IdempotencyKeys } from '../orders/idempotency.ts';
import { ItemBooks } from '../orders/item-books.ts';
import { OrderChanges } from '../orders/order-changes.ts';
import { OrderView } from '../orders/order-view.ts';
import { loadOrCreateSecret, SignedLinks } from '../orders/signed-links.ts';
import { PaymentDesk } from '../payments/payment-desk.ts';
import type { PaymentProvider } from '../payments/payment-provider.ts';
import { TestProvider } from '../payments/test-provider/test-provider.ts';
import { PreviewDesk, type PreviewLimits } from '../previews/preview-desk.ts';
import { parseRate, type Rate } from '../pricing/money.ts';
import type { Pack, Tier } from '../pricing/pack-quote.ts';
import { PackTable } from '../pricing/pack-table.ts';
import { AuditLog } from '../rights/audit-log.ts';
import { RightsHolders } from '../rights/rights-holders.ts';
import { RoyaltyBook } from '../royalties/royalty-book.ts';
import { Statements } from '../royalties/statements.ts';
import { RedownloadPolicy } from '../takedowns/redownload-policy.ts';
import { SaleGate } from '../takedowns/sale-gate.ts';
import { TakedownNotices } from '../takedowns/takedown-notices.ts';
import { AccountCountries } from '../takedowns/territories.ts';
import { type EncoderAvailability, probeEncoders, type ToolPaths, Transcoder } from '../transcode/index.ts';

export interface StoreOptions {
  dataDir: string;
  /**
   * The database: a postgres:// URL, or by default the SQLite file store.db in dataDir. The data
   * folder holds the masters, covers and encode cache either way.
   */
  database?: string;
  /** Price of one MB; default $0.02. */
  rate?: Rate;
  tools?: ToolPaths;
  /** Parallel encodes; default: the number of cores. */
  concurrency?: number;
  log?: (message: string) => void;
  /** The clock of payments and the ledger (tests move it to expire checkouts). */
  now?: () => number;
  /** How long a checkout waits to be paid; default 30 minutes. */
  checkoutTtlMs?: number;
  /** Providers besides the built-in test provider (the Stripe adapter), and which one sells. */
  providers?: PaymentProvider[];
  provider?: string;
  /** A pack table (config file) that replaces the one in force at start; sales already made keep theirs. */
  packConfig?: { packs: Pack[]; tiers?: Tier[] };
  /** Free previews per account and per client address in a window; defaults in preview-desk.ts. */
  previewLimits?: Partial<PreviewLimits>;
  /** How often an idle encode worker looks for work when no notice wakes it (default 500 ms). */
  pollMs?: number;
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
  /** The store's database, through the storage port: every repository reads and writes through it. */
  sql: Database;
  availability: Map<EncodingId, EncoderAvailability>;
  transcoder: Transcoder;
  catalog: CatalogQueries;
  search: StoreSearch;
  sessions: Sessions;
  voucherLimiter: RateLimiter;
  ledger: Ledger;
  vouchers: Vouchers;
  packs: PackTable;
  payments: PaymentDesk;
  testProvider: TestProvider;
  operatorToken: OperatorToken;
  audit: AuditLog;
  rightsHolders: RightsHolders;
  royalties: RoyaltyBook;
  statements: Statements;
  takedowns: TakedownNotices;
  /** Whether works are on sale here, for this buyer (takedowns, territories), and the 451s. */
  sale: SaleGate;
  redownloads: RedownloadPolicy;
  countries: AccountCountries;
  /** The address clients reach the store at; set once it listens (the test provider's pages live there). */
  publicUrl: string;
  links: SignedLinks;
  orderView: OrderView;
  /** Wakes long-polling readers of an order (GET /v1/orders/{id}?waitMs=…). */
  orderChanges: OrderChanges;
  orders: OrderDesk;
  fulfilment: Fulfilment;
  /** Free track previews: budgets, 451s and the cached clips. */
  previews: PreviewDesk;
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
  const sql = await openSqlDatabase(opts.database ?? paths.database);
  const availability = await probeEncoders(opts.tools);
  const transcoder = new Transcoder({
    cacheDir: paths.cache,
    index: new SqlEncodeIndex(sql, paths.data),
    availability,
    concurrency: opts.concurrency,
    tools: opts.tools,
  });
  const catalog = new CatalogQueries(sql, paths.data);
  const now = opts.now ?? Date.now;
  const rate = opts.rate ?? parseRate('0.02');
  const ledger = new Ledger(sql, now);
  const packs = await PackTable.open(sql, rate);
  if (opts.packConfig) await packs.replace(opts.packConfig.packs, opts.packConfig.tiers);
  const links = new SignedLinks(await loadOrCreateSecret(sql));
  const orderView = new OrderView(sql, catalog, links, transcoder);
  const royalties = new RoyaltyBook(sql);
  const orderChanges = new OrderChanges();
  const fulfilment = new Fulfilment({
    queue: new EncodeQueue(sql),
    books: new ItemBooks({ db: sql, dataDir: paths.data, ledger, royalties, currency: rate.currency }),
    catalog,
    encoder: transcoder,
    dialect: sql.dialect,
    // Claims a few items per encoder slot, so an order's tracks are all under way (and show so) while
    // the transcoder runs as many encoders as it may; heartbeats keep the waiting claims alive.
    slots: (opts.concurrency ?? availableParallelism()) * 4,
    changes: orderChanges,
    notices: sql,
    ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
    log,
  });
  // Items settled by workers in other processes wake this node's long polls (PostgreSQL).
  const unlistenOrders = await sql
    .listen?.('megadisc_orders', (orderId) => orderChanges.notify(orderId))
    .catch(() => undefined);
  const keys = new IdempotencyKeys(sql);
  // The 451's Link names the store's address, known once it listens.
  const sale = new SaleGate(sql, () => publicUrl);
  const orders = new OrderDesk({
    db: sql,
    catalog,
    ledger,
    keys,
    view: orderView,
    availability,
    exact: transcoder,
    sale,
    onCreated: (id) => fulfilment.start(id),
  });
  // The test provider reads the store's address when it builds a page or posts a webhook.
  let publicUrl = 'http://127.0.0.1';
  const testProvider = await TestProvider.open({ db: sql, baseUrl: () => publicUrl, now, log });
  const payments = new PaymentDesk({
    db: sql,
    ledger,
    packs,
    rate,
    providers: [testProvider, ...(opts.providers ?? [])],
    provider: opts.provider ?? 'test',
    now,
    checkoutTtlMs: opts.checkoutTtlMs,
    log,
  });
  // Abandoned checkouts expire on their own, not only when someone looks at them.
  const sweeper = setInterval(() => {
    payments.expireDue().catch((error: Error) => log(`expiring checkouts failed: ${error.message}`));
  }, 30_000);
  sweeper.unref();
  const audit = new AuditLog(sql, now);
  // On SQLite, search reads the full-text index on a read-only connection of its own (workers have theirs).
  const searchDb = sql.dialect === 'sqlite' ? openSearchConnection(paths.database) : undefined;
  const rightsHolders = new RightsHolders(sql, (...entry) => audit.append(...entry));
  const store: Store = {
    paths,
    rate,
    sql,
    availability,
    transcoder,
    catalog,
    search: searchDb ? new CatalogSearch(searchDb, catalog) : new PostgresSearch(sql, catalog),
    sessions: new Sessions(sql),
    voucherLimiter: new RateLimiter({ max: 10, windowMs: 15 * 60_000 }),
    ledger,
    vouchers: new Vouchers(sql, ledger, rate.currency),
    packs,
    payments,
    testProvider,
    operatorToken: new OperatorToken(sql),
    audit,
    rightsHolders,
    royalties,
    statements: new Statements(sql, now),
    takedowns: new TakedownNotices(sql, audit, now),
    sale,
    redownloads: new RedownloadPolicy(sql, audit),
    countries: new AccountCountries(sql, audit),
    get publicUrl() {
      return publicUrl;
    },
    set publicUrl(url: string) {
      publicUrl = url;
    },
    links,
    orderView,
    orderChanges,
    orders,
    fulfilment,
    previews: new PreviewDesk({
      db: sql,
      dataDir: paths.data,
      sale,
      transcoder,
      limits: opts.previewLimits,
      now,
    }),
    log,
    async close() {
      clearInterval(sweeper);
      await unlistenOrders?.();
      orderChanges.close();
      fulfilment.stop();
      await transcoder.close();
      await fulfilment.idle();
      await store.search.close(); // its worker threads hold connections of their own
      searchDb?.close();
      await sql.close();
    },
  };
  return store;
}
