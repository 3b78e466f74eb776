// Every file in the library as one long list: windowed and paged, so 100k tracks scroll smoothly.
import { useCallback, useId } from 'react';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { VirtualList } from '../../components/VirtualList.tsx';
import { FilterBox } from './FilterBox.tsx';
import { TrackRow } from './TrackRow.tsx';
import { useTrackPages } from './use-track-pages.ts';

export const TRACK_ROW_HEIGHT = 36;

export function TracksTab({
  filter,
  onFilter,
  q,
}: {
  filter: string;
  onFilter: (value: string) => void;
  q: string;
}) {
  const ids = useId();
  const pages = useTrackPages(q);
  const { rowAt, version, total } = pages;
  // A new function when a page arrives, so the list redraws; rows whose data did not change are
  // skipped by TrackRow's memo.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks new rows in the cache
  const renderRow = useCallback((index: number) => <TrackRow row={rowAt(index)} />, [rowAt, version]);

  const count = total === null ? '' : `${total.toLocaleString('en-US')} ${total === 1 ? 'track' : 'tracks'}`;
  return (
    <div className="tracks-pane">
      <div className="library-toolbar">
        <FilterBox
          id={`${ids}-filter`}
          label="Filter tracks"
          placeholder="Filter by title, artist or album"
          value={filter}
          onChange={onFilter}
        />
        <p className="library-count muted" aria-live="polite" data-testid="track-count">
          {q && count ? `${count} match “${q}”` : count}
        </p>
      </div>
      {pages.error ? <ErrorNotice error={pages.error} onRetry={pages.reload} /> : null}
      {total === null && !pages.error ? <Loading label="Loading tracks…" /> : null}
      {total === 0 && !q ? (
        <div className="empty-state">
          <p>Your library is empty. Albums you buy are filed here.</p>
          <a className="button button-primary" href={hrefOf({ view: 'store', page: 'home' })}>
            Browse the store
          </a>
        </div>
      ) : null}
      {total === 0 && q ? (
        <div className="empty-state">
          <p>No tracks match “{q}”.</p>
          <button type="button" className="button" onClick={() => onFilter('')}>
            Clear the filter
          </button>
        </div>
      ) : null}
      {total ? (
        <div className="track-table">
          <div className="track-row track-head" aria-hidden="true">
            <span>Artist</span>
            <span>Album</span>
            <span className="num">#</span>
            <span>Title</span>
            <span>Encoding</span>
            <span className="num">Size</span>
            <span>Status</span>
          </div>
          <VirtualList
            key={q}
            className="track-list"
            label="Tracks in your library"
            count={total}
            rowHeight={TRACK_ROW_HEIGHT}
            overscan={10}
            renderRow={renderRow}
            onRangeChange={pages.onRangeChange}
          />
        </div>
      ) : null}
    </div>
  );
}
