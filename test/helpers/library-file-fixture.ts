// A small library on disk for the file-serving tests: an indexed MP3 and FLAC inside the library,
// a file outside it, a symlink in the library pointing there, and index rows for each case.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LibraryFileLookup } from '../../electron/core/media/library-file.ts';

export const FILE_IDS = {
  mp3: 1,
  flac: 2,
  /** An index row whose file is gone. */
  missing: 3,
  /** A symlink inside the library to a file outside it. */
  linkOut: 4,
  /** A row whose path tries to climb out (never written by the index, refused all the same). */
  climbing: 5,
  /** No row at all. */
  unknown: 99,
} as const;

export interface LibraryFileFixture {
  dir: string;
  root: string;
  lookup: LibraryFileLookup;
  /** The MP3's bytes: 1000 bytes, byte i = i % 251. */
  mp3Bytes: Buffer;
  dispose(): void;
}

export function libraryFileFixture(): LibraryFileFixture {
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-libfile-'));
  const root = join(dir, 'Music');
  mkdirSync(join(root, 'Artist', 'Album'), { recursive: true });
  const mp3Bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
  writeFileSync(join(root, 'Artist', 'Album', '01 One.mp3'), mp3Bytes);
  writeFileSync(join(root, 'Artist', 'Album', '02 Two.flac'), Buffer.from('fLaC0123456789'));
  writeFileSync(join(dir, 'secret.mp3'), 'TOP SECRET OUTSIDE THE LIBRARY');
  symlinkSync(join(dir, 'secret.mp3'), join(root, 'Artist', 'Album', '04 Link.mp3'));
  const rows: Record<number, { path: string; encoding: string }> = {
    [FILE_IDS.mp3]: { path: 'Artist/Album/01 One.mp3', encoding: 'mp3-v0' },
    [FILE_IDS.flac]: { path: 'Artist/Album/02 Two.flac', encoding: 'flac' },
    [FILE_IDS.missing]: { path: 'Artist/Album/03 Gone.mp3', encoding: 'mp3-v0' },
    [FILE_IDS.linkOut]: { path: 'Artist/Album/04 Link.mp3', encoding: 'mp3-v0' },
    [FILE_IDS.climbing]: { path: '../secret.mp3', encoding: 'mp3-v0' },
  };
  return {
    dir,
    root,
    mp3Bytes,
    lookup: { file: (id) => rows[id], libraryRoot: () => root },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
