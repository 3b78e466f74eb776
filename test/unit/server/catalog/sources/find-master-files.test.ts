// The master file walk's order: numeric-aware, and total, so names that collate alike still come
// back in one order whatever order the file system lists them in.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMasterFiles } from '../../../../../server/catalog/sources/find-master-files.ts';
import { withTempDir } from '../../../../helpers/audio-fixtures.ts';

describe('findMasterFiles', () => {
  it('orders numbers by value, and names that differ only in zero padding by their raw text', async () => {
    const { dir, cleanup } = await withTempDir('find-masters');
    try {
      const album = join(dir, 'album');
      await mkdir(album);
      const names = ['x 10.flac', 'x 1.flac', 'x 2.wav', 'x 01.flac', 'x 001.flac', 'notes.txt'];
      for (const name of names) await writeFile(join(album, name), '');
      const found = await findMasterFiles(dir);
      expect(found.map((path) => path.slice(album.length + 1))).toEqual([
        'x 001.flac',
        'x 01.flac',
        'x 1.flac',
        'x 2.wav',
        'x 10.flac',
      ]);
    } finally {
      await cleanup();
    }
  });
});
