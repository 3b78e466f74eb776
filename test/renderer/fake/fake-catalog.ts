// Catalog data for the in-memory fake of the app API: a few albums, enough for every screen.

import type { Album, AlbumSummary, Track } from '../../../api/schemas/catalog.ts';
import { ENCODINGS, type EncodingId } from '../../../api/schemas/encoding-catalog.ts';

const ARTISTS = [
  { id: 1, name: 'Quiet Static' },
  { id: 2, name: 'Marble Arcade' },
  { id: 3, name: 'Ferro & The Lows' },
];

const LABEL = { id: 1, name: 'Megadisc Demo Rights' };

function makeAlbum(id: number, title: string, artistIndex: number, tracks: string[], discs = 1): Album {
  const artist = ARTISTS[artistIndex]!;
  const perDisc = Math.ceil(tracks.length / discs);
  const all: Track[] = tracks.map((t, i) => ({
    id: id * 100 + i + 1,
    albumId: id,
    discNumber: Math.floor(i / perDisc) + 1,
    trackNumber: (i % perDisc) + 1,
    title: t,
    artists: [artist],
    durationMs: 180_000 + i * 7_000,
    isrc: null,
    rightsHolder: LABEL,
  }));
  const summary: AlbumSummary = {
    id,
    title,
    artist,
    releaseDate: `2026-0${(id % 9) + 1}-15`,
    year: 2026,
    label: 'Megadisc Demo',
    genres: [id % 2 ? 'Electronic' : 'Rock'],
    trackCount: all.length,
    discCount: discs,
    durationMs: all.reduce((s, t) => s + t.durationMs, 0),
    cover: null,
    sales: 100 - id,
  };
  return {
    ...summary,
    rightsHolder: LABEL,
    upc: `0000000000${String(id).padStart(2, '0')}`,
    territories: null,
    discs: Array.from({ length: discs }, (_, d) => ({
      number: d + 1,
      tracks: all.filter((t) => t.discNumber === d + 1),
    })),
  };
}

export function fakeAlbums(): Album[] {
  return [
    makeAlbum(1, 'Low Tide Signals', 0, ['Harbor Lights', 'Undertow', 'Salt Glass', 'Beacon']),
    makeAlbum(2, 'Neon Cartography', 1, ['Grid North', 'Contour', 'Legend / Key', 'Scale: 1:1']),
    makeAlbum(3, 'Pixel Orchard', 2, ['Seedling', 'Graft', 'Blossom', 'Windfall', 'Cider', 'Frost'], 2),
  ];
}

/** Bytes of one track in an encoding: nominal bitrate × duration, lossless at ~900 kbit/s. */
export function fakeTrackBytes(encoding: EncodingId, durationMs: number): number {
  const spec = ENCODINGS[encoding];
  const kbps = spec.mode === 'lossless' ? 900 : (spec.nominalKbps ?? 192);
  return Math.round((kbps * 1000 * durationMs) / 8000);
}
