// The album grid: filter, sort, optional grouping by artist, and the empty and no-match states.
import { useId, useMemo, useState } from 'react';
import type { LibraryAlbumCard } from '../../../electron/shared/app-api/views.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { AlbumCard } from './AlbumCard.tsx';
import { FilterBox } from './FilterBox.tsx';
import { type AlbumSort, useLibraryAlbums } from './use-library.ts';

const SORTS: AlbumSort[] = ['artist', 'album', 'year', 'added'];

function byArtist(cards: LibraryAlbumCard[], locale: string): [string, LibraryAlbumCard[]][] {
  const groups = new Map<string, LibraryAlbumCard[]>();
  for (const card of cards) groups.set(card.albumArtist, [...(groups.get(card.albumArtist) ?? []), card]);
  // Artists that differ only in case or accents ("Bjork", "Björk") tie at base sensitivity: their raw
  // names settle the order, so it does not depend on which card came first.
  return [...groups].sort(
    ([a], [b]) => a.localeCompare(b, locale, { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0),
  );
}

export function AlbumsTab({
  filter,
  onFilter,
  q,
}: {
  filter: string;
  onFilter: (value: string) => void;
  q: string;
}) {
  const i18n = useI18n();
  const [sort, setSort] = useState<AlbumSort>('artist');
  const [grouped, setGrouped] = useState(false);
  const albums = useLibraryAlbums(q, sort);
  const ids = useId();
  const cards = albums.data;
  const groups = useMemo(
    () => (cards && grouped ? byArtist(cards, i18n.locale) : null),
    [cards, grouped, i18n.locale],
  );
  const bytes = cards?.reduce((s, c) => s + c.bytes, 0) ?? 0;

  // An empty library has nothing to filter or sort: the empty state alone says what to do.
  const showToolbar = !cards || cards.length > 0 || filter !== '' || q !== '';

  return (
    <div className="albums-pane">
      {showToolbar ? (
        <div className="library-toolbar">
          <FilterBox
            id={`${ids}-filter`}
            label={i18n.t('library.albums.filter')}
            placeholder={i18n.t('library.albums.filterPlaceholder')}
            value={filter}
            onChange={onFilter}
          />
          <div className="library-sort">
            <label htmlFor={`${ids}-sort`}>{i18n.t('library.albums.sortBy')}</label>
            <select id={`${ids}-sort`} value={sort} onChange={(e) => setSort(e.target.value as AlbumSort)}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {i18n.t(`library.albums.sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <label className="library-check">
            <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} />{' '}
            {i18n.t('library.albums.groupByArtist')}
          </label>
          <p className="library-count muted" aria-live="polite">
            {cards ? i18n.t('library.albums.count', { count: cards.length, size: i18n.bytes(bytes) }) : ''}
          </p>
        </div>
      ) : null}

      {albums.error ? <ErrorNotice error={albums.error} onRetry={albums.reload} /> : null}
      {!cards && albums.loading ? <Loading label={i18n.t('library.albums.loading')} /> : null}
      {cards && cards.length === 0 && !q ? (
        <div className="empty-state">
          <p>{i18n.t('library.empty')}</p>
          <a className="button button-primary" href={hrefOf({ view: 'store', page: 'home' })}>
            {i18n.t('library.browseStore')}
          </a>
        </div>
      ) : null}
      {cards && cards.length === 0 && q ? (
        <div className="empty-state">
          <p>{i18n.t('library.albums.noMatch', { query: q })}</p>
          <button type="button" className="button" onClick={() => onFilter('')}>
            {i18n.t('library.clearFilter')}
          </button>
        </div>
      ) : null}

      {groups
        ? groups.map(([artist, list]) => (
            <section key={artist} className="artist-group" aria-label={artist}>
              <h2>{artist}</h2>
              <ul className="album-grid">
                {list.map((card) => (
                  <AlbumCard key={card.id} card={card} />
                ))}
              </ul>
            </section>
          ))
        : null}
      {cards && cards.length > 0 && !groups ? (
        <ul className="album-grid">
          {cards.map((card) => (
            <AlbumCard key={card.id} card={card} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
