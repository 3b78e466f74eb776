// A full TagData for tests, with every field set.
import type { TagData } from '../../api/schemas/orders.ts';

export function fullTags(overrides: Partial<TagData> = {}): TagData {
  return {
    title: 'Night Drive ✓ 🌙',
    artists: ['Ana Lima', 'The Echo Unit'],
    album: 'Megadisc Sessions',
    albumArtist: 'Various Artists',
    trackNumber: 3,
    trackTotal: 12,
    discNumber: 1,
    discTotal: 2,
    year: 2021,
    date: '2021-05-07',
    genres: ['Electronic', 'Ambient'],
    label: 'Megadisc Records',
    isrc: 'USRC17607839',
    storeIds: { trackId: 1001, albumId: 2002, artistId: 3003, orderId: 'ord_AbCdEfGhIj0123' },
    coverUrl: 'https://store.example/covers/2002/600.jpg',
    replayGain: { trackGainDb: -6.52, trackPeak: 0.987654, albumGainDb: -7.1, albumPeak: 0.999123 },
    ...overrides,
  };
}
