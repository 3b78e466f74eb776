// Which tracks of an album the listener means to buy: all of them until they say otherwise.
import { useCallback, useMemo, useState } from 'react';
import type { Album } from '../../../api/schemas/catalog.ts';

export interface TrackSelection {
  selected: ReadonlySet<number>;
  /** Undefined when every track is selected: the whole album is quoted and bought. */
  trackIds: number[] | undefined;
  allSelected: boolean;
  /** How many tracks can be chosen: the album's, less those withdrawn. */
  total: number;
  toggle: (trackId: number) => void;
  selectAll: () => void;
  selectNone: () => void;
}

export function useTrackSelection(album: Album): TrackSelection {
  // A withdrawn track is listed but not sold: it is never part of the selection.
  const allIds = useMemo(
    () => album.discs.flatMap((d) => d.tracks.filter((t) => !t.withdrawn).map((t) => t.id)),
    [album],
  );
  // Keyed by album, so moving to another album starts from "everything" again.
  const [state, setState] = useState<{ albumId: number; ids: ReadonlySet<number> }>(() => ({
    albumId: album.id,
    ids: new Set(allIds),
  }));
  const selected = state.albumId === album.id ? state.ids : new Set(allIds);

  const toggle = useCallback(
    (trackId: number) =>
      setState((s) => {
        const ids = new Set(s.albumId === album.id ? s.ids : allIds);
        if (ids.has(trackId)) ids.delete(trackId);
        else ids.add(trackId);
        return { albumId: album.id, ids };
      }),
    [album.id, allIds],
  );
  const selectAll = useCallback(
    () => setState({ albumId: album.id, ids: new Set(allIds) }),
    [album.id, allIds],
  );
  const selectNone = useCallback(() => setState({ albumId: album.id, ids: new Set() }), [album.id]);

  const allSelected = allIds.every((id) => selected.has(id));
  // Album order, so the same selection always makes the same query.
  const trackIds = allSelected ? undefined : allIds.filter((id) => selected.has(id));
  return { selected, trackIds, allSelected, total: allIds.length, toggle, selectAll, selectNone };
}
