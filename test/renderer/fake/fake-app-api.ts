// An in-memory fake of the app API for component tests: a catalog, a balance and ledger, a queue
// that advances when told, a library and settings. It lives with the tests, outside renderer/, so
// the production bundle cannot reach it (test/integration/renderer/renderer-bundle.test.ts checks).

import type { LedgerEntry } from '../../../api/schemas/account.ts';
import type { Album } from '../../../api/schemas/catalog.ts';
import type { Money } from '../../../api/schemas/common.ts';
import { ENCODINGS, type EncodingId } from '../../../api/schemas/encoding-catalog.ts';
import type { Checkout, CheckoutState } from '../../../api/schemas/payments.ts';
import type { MethodInput, MethodName, MethodOutput } from '../../../electron/shared/app-api/contract.ts';
import type {
  AlbumAvailability,
  BalanceView,
  JobView,
  LibraryAlbum,
  Settings,
} from '../../../electron/shared/app-api/domain.ts';
import type { AppEvent } from '../../../electron/shared/app-api/events.ts';
import type { DownloadGroup, LibraryTrackRow, SessionInfo } from '../../../electron/shared/app-api/views.ts';
import { type ErrorCode, MegadiscError } from '../../../electron/shared/errors.ts';
import type { AppClient } from '../../../renderer/api/app-client.ts';
import { assertOnSale, known, ON_SALE, storeAlbumView } from './fake-availability.ts';
import { fakeAlbums, fakeTrackBytes } from './fake-catalog.ts';
import { fileIntoLibrary } from './fake-filing.ts';
import { fakePreviewPaths } from './fake-path-preview.ts';
import { fakeCheckout, fakePackTable, settled } from './fake-payments.ts';
import { fakeEncodings, fakeQuotes, fakeSearch } from './fake-store-answers.ts';
import { fakeTrackPage } from './fake-track-rows.ts';

const MB = 1_000_000;
const PER_MB_MICROS = 20_000;

export interface FakeState {
  online: boolean;
  balanceBytes: number;
  reservedBytes: number;
  ledger: LedgerEntry[];
  groups: DownloadGroup[];
  library: LibraryAlbum[];
  settings: Settings;
  /** What app.info reports as the OS's languages (desktop); null: the UI asks the browser. */
  systemLanguages: string[] | null;
  vouchers: Map<string, number>;
  /** Which host app.info reports: opening folders only works in 'electron'. */
  transport: 'electron' | 'web';
  session: SessionInfo | null;
  /** Generated rows served by library.tracks after the filed ones (see generateTracks). */
  generatedTracks: number;
  /** Money paid for packs so far: decides the loyalty discount. */
  lifetimeSpentMicros: number;
  /** Checkouts started, as the store holds them; settleCheckout moves one on. */
  checkouts: Checkout[];
  /** What the spend report says a charged MB cost in money (as if bought in the 500 MB pack). */
  paidPerMbMicros: number;
  /** What the store says about selling an album, by store album id; absent means on sale. */
  availability: Map<number, AlbumAvailability>;
}

