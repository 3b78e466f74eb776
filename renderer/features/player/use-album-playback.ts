// What the library's album view needs to play: the whole album, one file, or the files ticked.
import { useCallback, useMemo, useState } from 'react';
import type { LibraryAlbum } from '../../../electron/shared/app-api/domain.ts';
import { usePlayer } from './player-context.tsx';
import { albumItems, itemOf, selectedItems } from './queue-items.ts';

export function useAlbumPlayback(album: LibraryAlbum | null) {
  const player = usePlayer();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const { playItems, canPlay } = player;

  const playAlbum = useCallback(() => {
    if (album) playItems(albumItems(album, canPlay));
  }, [album, playItems, canPlay]);

  const playSelected = useCallback(() => {
    if (album) playItems(selectedItems(album, selected));
  }, [album, playItems, selected]);

  /** One file: the album plays on from it (the album's choice of file for the others). */
  const playFile = useCallback(
    (fileId: number) => {
      if (!album) return;
      const items = album.tracks.map((track) => {
        const own = track.files.find((f) => f.id === fileId);
        return own ? itemOf(album, track, own) : albumItems({ ...album, tracks: [track] }, canPlay)[0];
      });
      const playable = items.filter((i) => i !== undefined);
      playItems(
        playable,
        playable.findIndex((i) => i.fileId === fileId),
      );
    },
    [album, playItems, canPlay],
  );

  const onToggle = useCallback((fileId: number) => {
    setSelected((before) => {
      const after = new Set(before);
      if (!after.delete(fileId)) after.add(fileId);
      return after;
    });
  }, []);

  const files = useMemo(
    () => ({ selected, onToggle, onPlay: playFile, currentFileId: player.item?.fileId ?? null }),
    [selected, onToggle, playFile, player.item?.fileId],
  );
  return { playAlbum, playSelected, files };
}
