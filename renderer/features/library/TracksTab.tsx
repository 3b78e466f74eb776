// Every file in the library as one long list: windowed and paged, so 100k tracks scroll smoothly.
import { useCallback, useId } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
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
  const i18n = useI18n();
  const ids = useId();
  const pages = useTrackPages(q);
  const { rowAt, version, total } = pages;
  // A new function when a page arrives, so the list redraws; rows whose data did not change are
  // skipped by TrackRow's memo.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks new rows in the cache
  const renderRow = useCallback((index: number) => <TrackRow row={rowAt(index)} />, [rowAt, version]);

  const count =
    total === null
      ? ''
      : q
        ? i18n.t('library.tracks.countMatching', { count: total, query: q })
        : i18n.t('library.tracks.count', { count: total });
  return (
    <div className="tracks-pane">
      <div className="library-toolbar">
        <FilterBox
          id={`${ids}-filter`}
          label={i18n.t('library.tracks.filter')}
          placeholder={i18n.t('library.tracks.filterPlaceholder')}
          value={filter}
          onChange={onFilter}
        />
        <p className="library-count muted" aria-live="polite" data-testid="track-count">
          {count}
        </p>
      </div>
      {pages.error ? <ErrorNotice error={pages.error} onRetry={pages.reload} /> : null}
      {total === null && !pages.error ? <Loading label={i18n.t('library.tracks.loading')} /> : null}
      {total === 0 && !q ? (
        <div className="empty-state">
          <p>{i18n.t('library.empty')}</p>
          <a className="button button-primary" href={hrefOf({ view: 'store', page: 'home' })}>
            {i18n.t('library.browseStore')}
          </a>
        </div>
      ) : null}
      {total === 0 && q ? (
        <div className="empty-state">
          <p>{i18n.t('library.tracks.noMatch', { query: q })}</p>
          <button type="button" className="button" onClick={() => onFilter('')}>
            {i18n.t('library.clearFilter')}
          </button>
        </div>
      ) : null}
      {total ? (
        <div className="track-table">
          <div className="track-row track-head" aria-hidden="true">
            <span>{i18n.t('library.tracks.colArtist')}</span>
            <span>{i18n.t('library.tracks.colAlbum')}</span>
            <span className="num">{i18n.t('library.tracks.colNumber')}</span>
            <span>{i18n.t('library.tracks.colTitle')}</span>
            <span>{i18n.t('library.tracks.colEncoding')}</span>
            <span className="num">{i18n.t('library.tracks.colSize')}</span>
            <span>{i18n.t('library.tracks.colStatus')}</span>
          </div>
          <VirtualList
            key={q}
            className="track-list"
            label={i18n.t('library.tracks.list')}
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
