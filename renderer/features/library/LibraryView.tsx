// The offline library: album grid, the full track list, and one album's files. It reads only the
// local index, so everything here works with the store unreachable.
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf, type Route } from '../../app/router.ts';
import { useDebouncedValue } from '../../app/use-debounced-value.ts';
import { AlbumDetail } from './AlbumDetail.tsx';
import { AlbumsTab } from './AlbumsTab.tsx';
import { TracksTab } from './TracksTab.tsx';
import { useAvailabilityCheck } from './use-library.ts';
import './library.css';

type LibraryRoute = Extract<Route, { view: 'library' }>;

const TABS = [
  { page: 'albums', label: 'library.tab.albums' },
  { page: 'tracks', label: 'library.tab.tracks' },
] as const;

export function LibraryView({ route }: { route: LibraryRoute }) {
  const i18n = useI18n();
  useAvailabilityCheck();
  // One filter for both tabs, so switching tabs keeps what was typed.
  const [filter, setFilter] = useState('');
  const q = useDebouncedValue(filter.trim(), 200);

  if (route.page === 'album') return <AlbumDetail id={route.id} />;

  return (
    <div className={`library library-${route.page}`}>
      <header className="library-header">
        <h1>{i18n.t('library.title')}</h1>
        <nav aria-label={i18n.t('library.views')} className="tabs">
          {TABS.map((tab) => (
            <a
              key={tab.page}
              className="tab"
              href={hrefOf({ view: 'library', page: tab.page })}
              aria-current={route.page === tab.page ? 'page' : undefined}
            >
              {i18n.t(tab.label)}
            </a>
          ))}
        </nav>
      </header>
      {route.page === 'albums' ? (
        <AlbumsTab filter={filter} onFilter={setFilter} q={q} />
      ) : (
        <TracksTab filter={filter} onFilter={setFilter} q={q} />
      )}
    </div>
  );
}
