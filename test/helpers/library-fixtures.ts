// Shared helpers for the library tests: tags, temp profiles and libraries, small dummy files.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { EncodingId } from '../../api/schemas/encoding-catalog.ts';
import type { TagData } from '../../api/schemas/orders.ts';
import { LibraryIndex } from '../../electron/core/library/index.ts';
import { openProfile, type ProfileDb } from '../../electron/core/profile/open-profile.ts';

export function tags(patch: Partial<TagData> = {}): TagData {
  return {
    title: 'Song',
    artists: ['Artist'],
    album: 'Album',
    albumArtist: 'Artist',
    trackNumber: 1,
    trackTotal: 10,
    discNumber: 1,
    discTotal: 1,
    year: 1999,
    date: '1999-05-01',
    genres: ['Rock', 'Pop'],
    label: 'Label',
    isrc: 'USABC9900001',
    storeIds: { trackId: 1, albumId: 1, artistId: 1, orderId: 'ord_1234567890' },
    coverUrl: null,
    replayGain: { trackGainDb: null, trackPeak: null, albumGainDb: null, albumPeak: null },
    ...patch,
  };
}

export interface Sandbox {
  dir: string;
  root: string;
  db: ProfileDb;
  index: LibraryIndex;
  cleanup: () => void;
}

export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-library-'));
  const root = join(dir, 'Music');
  mkdirSync(root);
  const db = openProfile(join(dir, 'profile'));
  return {
    dir,
    root,
    db,
    index: new LibraryIndex(db),
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const sha256 = (content: string) => createHash('sha256').update(content).digest('hex');

/** Writes a dummy file at root/relative and indexes it. */
export function addFile(
  box: Sandbox,
  relative: string,
  content: string,
  t: TagData = tags(),
  encoding: EncodingId = 'flac',
  addedAt?: string,
) {
  const absolute = join(box.root, ...relative.split('/'));
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, content);
  return box.index.add({
    store: 'https://store.example',
    path: relative,
    encoding,
    bytes: Buffer.byteLength(content),
    sha256: sha256(content),
    purchaseId: 1,
    itemId: `itm_${relative}`,
    tags: t,
    ...(addedAt ? { addedAt } : {}),
  });
}
