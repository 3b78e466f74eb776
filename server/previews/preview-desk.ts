// Free previews: who may hear which track (budget, takedowns, territories), and the cached clip to send.

import { RateLimiter } from '../accounts/rate-limiter.ts';
import type { Database } from '../db/sql/port.ts';
import { fromStoredPath } from '../db/stored-path.ts';
import { StoreError } from '../errors/store-error.ts';
import type { ServedFile } from '../http/serve-file.ts';
import type { SaleGate } from '../takedowns/sale-gate.ts';
import type { Transcoder } from '../transcode/index.ts';
import { PREVIEW_EXTENSION, PREVIEW_MIME_TYPE } from '../transcode/preview-recipe.ts';

/** Previews a listener may start per window: generous for browsing, tight for scraping a catalog. */
export interface PreviewLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_PREVIEW_LIMITS: PreviewLimits = {
  perAccount: 120,
  perAddress: 240,
  windowMs: 10 * 60_000,
};

/** Who asks: the signed-in account (its country counts), or an anonymous listener with an optional country. */
export interface Listener {
  accountId?: number;
  country?: string;
  /** The client's IP address, as the HTTP server sees it. */
  address: string;
}

interface PreviewTrack {
  id: number;
  album_id: number;
  title: string;
  duration_ms: number;
  master_path: string;
}

export class PreviewDesk {
  readonly #db: Database;
  readonly #dataDir: string;
  readonly #sale: SaleGate;
  readonly #transcoder: Transcoder;
  readonly #accounts: RateLimiter;
  readonly #addresses: RateLimiter;

  constructor(opts: {
    db: Database;
    dataDir: string;
    sale: SaleGate;
    transcoder: Transcoder;
    limits?: Partial<PreviewLimits>;
    now?: () => number;
  }) {
    const limits = { ...DEFAULT_PREVIEW_LIMITS, ...opts.limits };
    this.#db = opts.db;
    this.#dataDir = opts.dataDir;
    this.#sale = opts.sale;
    this.#transcoder = opts.transcoder;
    this.#accounts = new RateLimiter({ max: limits.perAccount, windowMs: limits.windowMs, now: opts.now });
    this.#addresses = new RateLimiter({ max: limits.perAddress, windowMs: limits.windowMs, now: opts.now });
  }

  /**
   * The preview file of a track, encoded on first use. Every request counts against the budgets (Range
   * requests too: a player makes only a few per preview). It never touches the ledger or royalties.
   */
  async preview(trackId: number, listener: Listener): Promise<ServedFile> {
    if (listener.accountId !== undefined) this.#accounts.check([`account:${listener.accountId}`]);
    this.#addresses.take([`address:${listener.address}`]);
    if (listener.accountId !== undefined) this.#accounts.take([`account:${listener.accountId}`]);

    const track = await this.#db.get<PreviewTrack>(
      'SELECT id, album_id, title, duration_ms, master_path FROM tracks WHERE id = ?',
      trackId,
    );
    if (!track) throw new StoreError('NOT_FOUND', 404, `track ${trackId} not found`);
    // The same 451s as buying: the album or this track taken down, or not licensed where the listener is.
    const buyer =
      listener.accountId !== undefined
        ? { accountId: listener.accountId }
        : listener.country
          ? { country: listener.country }
          : {};
    await this.#sale.checkSale(track.album_id, buyer, [track.id]);

    const record = await this.#transcoder.ensurePreview({
      trackId: track.id,
      masterPath: fromStoredPath(this.#dataDir, track.master_path),
      durationMs: track.duration_ms,
    });
    return {
      path: record.path,
      bytes: record.bytes,
      sha256: record.sha256,
      mimeType: PREVIEW_MIME_TYPE,
      fileName: `${track.title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_')} (preview).${PREVIEW_EXTENSION}`,
    };
  }
}