type Handlers = { [M in MethodName]: (input: MethodInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };

export class FakeAppApi {
  readonly albums: Album[] = fakeAlbums();
  readonly calls: { method: MethodName; input: unknown }[] = [];
  readonly state: FakeState;
  readonly #listeners = new Set<(event: AppEvent) => void>();
  readonly #failures = new Map<MethodName, ErrorCode>();
  /** Each job's place in the queue, as the core's jobs.position. */
  readonly #positions = new Map<number, number>();
  /** Bytes each purchase reserved, released when it is filed. */
  readonly #held = new Map<number, number>();
  /** Paid checkouts whose balance event went out. */
  readonly #announced = new Set<string>();
  #nextId = 1;

  constructor(patch: Partial<FakeState> = {}) {
    this.state = {
      online: true,
      balanceBytes: 500 * MB,
      reservedBytes: 0,
      ledger: [],
      groups: [],
      library: [],
      vouchers: new Map([['DEMO-500', 500 * MB]]),
      transport: 'web',
      systemLanguages: null,
      session: { storeUrl: 'http://127.0.0.1:8700', email: 'demo@megadisc.local', accountId: 1 },
      generatedTracks: 0,
      lifetimeSpentMicros: 2_500_000,
      checkouts: [],
      paidPerMbMicros: 18_000,
      availability: new Map(),
      settings: {
        concurrency: 3,
        bandwidthLimit: null,
        libraryDir: '/home/listener/Music/Megadisc',
        pathTemplate: '{albumartist}/<{year} - >{album} [{encoding}]/<{disc}->{track:02} {title}.{ext}',
        id3Version: 4,
        coverMaxPx: 1000,
        coverMaxBytes: 500_000,
        coverFile: true,
        pathAscii: false,
        storeUrl: 'http://127.0.0.1:8700',
        defaultEncoding: 'mp3-v0',
        theme: 'system',
        language: 'system',
        replayGain: 'off',
      },
      ...patch,
    };
    this.#credit(this.state.balanceBytes, 'topup');
  }

  /** The fake as the renderer sees it. */
  client(): AppClient {
    const methods = Object.fromEntries(
      Object.keys(this.#handlers).map((m) => [m, (input: unknown) => this.call(m as MethodName, input)]),
    );
    return {
      ...methods,
      transport: 'fake',
      onEvent: (listener: (event: AppEvent) => void) => {
        this.#listeners.add(listener);
        return () => {
          this.#listeners.delete(listener);
        };
      },
    } as unknown as AppClient;
  }

  async call(method: MethodName, input: unknown): Promise<unknown> {
    this.calls.push({ method, input });
    const code = this.#failures.get(method);
    if (code) {
      this.#failures.delete(method);
      throw new MegadiscError(code, `fake ${method} failed with ${code}`);
    }
    await Promise.resolve();
    return (this.#handlers[method] as (i: unknown) => unknown)(input ?? {});
  }

  /** The next call of method fails with code. */
  failNext(method: MethodName, code: ErrorCode): void {
    this.#failures.set(method, code);
  }

  setOnline(online: boolean): void {
    this.state.online = online;
    this.emit({ name: 'connection', payload: { online, message: online ? null : 'store unreachable' } });
  }

  emit(event: AppEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  /** Moves every unfinished job forward by bytes; finished groups go into the library. */
  advance(bytes: number): void {
    for (const group of this.state.groups) {
      for (const job of group.jobs) {
        if (job.state !== 'queued' && job.state !== 'downloading') continue;
        job.state = 'downloading';
        job.bytesDone = Math.min(job.bytesTotal ?? 0, job.bytesDone + bytes);
        if (job.bytesDone === job.bytesTotal) job.state = 'done';
        this.emit({ name: 'job-state', payload: { job: { ...job } } });
      }
      group.bytesDone = group.jobs.reduce((s, j) => s + j.bytesDone, 0);
      if (group.jobs.length > 0 && group.jobs.every((j) => j.state === 'done') && !this.#filed(group)) {
        this.#file(group);
      }
    }
  }

  /**
   * The provider's word on a checkout, as the store records it: paid credits the balance at once
   * (the client hears of it on its next checkoutStatus), declined and expired credit nothing.
   */
  settleCheckout(id: string, state: Exclude<CheckoutState, 'pending'>, failure?: string): void {
    const i = this.state.checkouts.findIndex((c) => c.id === id);
    if (i < 0) throw new Error(`no checkout ${id}`);
    const checkout = settled(this.state.checkouts[i]!, state, failure);
    this.state.checkouts[i] = checkout;
    if (state === 'paid') {
      this.state.lifetimeSpentMicros += checkout.amount.micros;
      this.#credit(checkout.bytes, 'topup', null, 0, { paymentId: id, paid: checkout.amount });
    }
  }

  /** The checkout started last. */
  lastCheckout(): Checkout {
    const last = this.state.checkouts.at(-1);
    if (!last) throw new Error('no checkout was started');
    return last;
  }

  /** Makes library.tracks serve n more rows after the filed ones, built only when a page is read. */
  generateTracks(n: number): void {
    this.state.generatedTracks = n;
  }

  /**
   * What the store says about selling an album from now on (see fake-availability: takenDown,
   * notInTerritory, ON_SALE); the library hears of it as the core would tell it.
   */
  setAvailability(albumId: number, availability: AlbumAvailability): void {
    this.state.availability.set(albumId, availability);
    if (this.state.library.some((a) => a.storeAlbumId === albumId)) {
      this.emit({ name: 'library-availability', payload: { changed: 1 } });
    }
  }

  #availability(albumId: number): AlbumAvailability {
    return this.state.availability.get(albumId) ?? ON_SALE;
  }

  /** Fails one job with a reason, as a transfer error would. */
  failJob(jobId: number, code: string, message: string): void {
    const job = this.#job(jobId);
    job.state = 'failed';
    job.error = { code, message };
    this.emit({ name: 'job-state', payload: { job: { ...job } } });
  }

  #filed(group: DownloadGroup): boolean {
    return this.state.library.some(
      (a) => a.storeAlbumId === group.albumId && a.encodings.includes(group.encoding),
    );
  }

  #file(group: DownloadGroup): void {
    const album = this.#album(group.albumId);
    fileIntoLibrary(this.state.library, album, group);
    const charged = group.jobs.reduce((s, j) => s + (j.bytesTotal ?? 0), 0);
    const held = this.#held.get(group.purchaseId) ?? charged;
    this.#held.delete(group.purchaseId);
    this.state.reservedBytes = Math.max(0, this.state.reservedBytes - charged);
    this.#credit(-charged, 'settle', `order-${group.purchaseId}`, -charged);
    if (held > charged) {
      this.state.reservedBytes = Math.max(0, this.state.reservedBytes - (held - charged));
      this.#credit(0, 'release', `order-${group.purchaseId}`, charged - held);
    }
    this.emit({
      name: 'album-filed',
      payload: {
        purchaseId: group.purchaseId,
        albumTitle: album.title,
        artistName: album.artist.name,
        tracks: group.jobs.length,
      },
    });
    this.emit({ name: 'balance', payload: { balance: this.#balance() } });
  }

  #credit(
    amountBytes: number,
    kind: LedgerEntry['kind'],
    orderId: string | null = null,
    reservedDeltaBytes = 0,
    payment: { paymentId: string; paid: Money } | null = null,
  ): void {
    if (kind !== 'topup' || this.state.ledger.length > 0) this.state.balanceBytes += amountBytes;
    this.state.ledger.push({
      id: this.state.ledger.length + 1,
      kind,
      amountBytes,
      reservedDeltaBytes,
      balanceAfterBytes: this.state.balanceBytes,
      reservedAfterBytes: this.state.reservedBytes,
      orderId,
      itemId: null,
      voucher: kind === 'topup' && !payment ? 'DEMO' : null,
      paymentId: payment?.paymentId ?? null,
      paid: payment?.paid ?? null,
      note: null,
      createdAt: new Date().toISOString(),
    });
  }

  #balance(): BalanceView {
    return {
      balanceBytes: this.state.balanceBytes,
      reservedBytes: this.state.reservedBytes,
      availableBytes: this.state.balanceBytes - this.state.reservedBytes,
      asOf: new Date().toISOString(),
      offline: !this.state.online,
      mismatch: null,
    };
  }

  #album(id: number): Album {
    const album = this.albums.find((a) => a.id === id);
    if (!album) throw new MegadiscError('NOT_FOUND', `album ${id} not found`);
    return album;
  }

  #libraryAlbum(id: number): LibraryAlbum {
    const album = this.state.library.find((a) => a.id === id);
    if (!album) throw new MegadiscError('NOT_FOUND', `library album ${id} not found`);
    return album;
  }

  #job(id: number): JobView {
    const job = this.state.groups.flatMap((g) => g.jobs).find((j) => j.id === id);
    if (!job) throw new MegadiscError('NOT_FOUND', `job ${id} not found`);
    return job;
  }

  #online(): void {
    if (!this.state.online) throw new MegadiscError('STORE_UNREACHABLE', 'the store is not answering');
  }

  #tracks(albumId: number, trackIds?: number[]) {
    const tracks = this.#album(albumId).discs.flatMap((d) => d.tracks);
    return trackIds ? tracks.filter((t) => trackIds.includes(t.id)) : tracks;
  }

  #rows(): LibraryTrackRow[] {
    return this.state.library.flatMap((a) =>
      a.tracks.flatMap((t) =>
        t.files.map((f) => ({
          fileId: f.id,
          albumId: a.id,
          title: t.title,
          artist: t.artists.join(', '),
          album: a.title,
          discNumber: t.discNumber,
          discCount: Math.max(...a.tracks.map((x) => x.discNumber)),
          trackNumber: t.trackNumber,
          encoding: f.encoding,
          bytes: f.bytes,
          status: f.status,
          path: f.path,
        })),
      ),
    );
  }

  readonly #handlers: Handlers = {
    'app.info': () => ({
      version: '0.1.0',
      transport: this.state.transport,
      demoStoreUrl: 'http://127.0.0.1:8700',
      session: this.state.session ? { ...this.state.session } : null,
      systemLanguages: this.state.systemLanguages,
    }),
    'session.login': (i) => {
      // Like the core: a login also makes that store the default one.
      this.state.session = { storeUrl: i.storeUrl, email: i.email, accountId: 1 };
      this.state.settings.storeUrl = i.storeUrl;
      return { ...this.state.session };
    },
    'session.logout': () => {
      this.state.session = null;
      return null;
    },
    'store.home': () => {
      this.#online();
      return {
        newReleases: [...this.albums].reverse(),
        charts: [...this.albums].sort((a, b) => b.sales - a.sales || b.id - a.id),
        genres: [
          { slug: 'electronic', name: 'Electronic', albumCount: 2 },
          { slug: 'rock', name: 'Rock', albumCount: 1 },
        ],
      };
    },
    'store.search': (i) => {
      this.#online();
      return fakeSearch(this.albums, i.q);
    },
    'store.album': (i) => {
      this.#online();
      return storeAlbumView(this.#album(i.id), this.#availability(i.id), this.state.library);
    },
    'store.artist': (i) => {
      this.#online();
      const albums = this.albums.filter((a) => a.artist.id === i.id);
      if (albums.length === 0) throw new MegadiscError('NOT_FOUND', `artist ${i.id} not found`);
      return { id: i.id, name: albums[0]!.artist.name, albums };
    },
    'store.encodings': () => fakeEncodings(),
    'store.quotes': (i) => {
      this.#online();
      const album = this.#album(i.albumId);
      assertOnSale(this.#availability(i.albumId));
      return fakeQuotes(album, this.#tracks(i.albumId, i.trackIds), this.#balance());
    },
    'store.buy': (i) => {
      this.#online();
      const album = this.#album(i.albumId);
      assertOnSale(this.#availability(i.albumId));
      const tracks = this.#tracks(i.albumId, i.trackIds);
      const high = tracks.reduce(
        (s, t) => s + Math.round(fakeTrackBytes(i.encoding, t.durationMs) * 1.15),
        0,
      );
      if (high > this.state.balanceBytes - this.state.reservedBytes) {
        throw new MegadiscError('INSUFFICIENT_BALANCE', 'not enough megabytes for this purchase');
      }
      const purchaseId = this.#nextId++;
      const ext = ENCODINGS[i.encoding].extension;
      this.state.reservedBytes += high;
      this.#held.set(purchaseId, high);
      this.#credit(0, 'reserve', `order-${purchaseId}`, high);
      this.state.groups.push({
        purchaseId,
        albumId: album.id,
        albumTitle: album.title,
        artistName: album.artist.name,
        encoding: i.encoding,
        purchaseState: 'ordered',
        error: null,
        bytesDone: 0,
        bytesTotal: tracks.reduce((s, t) => s + fakeTrackBytes(i.encoding, t.durationMs), 0),
        jobs: tracks.map((t) => ({
          id: purchaseId * 100 + t.trackNumber + (t.discNumber - 1) * 50,
          purchaseId,
          orderId: `order-${purchaseId}`,
          title: t.title,
          fileName: `${String(t.trackNumber).padStart(2, '0')} ${t.title}.${ext}`,
          state: 'queued',
          bytesTotal: fakeTrackBytes(i.encoding, t.durationMs),
          bytesDone: 0,
          finalPath: null,
          error: null,
        })),
      });
      this.emit({ name: 'queue-changed', payload: {} });
      return { purchaseId, orderId: `order-${purchaseId}` };
    },
    'account.balance': () => this.#balance(),
    'account.ledger': () => ({ balance: this.#balance(), entries: [...this.state.ledger] }),
    'account.spend': () => {
      const settles = this.state.ledger.filter((e) => e.kind === 'settle');
      const sum = (key: (e: LedgerEntry) => string) => {
        const totals = new Map<string, number>();
        for (const e of settles) totals.set(key(e), (totals.get(key(e)) ?? 0) - e.amountBytes);
        return [...totals].map(([k, bytes]) => ({
          key: k,
          bytes,
          micros: Math.round((bytes / MB) * PER_MB_MICROS),
          paidMicros: Math.round((bytes / MB) * this.state.paidPerMbMicros),
        }));
      };
      const artistOf = (e: LedgerEntry) =>
        this.state.groups.find((g) => `order-${g.purchaseId}` === e.orderId)?.artistName ?? 'Other';
      const totalBytes = settles.reduce((s, e) => s - e.amountBytes, 0);
      return {
        perMb: { currency: 'USD', micros: PER_MB_MICROS, display: '$0.02' },
        paidCurrency: 'USD',
        byMonth: sum((e) => e.createdAt.slice(0, 7)),
        byArtist: sum(artistOf),
        totalBytes,
        totalPaidMicros: Math.round((totalBytes / MB) * this.state.paidPerMbMicros),
      };
    },
    'account.topup': (i) => {
      this.#online();
      const bytes = this.state.vouchers.get(i.code.trim().toUpperCase());
      if (!bytes) throw new MegadiscError('VOUCHER_INVALID', 'this voucher code is not valid or was used');
      this.state.vouchers.delete(i.code.trim().toUpperCase());
      this.#credit(bytes, 'topup');
      const entry = this.state.ledger.at(-1)!;
      return {
        creditedBytes: bytes,
        kind: 'promotional' as const,
        account: {
          id: 1,
          email: 'demo@megadisc.local',
          balanceBytes: this.state.balanceBytes,
          reservedBytes: this.state.reservedBytes,
          availableBytes: this.state.balanceBytes - this.state.reservedBytes,
          country: 'US',
          createdAt: new Date().toISOString(),
        },
        entry,
      };
    },
    'account.packs': () => {
      this.#online();
      return fakePackTable(this.state.lifetimeSpentMicros);
    },
    'account.checkout': (i) => {
      this.#online();
      const packId = i.packId.trim().toUpperCase();
      const quote = fakePackTable(this.state.lifetimeSpentMicros).packs.find((p) => p.id === packId);
      if (!quote) throw new MegadiscError('NOT_FOUND', `no pack ${packId}`);
      const checkout = fakeCheckout(this.state.checkouts.length + 1, quote);
      this.state.checkouts.push(checkout);
      return { ...checkout };
    },
    'account.checkoutStatus': (i) => {
      this.#online();
      const checkout = this.state.checkouts.find((c) => c.id === i.id);
      if (!checkout) throw new MegadiscError('NOT_FOUND', `no checkout ${i.id}`);
      // As the core: the first answer that says paid comes with a synced ledger and a balance event.
      if (checkout.state === 'paid' && !this.#announced.has(checkout.id)) {
        this.#announced.add(checkout.id);
        this.emit({ name: 'balance', payload: { balance: this.#balance() } });
      }
      return { ...checkout };
    },
    'downloads.list': () => ({
      groups: this.state.groups.map((g) => ({ ...g, jobs: g.jobs.map((j) => ({ ...j })) })),
      running: this.state.groups.some((g) => g.jobs.some((j) => j.state === 'downloading')),
    }),
    'downloads.pause': (i) => this.#setStates(i.ids, ['queued', 'downloading'], 'paused'),
    'downloads.resume': (i) => this.#setStates(i.ids, ['paused'], 'queued'),
    'downloads.retry': (i) => this.#setStates(i.ids, ['failed'], 'queued'),
    'downloads.cancel': (i) => {
      const job = this.#job(i.id);
      if (job.state === 'done') throw new MegadiscError('INVALID_STATE', `job ${i.id} is already done`);
      job.state = 'cancelled';
      this.emit({ name: 'job-state', payload: { job: { ...job } } });
      this.emit({ name: 'queue-changed', payload: {} });
      return { ...job };
    },
    'downloads.move': (i) => {
      this.#moveJob(this.#job(i.id), i.place);
      this.emit({ name: 'queue-changed', payload: {} });
      return null;
    },
    'library.albums': (i) => {
      const q = i.q?.trim().toLowerCase();
      const by = (a: LibraryAlbum, b: LibraryAlbum) => {
        const text = (x: string, y: string) => x.localeCompare(y, undefined, { sensitivity: 'base' });
        if (i.sort === 'added') return b.addedAt.localeCompare(a.addedAt) || b.id - a.id;
        if (i.sort === 'year') return (a.year ?? 0) - (b.year ?? 0) || text(a.title, b.title) || a.id - b.id;
        if (i.sort === 'album')
          return text(a.title, b.title) || text(a.albumArtist, b.albumArtist) || a.id - b.id;
        return text(a.albumArtist, b.albumArtist) || text(a.title, b.title) || a.id - b.id;
      };
      return [...this.state.library]
        .sort(by)
        .filter((a) => !q || `${a.title} ${a.albumArtist}`.toLowerCase().includes(q))
        .map((a) => ({
          id: a.id,
          title: a.title,
          albumArtist: a.albumArtist,
          year: a.year,
          addedAt: a.addedAt,
          encodings: a.encodings,
          trackCount: a.tracks.length,
          bytes: a.tracks.flatMap((t) => t.files).reduce((s, f) => s + f.bytes, 0),
          problems: a.tracks.flatMap((t) => t.files).filter((f) => f.status !== 'ok').length,
          availability: known(this.state.availability.get(a.storeAlbumId)),
        }));
    },
    'library.album': (i) => {
      const album = this.#libraryAlbum(i.id);
      return { ...album, availability: known(this.state.availability.get(album.storeAlbumId)) };
    },
    'library.tracks': (i) => fakeTrackPage(this.#rows(), this.state.generatedTracks, i),
    // Reports the statuses the files have in state: tests mark a file missing or changed there.
    'library.verify': (i) => {
      if (i.albumId !== undefined && !this.state.library.some((a) => a.id === i.albumId)) {
        throw new MegadiscError('NOT_FOUND', `no album ${i.albumId} in the library`);
      }
      const rows = this.#rows().filter((r) => i.albumId === undefined || r.albumId === i.albumId);
      return {
        ok: rows.filter((r) => r.status === 'ok').length,
        missing: rows.filter((r) => r.status === 'missing').map((r) => r.path),
        changed: rows.filter((r) => r.status === 'changed').map((r) => r.path),
      };
    },
    // Offline, the answers the store gave last; the fake's store keeps them all along.
    'library.availability': () => ({
      problem: this.state.online ? null : { code: 'STORE_UNREACHABLE', message: 'store unreachable' },
      items: this.state.library.flatMap((a) => {
        const said = known(this.state.availability.get(a.storeAlbumId));
        return said
          ? [
              {
                ...said,
                albumId: a.id,
                storeAlbumId: a.storeAlbumId,
                title: a.title,
                albumArtist: a.albumArtist,
              },
            ]
          : [];
      }),
    }),
    'library.redownload': (i) => {
      const album = this.#libraryAlbum(i.albumId);
      if (!this.#availability(album.storeAlbumId).redownload) {
        throw new MegadiscError('REDOWNLOAD_WITHDRAWN', 'the store no longer serves this release again');
      }
      const missing = album.tracks.flatMap((t) => t.files).filter((f) => f.status === 'missing');
      for (const f of missing) f.status = 'ok';
      return { requeued: missing.length };
    },
    'library.openFolder': (i) => {
      if (this.state.transport !== 'electron') {
        throw new MegadiscError('INVALID_STATE', 'opening folders is only available in the desktop app');
      }
      if (!this.state.library.some((a) => a.id === i.albumId)) {
        throw new MegadiscError('NOT_FOUND', `no album ${i.albumId} in the library`);
      }
      return null;
    },
    // The system player "opens" any file the library holds (calls records which).
    'library.openFile': (i) => {
      if (!this.state.library.some((a) => a.tracks.some((t) => t.files.some((f) => f.id === i.fileId)))) {
        throw new MegadiscError('NOT_FOUND', `no library file ${i.fileId}`);
      }
      return null;
    },
    'settings.get': () => ({ ...this.state.settings }),
    'settings.update': (i) => {
      Object.assign(this.state.settings, i);
      this.emit({ name: 'settings', payload: { settings: { ...this.state.settings } } });
      return { ...this.state.settings };
    },
    'settings.previewPath': (i) => fakePreviewPaths(i.template, this.state.settings.defaultEncoding),
  };

  /**
   * As the core's JobStore.move: one job to a 1-based place in the order of every job. Jobs keep a
   * queue position (new ones go last), so a group's jobs may interleave with another's, as in the
   * core; groups then follow their first job, as the core's downloads view lists them.
   */
  #moveJob(job: JobView, place: number): void {
    const order = this.#queueOrder().filter((j) => j !== job);
    order.splice(Math.max(0, Math.min(order.length, place - 1)), 0, job);
    for (const [i, j] of order.entries()) this.#positions.set(j.id, i + 1);
    const first = (g: DownloadGroup) => Math.min(...g.jobs.map((j) => this.#positions.get(j.id)!));
    for (const g of this.state.groups)
      g.jobs.sort((a, b) => this.#positions.get(a.id)! - this.#positions.get(b.id)!);
    // Groups without jobs (being ordered) have no place: Infinity, after the others, kept in order.
    this.state.groups.sort((a, b) => (first(a) === first(b) ? 0 : first(a) - first(b)));
  }

  /** Every job in queue order; jobs not placed yet (just bought, or set by a test) go last. */
  #queueOrder(): JobView[] {
    const jobs = this.state.groups.flatMap((g) => g.jobs);
    let last = Math.max(0, ...this.#positions.values());
    for (const j of jobs) if (!this.#positions.has(j.id)) this.#positions.set(j.id, ++last);
    return jobs.sort((a, b) => this.#positions.get(a.id)! - this.#positions.get(b.id)!);
  }

  #setStates(ids: number[] | 'all', from: JobView['state'][], to: JobView['state']): number[] {
    const jobs = this.state.groups.flatMap((g) => g.jobs);
    const chosen = jobs.filter((j) => (ids === 'all' || ids.includes(j.id)) && from.includes(j.state));
    for (const job of chosen) {
      job.state = to;
      if (to === 'queued') job.error = null;
      this.emit({ name: 'job-state', payload: { job: { ...job } } });
    }
    return chosen.map((j) => j.id);
  }
}

export type { EncodingId };
