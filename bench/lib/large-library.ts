// Fills a client profile's library index with N generated tracks (10 per album), for UI benchmarks.
// Only the index is written: the files themselves do not exist, which the list view does not need.
import type { EncodingId } from '../../api/schemas/encoding-catalog.ts';
import { LibraryIndex } from '../../electron/core/library/index.ts';
import { inTransaction, openProfile } from '../../electron/core/profile/open-profile.ts';
import { COMMON_WORDS as WORDS } from './words.ts';

const ENCODINGS: EncodingId[] = ['mp3-v0', 'flac', 'opus-160', 'aac-256'];

function word(i: number): string {
  const w = WORDS[i % WORDS.length]!;
  return w.charAt(0).toUpperCase() + w.slice(1);
}

export function fillLibrary(home: string, tracks: number, store = 'http://127.0.0.1:9'): void {
  const db = openProfile(home);
  const index = new LibraryIndex(db);
  try {
    inTransaction(db, () => {
      for (let i = 0; i < tracks; i++) {
        const albumNo = Math.floor(i / 10);
        const trackNo = (i % 10) + 1;
        const artist = `${word(albumNo % 997)} ${word((albumNo * 7) % 991)}`;
        const album = `${word(albumNo * 3)} ${word(albumNo * 11 + 5)}`;
        const title = `${word(i * 13 + 1)} ${word(i * 17 + 2)}`;
        const encoding = ENCODINGS[albumNo % ENCODINGS.length]!;
        index.add({
          store,
          path: `${artist}/${album} #${albumNo}/${String(trackNo).padStart(2, '0')} ${title}.${encoding === 'flac' ? 'flac' : 'mp3'}`,
          encoding,
          bytes: 4_000_000 + ((i * 7919) % 3_000_000),
          sha256: i.toString(16).padStart(64, '0'),
          purchaseId: null,
          orderId: null,
          itemId: null,
          tags: {
            title,
            artists: [artist],
            album,
            albumArtist: artist,
            trackNumber: trackNo,
            trackTotal: 10,
            discNumber: 1,
            discTotal: 1,
            year: 1990 + (albumNo % 35),
            date: null,
            genres: ['Electronic'],
            label: null,
            isrc: null,
            storeIds: {
              trackId: i + 1,
              albumId: albumNo + 1,
              artistId: (albumNo % 997) + 1,
              orderId: 'bench',
            },
            coverUrl: null,
            replayGain: { trackGainDb: null, trackPeak: null, albumGainDb: null, albumPeak: null },
          },
        });
      }
    });
  } finally {
    db.close();
  }
}
