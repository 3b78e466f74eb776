// The fake store's answers that depend only on the catalog: search, encodings and quotes.

import type { Album, SearchResult, Track } from '../../../api/schemas/catalog.ts';
import { ENCODING_IDS, ENCODINGS } from '../../../api/schemas/encoding-catalog.ts';
import type { EncodingInfo } from '../../../api/schemas/encodings.ts';
import type { BalanceView, EncodingTable } from '../../../electron/shared/app-api/domain.ts';
import { fakeTrackBytes } from './fake-catalog.ts';

// $0.02 per MB, rounded to the cent like the demo store's display.
const micros = (bytes: number) => Math.round((bytes / 1_000_000) * 2) * 10_000;
const money = (bytes: number) => `$${(micros(bytes) / 1_000_000).toFixed(2)}`;

export function fakeSearch(albums: Album[], query: string): SearchResult {
  const q = query.trim().toLowerCase();
  const matches = (text: string) => q !== '' && text.toLowerCase().includes(q);
  const artists = [...new Map(albums.map((a) => [a.artist.id, a.artist])).values()].filter((a) =>
    matches(a.name),
  );
  const tracks = albums.flatMap((a) =>
    a.discs
      .flatMap((d) => d.tracks)
      .filter((t) => matches(t.title))
      .map((t) => ({ ...t, album: { id: a.id, title: a.title } })),
  );
  return {
    query,
    artists: { items: artists, nextCursor: null },
    albums: { items: albums.filter((a) => matches(`${a.title} ${a.artist.name}`)), nextCursor: null },
    tracks: { items: tracks, nextCursor: null },
  };
}

export function fakeEncodings(): EncodingInfo[] {
  return ENCODING_IDS.map((id) => ({
    id,
    label: ENCODINGS[id].label,
    codec: ENCODINGS[id].codec,
    container: ENCODINGS[id].container,
    extension: ENCODINGS[id].extension,
    mimeType: ENCODINGS[id].mimeType,
    mode: ENCODINGS[id].mode,
    nominalKbps: ENCODINGS[id].nominalKbps,
    available: true,
    unavailableReason: null,
  }));
}

/** MP3 320 is "already encoded" (exact); the others are estimates of ±15 %. */
export function fakeQuotes(album: Album, tracks: Track[], balance: BalanceView): EncodingTable {
  return {
    album,
    trackIds: tracks.map((t) => t.id),
    balance,
    heldByQueueBytes: 0,
    quotes: ENCODING_IDS.map((encoding) => {
      const bytes = tracks.reduce((s, t) => s + fakeTrackBytes(encoding, t.durationMs), 0);
      const exact = encoding === 'mp3-320';
      const high = exact ? bytes : Math.round(bytes * 1.15);
      return {
        encoding,
        label: ENCODINGS[encoding].label,
        available: true,
        unavailableReason: null,
        bytes,
        exact,
        lowBytes: exact ? bytes : Math.round(bytes * 0.85),
        highBytes: high,
        price: money(bytes),
        chargeBytes: bytes,
        chargeHighBytes: high,
        chargePrice: money(bytes),
        chargeMoney: { micros: micros(bytes), currency: 'USD' },
        ownedAll: false,
        balanceAfterBytes: balance.availableBytes - bytes,
        fits: high <= balance.availableBytes,
      };
    }),
  };
}
