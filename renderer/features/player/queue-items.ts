// Player items from the library's album view: one file per track for "play album" (one the UI can
// play when the track is owned in several encodings), or exactly the files the listener picked.
import type { LibraryAlbum, LibraryFile, LibraryTrack } from '../../../electron/shared/app-api/domain.ts';
import type { CanPlay } from './playable-formats.ts';
import type { PlayerItem } from './player-queue.ts';

const NO_REPLAY_GAIN = { trackGainDb: null, trackPeak: null, albumGainDb: null, albumPeak: null };

export function itemOf(album: LibraryAlbum, track: LibraryTrack, file: LibraryFile): PlayerItem {
  return {
    fileId: file.id,
    albumId: album.id,
    title: track.title,
    artist: track.artists.join(', ') || album.albumArtist,
    album: album.title,
    encoding: file.encoding,
    // Rows filed before tags were kept in the index have none: play them unlevelled.
    replayGain: file.tags?.replayGain ?? NO_REPLAY_GAIN,
  };
}

/** The file to play for a track: present and playable first, then present, then any. */
export function bestFile(track: LibraryTrack, canPlay: CanPlay): LibraryFile | undefined {
  const present = track.files.filter((f) => f.status !== 'missing');
  return present.find((f) => canPlay(f.encoding)) ?? present[0] ?? track.files[0];
}

export function albumItems(album: LibraryAlbum, canPlay: CanPlay): PlayerItem[] {
  return album.tracks.flatMap((track) => {
    const file = bestFile(track, canPlay);
    return file ? [itemOf(album, track, file)] : [];
  });
}

/** The chosen files, in the album's order. */
export function selectedItems(album: LibraryAlbum, fileIds: ReadonlySet<number>): PlayerItem[] {
  return album.tracks.flatMap((track) =>
    track.files.filter((f) => fileIds.has(f.id)).map((f) => itemOf(album, track, f)),
  );
}
