// Builds the engine from its ports: one command API over the profile, the store client, the ledger
// mirror, purchases and the download manager. The CLI drives it directly; the desktop app and web
// mode drive it through the app service (app/).

import type { EncodingId } from '../../api/schemas/encoding-catalog.ts';
import type { Checkout, PackTable } from '../../api/schemas/payments.ts';
import { type Locale, resolveLocale } from '../../i18n/locales.ts';
import type { LibraryAvailability, StoreAlbumView } from '../shared/app-api/views.ts';
import { MegadiscError } from '../shared/errors.ts';
import { AvailabilityBook } from './availability/availability-book.ts';
import { loadStoreAlbum } from './availability/store-album.ts';
import { DownloadManager, type RunSummary } from './downloads/download-manager.ts';
import { JobStore, type JobView, toJobView } from './downloads/job-store.ts';
import { TokenBucket } from './downloads/token-bucket.ts';
import { EngineEvents } from './events/engine-events.ts';
import { type BalanceView, LedgerMirror } from './ledger/ledger-mirror.ts';
import { LibraryIndex, ownedCopy } from './library/index.ts';
import { CheckoutDesk } from './payments/checkout-desk.ts';
import type { EnginePorts } from './ports.ts';
import { openProfile, type ProfileDb } from './profile/open-profile.ts';
import {
  type EncodingTable,
  type PlacedPurchase,
  PurchaseDesk,
  type PurchaseRow,
} from './purchases/purchase-desk.ts';
import { listPurchases } from './purchases/purchase-records.ts';
import { SessionFile, type StoredSession } from './session/session-file.ts';
import { profileSettingsBackend, type Settings, SettingsStore } from './settings/settings.ts';
import { type Output, routes, StoreClient } from './store-client/store-client.ts';

export class Engine {
  readonly events = new EngineEvents();
  readonly db: ProfileDb;
  readonly settings: SettingsStore;
  readonly jobs: JobStore;
  readonly library: LibraryIndex;
  /** What the store last said about selling each album (takedowns, territories). */
  readonly availability: AvailabilityBook;
  readonly #ports: EnginePorts;
  readonly #sessions;
  readonly #bucket: TokenBucket;
  #session: StoredSession | null = null;
  /** The manager of a run in progress in this process, told at once about pause and cancel. */
  #manager: DownloadManager | null = null;

  constructor(ports: EnginePorts) {
    this.#ports = ports;
    this.db = openProfile(ports.home);
    this.settings = new SettingsStore(
      ports.settingsBackend ?? profileSettingsBackend(this.db),
      ports.defaults,
    );
    this.library = new LibraryIndex(this.db);
    this.availability = new AvailabilityBook(this.db);
    this.jobs = new JobStore(this.db);
    this.#sessions = ports.sessions ?? new SessionFile(ports.home);
    this.#bucket = new TokenBucket({ bytesPerSecond: this.settings.get().bandwidthLimit });
  }

