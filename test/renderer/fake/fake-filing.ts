// How the fake files a finished download group into its library: one album per store album, a
// second encoding joining the album already there, as the core's library index does.

import type { Album } from '../../../api/schemas/catalog.ts';
import { ENCODINGS } from '../../../api/schemas/encoding-catalog.ts';
import type { LibraryAlbum } from '../../../electron/shared/app-api/domain.ts';
import type { DownloadGroup } from '../../../electron/shared/app-api/views.ts';

export function fileIntoLibrary(library: LibraryAlbum[], album: Album, group: DownloadGroup): void {
  const tracks = album.discs
    .flatMap((d) => d.tracks)
    .filter((t) => group.jobs.some((j) => j.title === t.title));
  const ext = ENCODINGS[group.encoding].extension;
  // A second encoding of an album joins the album already filed, as in the core's library.
  const existing = library.find((a) => a.storeAlbumId === album.id);
  const id = existing?.id ?? library.length + 1;
  const fileBase = id * 1000 + (existing?.tracks.flatMap((t) => t.files).length ?? 0);
  const folder = `${album.artist.name}/${album.title} (${album.year})${existing ? ` [${group.encoding}]` : ''}`;
  const filed: LibraryAlbum = {
    id,
    store: 'http://127.0.0.1:8700',
    storeAlbumId: album.id,
    title: album.title,
    albumArtist: album.artist.name,
    year: album.year,
    addedAt: new Date().toISOString(),
    encodings: [group.encoding],
    tracks: tracks.map((t, i) => ({
      id: t.id,
      storeTrackId: t.id,
      title: t.title,
      artists: t.artists.map((a) => a.name),
      discNumber: t.discNumber,
      trackNumber: t.trackNumber,
      isrc: null,
      files: [
        {
          id: fileBase + i,
          trackId: t.id,
          albumId: id,
          store: 'http://127.0.0.1:8700',
          storeAlbumId: album.id,
          storeTrackId: t.id,
          path: `${folder}/${String(t.trackNumber).padStart(2, '0')} ${t.title}.${ext}`,
          encoding: group.encoding,
          bytes: group.jobs[i]?.bytesTotal ?? 0,
          sha256: '0'.repeat(64),
          purchaseId: group.purchaseId,
          orderId: `order-${group.purchaseId}`,
          itemId: null,
          status: 'ok',
          addedAt: new Date().toISOString(),
          verifiedAt: null,
          tags: null as never,
        },
      ],
    })),
  };
  if (!existing) library.push(filed);
  else {
    for (const track of filed.tracks) {
      const same = existing.tracks.find((t) => t.storeTrackId === track.storeTrackId);
      if (same) same.files.push(...track.files);
      else existing.tracks.push(track);
    }
    existing.tracks.sort((a, b) => a.discNumber - b.discNumber || a.trackNumber - b.trackNumber);
    existing.encodings = [...new Set([...existing.encodings, group.encoding])].sort();
  }
}
