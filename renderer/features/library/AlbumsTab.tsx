// The album grid: filter, sort, optional grouping by artist, and the empty and no-match states.
import { useId, useMemo, useState } from 'react';
import type { LibraryAlbumCard } from '../../../electron/shared/app-api/views.ts';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatBytes } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { AlbumCard } from './AlbumCard.tsx';
import { FilterBox } from './FilterBox.tsx';
import { type AlbumSort, useLibraryAlbums } from './use-library.ts';

const SORTS: { value: AlbumSort; label: string }[] = [
  { value: 'artist', label: 'Artist' },
  { value: 'album', label: 'Album' },
  { value: 'year', label: 'Year' },
  { value: 'added', label: 'Recently added' },
];

function byArtist(cards: LibraryAlbumCard[]): [string, LibraryAlbumCard[]][] {
  const groups = new Map<string, LibraryAlbumCard[]>();
  for (const card of cards) groups.set(card.albumArtist, [...(groups.get(card.albumArtist) ?? []), card]);
  // Artists that differ only in case or accents ("Bjork", "Björk") tie at base sensitivity: their raw
  // names settle the order, so it does not depend on which card came first.
  return [...groups].sort(
    ([a], [b]) => a.localeCompare(b, undefined, { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0),
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
  const [sort, setSort] = useState<AlbumSort>('artist');
  const [grouped, setGrouped] = useState(false);
  const albums = useLibraryAlbums(q, sort);
  const ids = useId();
  const cards = albums.data;
  const groups = useMemo(() => (cards && grouped ? byArtist(cards) : null), [cards, grouped]);
  const bytes = cards?.reduce((s, c) => s + c.bytes, 0) ?? 0;

  // An empty library has nothing to filter or sort: the empty state alone says what to do.
  const showToolbar = !cards || cards.length > 0 || filter !== '' || q !== '';

  return (
    <div className="albums-pane">
      {showToolbar ? (
        <div className="library-toolbar">
          <FilterBox
            id={`${ids}-filter`}
            label="Filter albums"
            placeholder="Filter by album or artist"
            value={filter}
            onChange={onFilter}
          />
          <div className="library-sort">
            <label htmlFor={`${ids}-sort`}>Sort by</label>
            <select id={`${ids}-sort`} value={sort} onChange={(e) => setSort(e.target.value as AlbumSort)}>
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <label className="library-check">
            <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} /> Group
            by artist
          </label>
          <p className="library-count muted" aria-live="polite">
            {cards
              ? `${cards.length} ${cards.length === 1 ? 'album' : 'albums'} · ${formatBytes(bytes)}`
              : ''}
          </p>
        </div>
      ) : null}

      {albums.error ? <ErrorNotice error={albums.error} onRetry={albums.reload} /> : null}
      {!cards && albums.loading ? <Loading label="Loading your library…" /> : null}
      {cards && cards.length === 0 && !q ? (
        <div className="empty-state">
          <p>Your library is empty. Albums you buy are filed here.</p>
          <a className="button button-primary" href={hrefOf({ view: 'store', page: 'home' })}>
            Browse the store
          </a>
        </div>
      ) : null}
      {cards && cards.length === 0 && q ? (
        <div className="empty-state">
          <p>No albums match “{q}”.</p>
          <button type="button" className="button" onClick={() => onFilter('')}>
            Clear the filter
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
