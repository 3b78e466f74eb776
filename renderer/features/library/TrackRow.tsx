// One row of the track list, or its placeholder while the page loads. Memoized: a row only
// redraws when its data arrives, never because the list scrolled. Kept to one element per cell:
// a fast fling builds a whole window of new rows every frame.
import { memo } from 'react';
import type { LibraryTrackRow } from '../../../electron/shared/app-api/views.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { STATUS_TAG } from './AlbumFiles.tsx';
import { encodingShortLabel } from './encoding-short-label.ts';

export const TrackRow = memo(function TrackRow({ row }: { row: LibraryTrackRow | undefined }) {
  const i18n = useI18n();
  if (!row) {
    return (
      <div className="track-row track-row-placeholder">
        <span className="visually-hidden">{i18n.t('common.loading')}</span>
        <span className="placeholder-bar" />
        <span className="placeholder-bar" />
      </div>
    );
  }
  const status = STATUS_TAG[row.status];
  // Grid cells are blocks, so screen readers read each as its own item without separators.
  return (
    <div className="track-row">
      <span className="cell">{row.artist}</span>
      {/* Out of the tab order: focus inside a windowed list is lost when its row scrolls away.
          Keyboard users reach every album from the Albums tab. */}
      <a className="cell" href={hrefOf({ view: 'library', page: 'album', id: row.albumId })} tabIndex={-1}>
        {row.album}
      </a>
      <span className="cell num">
        {row.discCount > 1 ? `${row.discNumber}-${row.trackNumber}` : row.trackNumber}
      </span>
      <span className="cell track-title">{row.title}</span>
      <span className="cell">{encodingShortLabel(row.encoding)}</span>
      <span className="cell num">{i18n.bytes(row.bytes)}</span>
      <span className={`cell ${status.className} track-status`}>{i18n.t(status.label)}</span>
    </div>
  );
});