  async #loadSession(): Promise<StoredSession | null> {
    this.#session ??= await this.#sessions.load();
    return this.#session;
  }

  /** The language the person reading the app reads: the store is asked to answer in it. */
  readerLocale(): Locale {
    const setting = this.settings.get().language;
    return (
      this.#ports.readerLocale?.(setting) ?? resolveLocale(setting, this.#ports.preferredLanguages?.() ?? [])
    );
  }

  #client(storeUrl: string, token: string | null = null): StoreClient {
    return new StoreClient({
      baseUrl: storeUrl,
      token,
      timeouts: this.#ports.timeouts,
      acceptLanguage: () => this.readerLocale(),
    });
  }

  /** A client for the logged-in store, or for the configured store URL when only reading the catalog. */
  async client(requireLogin = true): Promise<StoreClient> {
    const session = await this.#loadSession();
    if (session) return this.#client(session.storeUrl, session.token);
    const url = this.settings.get().storeUrl;
    if (!requireLogin && url) return this.#client(url);
    throw new MegadiscError(
      'NOT_LOGGED_IN',
      'not logged in to a store; run "megadisc login --store URL --email E --password P"',
    );
  }

  async #scoped() {
    const client = await this.client();
    const session = this.#session!;
    const scope = { store: session.storeUrl, accountId: session.accountId };
    const ledger = new LedgerMirror(this.db, scope, this.events);
    const purchases = new PurchaseDesk({
      db: this.db,
      client,
      jobs: this.jobs,
      ledger,
      events: this.events,
      scope,
    });
    const checkouts = new CheckoutDesk({ db: this.db, client, ledger, scope });
    return { client, ledger, purchases, checkouts };
  }

  async login(storeUrl: string, email: string, password: string): Promise<StoredSession> {
    const client = this.#client(storeUrl);
    const s = await client.call(routes.login, { body: { email, password } });
    const session = {
      storeUrl: client.baseUrl,
      accountId: s.accountId,
      email: s.email,
      token: s.token,
      expiresAt: s.expiresAt,
    };
    await this.#sessions.save(session);
    this.settings.set({ storeUrl: client.baseUrl });
    this.#session = session;
    return session;
  }

  async logout(): Promise<void> {
    await this.#sessions.clear();
    this.#session = null;
  }

  async whoami(): Promise<StoredSession | null> {
    return this.#loadSession();
  }

  async search(q: string, type?: 'artist' | 'album' | 'track'): Promise<Output<typeof routes.search>> {
    return (await this.client(false)).call(routes.search, { query: { q, type, limit: 10 } });
  }

  async encodings(): Promise<Output<typeof routes.encodings>> {
    return (await this.client(false)).call(routes.encodings);
  }

  async album(id: number): Promise<Output<typeof routes.album>> {
    return (await this.client(false)).call(routes.album, { params: { id } });
  }

  /**
   * An album page with whether it is on sale here (a taken-down one has no page, only the reason)
   * and the listener's copy of it; the answer is kept, so the library shows it offline.
   */
  async storeAlbum(id: number): Promise<StoreAlbumView> {
    const client = await this.client(false);
    const { album, availability } = await loadStoreAlbum(client, id);
    const owned = ownedCopy(this.db, client.baseUrl, id);
    const changed = this.availability.record(client.baseUrl, new Map([[id, availability]]));
    if (owned && changed > 0) this.events.emit('library-availability', { changed });
    return { albumId: id, album, availability, owned };
  }

  /**
   * Asks the store whether the albums in the library are still sold, and returns the last known
   * answers: with the store out of reach (or none configured) they are those of the last ask.
   */
  async libraryAvailability(signal?: AbortSignal): Promise<LibraryAvailability> {
    let problem: LibraryAvailability['problem'] = null;
    try {
      const changed = await this.availability.refreshLibrary(await this.client(false), signal);
      if (changed > 0) this.events.emit('library-availability', { changed });
    } catch (error) {
      if (!(error instanceof MegadiscError)) throw error;
      problem = { code: error.code, message: error.message };
    }
    return { problem, items: this.availability.owned() };
  }

  /** The album's encoding table: size, exact or estimated, cost and balance after, per encoding. */
  async encodingTable(albumId: number, trackIds?: number[]): Promise<EncodingTable> {
    return (await this.#scoped()).purchases.encodingTable(albumId, trackIds);
  }

  /** Syncs the ledger mirror; with the store unreachable, returns the stored figures marked offline. */
  async balance(): Promise<BalanceView> {
    const { client, ledger } = await this.#scoped();
    return ledger.sync(client);
  }

  async ledgerEntries() {
    const { client, ledger } = await this.#scoped();
    const balance = await ledger.sync(client);
    return { balance, entries: ledger.entries() };
  }

  async topup(code: string) {
    const { client, ledger } = await this.#scoped();
    const result = await client.call(routes.redeemVoucher, { body: { code } });
    await ledger.sync(client);
    return result;
  }

  /** The store's packs; logged in, priced for this account (its loyalty discount applied). */
  async packs(): Promise<PackTable> {
    return (await this.client(false)).packs();
  }

  /** Starts paying for a pack; the megabytes arrive once the provider tells the store it was paid. */
  async checkout(packId: string): Promise<Checkout> {
    return (await this.#scoped()).checkouts.start(packId);
  }

  /** A checkout's state now; once paid, the ledger mirror has the credit (and 'balance' fired). */
  async checkoutStatus(id: string): Promise<Checkout> {
    return (await this.#scoped()).checkouts.status(id);
  }

  async buy(albumId: number, encoding: EncodingId, trackIds?: number[]): Promise<PurchaseRow> {
    return (await this.#scoped()).purchases.buy(albumId, encoding, trackIds);
  }

  /** Buys, and says what came of a purchase once recorded (sent, to be sent again, or refused). */
  async placePurchase(albumId: number, encoding: EncodingId, trackIds?: number[]): Promise<PlacedPurchase> {
    return (await this.#scoped()).purchases.place(albumId, encoding, trackIds);
  }

  /** Every job in queue order, read without its tags (JobStore.views). */
  queue(): JobView[] {
    return this.jobs.views();
  }

  purchases(): PurchaseRow[] {
    return listPurchases(this.db);
  }

  /** Processes the queue until nothing is left to do, or until signal. */
  async run(signal?: AbortSignal): Promise<RunSummary> {
    const { client, purchases, ledger } = await this.#scoped();
    const manager = new DownloadManager({
      home: this.#ports.home,
      client,
      jobs: this.jobs,
      purchases,
      settings: this.settings,
      library: this.library,
      events: this.events,
      bucket: this.#bucket,
      pollMs: this.#ports.pollMs,
      timeouts: this.#ports.timeouts,
      retry: this.#ports.retry,
    });
    this.#manager = manager;
    try {
      const summary = await manager.run(signal);
      await ledger.sync(client).catch(() => undefined);
      return summary;
    } finally {
      this.#manager = null;
    }
  }

  libraryRoot(): string {
    return this.settings.get().libraryDir;
  }

  async libraryVerify(onProgress?: Parameters<LibraryIndex['verify']>[1]) {
    return this.library.verify(this.libraryRoot(), onProgress);
  }

  async libraryRescan() {
    return this.library.rescan(this.libraryRoot());
  }

  async libraryReorganize(dryRun: boolean) {
    const { pathTemplate, pathAscii } = this.settings.get();
    return this.library.reorganize(this.libraryRoot(), pathTemplate, { dryRun, ascii: pathAscii });
  }

  /**
   * Fetches files that went missing from the library again, through the purchases already made:
   * the store serves an owned item as often as asked, so this costs nothing.
   */
  async libraryRedownload(
    signal?: AbortSignal,
  ): Promise<{ requeued: string[]; withdrawn: string[]; summary: RunSummary | null }> {
    const { requeued, withdrawn } = await this.requeueMissing();
    return { requeued, withdrawn, summary: requeued.length > 0 ? await this.run(signal) : null };
  }

  /**
   * Queues the missing files (of one library album, or all) again through their purchases. Files of
   * releases whose re-downloads the store withdrew stay indexed as missing, never requeued.
   */
  async requeueMissing(albumId?: number): Promise<{ requeued: string[]; withdrawn: string[] }> {
    const report = await this.library.verify(this.libraryRoot(), undefined, { albumId });
    const requeued: string[] = [];
    const withdrawn: string[] = [];
    for (const file of report.missing) {
      if (this.availability.get(file.store, file.storeAlbumId)?.redownload === false) {
        withdrawn.push(file.path);
      } else if (file.itemId && this.jobs.requeueItem(file.itemId)) {
        this.library.remove(file.id);
        requeued.push(file.path);
      }
    }
    return { requeued, withdrawn };
  }

  pause(ids: number[] | 'all'): number[] {
    const changed = this.jobs.pause(ids);
    this.#manager?.reconcileNow();
    return changed;
  }

  resume(ids: number[] | 'all'): number[] {
    return this.jobs.resume(ids);
  }

  cancel(id: number): JobView {
    const job = toJobView(this.jobs.cancel(id));
    this.#manager?.reconcileNow();
    return job;
  }

  move(id: number, place: number): void {
    this.jobs.move(id, place);
  }

  configure(patch: Partial<Settings>): Settings {
    const next = this.settings.set(patch);
    this.#bucket.setRate(next.bandwidthLimit);
    return next;
  }

  close(): void {
    this.db.close();
  }
}

export function createEngine(ports: EnginePorts): Engine {
  return new Engine(ports);
}
