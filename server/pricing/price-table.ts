// Builds an album's price table: every encoding, every track, exact where already encoded.
import { ENCODING_IDS, type EncodingId } from '../../api/schemas/encoding-catalog.ts';
import type { EncodingPrice, PriceTable } from '../../api/schemas/encodings.ts';
import type { Locale } from '../../i18n/index.ts';
import type { TrackRow } from '../catalog/catalog-queries.ts';
import { inList } from '../db/sql/in-list.ts';
import type { Sql } from '../db/sql/port.ts';
import type { EncoderAvailability, ExactSizes } from '../transcode/index.ts';
import { unavailableReason } from '../transcode/unavailable-reason.ts';
import { estimateSize } from './estimate-size.ts';
import { BYTES_PER_MB, priceOf, type Rate } from './money.ts';

export type { ExactSizes };

export interface TrackFigure {
  trackId: number;
  bytes: number;
  exact: boolean;
  lowBytes: number;
  highBytes: number;
}

export function trackFigure(track: TrackRow, encoding: EncodingId, exact: ExactSizes): TrackFigure {
  const encoded = exact.lookup(track.id, encoding);
  if (encoded) {
    return {
      trackId: track.id,
      bytes: encoded.bytes,
      exact: true,
      lowBytes: encoded.bytes,
      highBytes: encoded.bytes,
    };
  }
  const e = estimateSize(encoding, {
    durationMs: track.duration_ms,
    sampleRate: track.sample_rate,
    channels: track.channels,
    bitsPerSample: track.bits_per_sample,
    masterBytes: track.master_bytes,
    masterIsFlac: track.master_path.toLowerCase().endsWith('.flac'),
  });
  return { trackId: track.id, exact: false, ...e };
}

/** Which of these tracks the account owns, in each encoding: one query for every encoding. */
export async function ownedTracks(
  q: Sql,
  accountId: number,
  trackIds: number[],
): Promise<Map<EncodingId, Set<number>>> {
  const owned = new Map<EncodingId, Set<number>>();
  if (trackIds.length === 0) return owned;
  const rows = await q.all<{ track_id: number; encoding: EncodingId }>(
    `SELECT track_id, encoding FROM ownership WHERE account_id = ? AND track_id IN ${inList(trackIds)}`,
    accountId,
    ...trackIds,
  );
  for (const r of rows) {
    const set = owned.get(r.encoding) ?? new Set<number>();
    set.add(r.track_id);
    owned.set(r.encoding, set);
  }
  return owned;
}

export async function buildPriceTable(opts: {
  db: Sql;
  albumId: number;
  tracks: TrackRow[];
  availability: Map<EncodingId, EncoderAvailability>;
  exact: ExactSizes;
  rate: Rate;
  accountId?: number;
  /** The language of `unavailableReason` (English by default). */
  locale?: Locale;
}): Promise<PriceTable> {
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const ownedBy =
    opts.accountId === undefined
      ? new Map<EncodingId, Set<number>>()
      : await ownedTracks(
          opts.db,
          opts.accountId,
          opts.tracks.map((t) => t.id),
        );
  const encodings = ENCODING_IDS.map((encoding): EncodingPrice => {
    const avail = opts.availability.get(encoding);
    const owned = ownedBy.get(encoding) ?? new Set<number>();
    const tracks = opts.tracks.map((t) => ({
      ...trackFigure(t, encoding, opts.exact),
      owned: owned.has(t.id),
    }));
    const bytes = sum(tracks.map((t) => t.bytes));
    const charged = tracks.filter((t) => !t.owned);
    const chargeBytes = sum(charged.map((t) => t.bytes));
    return {
      encoding,
      available: avail?.available ?? false,
      unavailableReason: unavailableReason(avail, opts.locale ?? 'en'),
      exact: tracks.every((t) => t.exact),
      bytes,
      lowBytes: sum(tracks.map((t) => t.lowBytes)),
      highBytes: sum(tracks.map((t) => t.highBytes)),
      tracks,
      mb: Math.round((bytes / BYTES_PER_MB) * 100) / 100,
      price: priceOf(bytes, opts.rate),
      chargeBytes,
      chargeHighBytes: sum(charged.map((t) => t.highBytes)),
      chargePrice: priceOf(chargeBytes, opts.rate),
    };
  });
  return {
    albumId: opts.albumId,
    rate: { perMb: priceOf(BYTES_PER_MB, opts.rate), bytesPerMb: BYTES_PER_MB },
    encodings,
  };
}
