// Puts albums from a catalog source into the store: rows, full-text index, and cover sizes.
import { join } from 'node:path';
import type { Database } from '../db/sql/port.ts';
import { CatalogWriter } from './catalog-writer.ts';
import { renderCoverSizes } from './sources/index.ts';
import type { AlbumInput } from './sources/types.ts';

export const COVER_SIZES = [150, 300, 600, 1200];

export async function addAlbums(
  db: Database,
  paths: { data: string; covers: string },
  albums: AlbumInput[],
  log: (message: string) => void = () => {},
): Promise<number[]> {
  const writer = new CatalogWriter(db, paths.data);
  const ids: number[] = [];
  for (const album of albums) {
    const { albumId } = await writer.addAlbum(album);
    if (album.coverPath) {
      try {
        const rendered = await renderCoverSizes(
          album.coverPath,
          join(paths.covers, String(albumId)),
          COVER_SIZES,
        );
        await writer.setCoverSizes(
          albumId,
          [...rendered.keys()].sort((a, b) => a - b),
        );
      } catch (error) {
        log(`cover of "${album.title}" skipped: ${(error as Error).message}`);
      }
    }
    ids.push(albumId);
  }
  return ids;
}
