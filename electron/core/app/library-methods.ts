// library.*: album cards, one album, the paged track list, verification and revealing a folder.
import { dirname, join } from 'node:path';
import type { AppApi } from '../../shared/app-api/contract.ts';
import { MegadiscError } from '../../shared/errors.ts';
import type { Engine } from '../create-engine.ts';
import { listAlbumCards, splitLibraryPath, trackPage } from '../library/index.ts';
import { type LibraryFileLookup, resolveLibraryFile } from '../media/library-file.ts';
import { openWithSystem } from '../media/open-with-system.ts';
import type { AppContext } from './app-context.ts';

type LibraryMethods = Pick<
  AppApi,
  | 'library.albums'
  | 'library.album'
  | 'library.tracks'
  | 'library.verify'
  | 'library.openFolder'
  | 'library.availability'
  | 'library.redownload'
  | 'library.openFile'
>;

/** How the media code finds an indexed file: its row, and the library folder of the moment. */
export function libraryFileLookup(engine: Engine): LibraryFileLookup {
  return { file: (fileId) => engine.library.get(fileId), libraryRoot: () => engine.libraryRoot() };
}

/** The folder holding an album's first file, absolute; NOT_FOUND for an album not in the library. */
export function albumFolder(ctx: AppContext, albumId: number): string {
  const first = ctx.engine.library.firstFilePath(albumId);
  if (first === undefined) throw new MegadiscError('NOT_FOUND', `no album ${albumId} in the library`);
  return dirname(join(ctx.engine.libraryRoot(), ...splitLibraryPath(first)));
}

export function libraryMethods(ctx: AppContext): LibraryMethods {
  const { engine, connection } = ctx;
  const libraryAlbum = (id: number) => {
    const album = engine.library.album(id);
    if (!album) throw new MegadiscError('NOT_FOUND', `no album ${id} in the library`);
    return album;
  };
  return {
    'library.albums': async ({ q, sort }) => listAlbumCards(engine.db, { q, sort }),
    'library.album': async ({ id }) => {
      const album = libraryAlbum(id);
      return { ...album, availability: engine.availability.get(album.store, album.storeAlbumId) };
    },
    'library.tracks': async ({ q, offset, limit }) => trackPage(engine.db, { q, offset, limit }),
    'library.verify': async ({ albumId }) => {
      if (albumId !== undefined && !engine.library.album(albumId)) {
        throw new MegadiscError('NOT_FOUND', `no album ${albumId} in the library`);
      }
      const report = await engine.library.verify(engine.libraryRoot(), undefined, { albumId });
      return {
        ok: report.ok.length,
        missing: report.missing.map((f) => f.path),
        changed: report.changed.map((f) => f.path),
      };
    },
    'library.openFolder': async ({ albumId }) => {
      const open = ctx.ports.openFolder;
      if (!open)
        throw new MegadiscError('INVALID_STATE', 'opening folders is only available in the desktop app');
      await open(albumFolder(ctx, albumId));
      return null;
    },
    'library.availability': () =>
      connection.track(
        () => engine.libraryAvailability(),
        (r) => (r.problem?.code === 'STORE_UNREACHABLE' ? r.problem.message : null),
      ),
    'library.redownload': async ({ albumId }) => {
      const album = libraryAlbum(albumId);
      // Requeueing takes the missing files out of the index until they arrive: not when they can't.
      if (engine.availability.get(album.store, album.storeAlbumId)?.redownload === false) {
        throw new MegadiscError(
          'REDOWNLOAD_WITHDRAWN',
          'the store no longer serves this release again, not even to its owners; the files you have stay',
        );
      }
      const { requeued } = await engine.requeueMissing(albumId);
      if (requeued.length > 0) {
        ctx.queueChanged();
        ctx.runner.kick();
      }
      return { requeued: requeued.length };
    },
    'library.openFile': async ({ fileId }) => {
      const { realPath } = await resolveLibraryFile(libraryFileLookup(engine), fileId);
      await (ctx.ports.openPath ?? openWithSystem)(realPath);
      return null;
    },
  };
}
