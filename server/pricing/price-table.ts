// Builds an album's price table: every encoding, every track, exact where already encoded.
import { ENCODING_IDS, type EncodingId } from '../../api/encodings.ts';
import type { EncodingPrice, PriceTable } from '../../api/schemas/encodings.ts';
import type { TrackRow } from '../catalog/catalog-queries.ts';
import type { Db } from '../db/open-database.ts';
import type { EncoderAvailability } from '../transcode/index.ts';
import { estimateSize } from './estimate-size.ts';
import { BYTES_PER_MB, priceOf, type Rate } from './money.ts';

export interface ExactSizes {
  lookup(trackId: number, encoding: EncodingId): { bytes: number } | undefined;
}

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

export function ownedTracks(
  db: Db,
  accountId: number,
  encoding: EncodingId,
  trackIds: number[],
): Set<number> {
  const rows = db
    .prepare(
      `SELECT track_id FROM ownership WHERE account_id = ? AND encoding = ?
       AND track_id IN (SELECT value FROM json_each(?))`,
    )
    .all(accountId, encoding, JSON.stringify(trackIds)) as { track_id: number }[];
  return new Set(rows.map((r) => r.track_id));
}

export function buildPriceTable(opts: {
  db: Db;
  albumId: number;
  tracks: TrackRow[];
  availability: Map<EncodingId, EncoderAvailability>;
  exact: ExactSizes;
  rate: Rate;
  accountId?: number;
}): PriceTable {
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const encodings = ENCODING_IDS.map((encoding): EncodingPrice => {
    const avail = opts.availability.get(encoding);
    const owned =
      opts.accountId === undefined
        ? new Set<number>()
        : ownedTracks(
            opts.db,
            opts.accountId,
            encoding,
            opts.tracks.map((t) => t.id),
          );
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
      unavailableReason: avail?.available ? null : (avail?.reason ?? 'not probed'),
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
