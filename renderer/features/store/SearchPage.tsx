// Search results for the top bar's query: artists, albums and tracks, each section with its count.
import { useEffect } from 'react';
import type { SearchResult } from '../../../api/schemas/catalog.ts';
import type { Translator } from '../../../i18n/index.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatDuration } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { richText } from '../../components/rich-text.tsx';
import { PreviewButton } from '../previews/PreviewButton.tsx';
import { stopPreviews } from '../previews/use-preview.ts';
import { AlbumGrid } from './AlbumGrid.tsx';
import { useStoreSearch } from './use-catalog.ts';

export function SearchPage({ q }: { q: string }) {
  const i18n = useI18n();
  const { data, error, loading, reload } = useStoreSearch(q);
  useEffect(() => stopPreviews, []);

  if (q.trim() === '') {
    return (
      <>
        <h1>{i18n.t('store.search.title')}</h1>
        <p className="muted">{i18n.t('store.search.prompt')}</p>
      </>
    );
  }
  return (
    <div className="store-search" aria-busy={loading}>
      <h1>
        {richText(i18n, 'store.search.titleFor', {
          query: <span className="store-search-query">{data?.query ?? q}</span>,
        })}
      </h1>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {data ? <Results result={data} /> : error ? null : <Loading label={i18n.t('store.search.searching')} />}
    </div>
  );
}

function countOf(page: { items: unknown[]; nextCursor: string | null }, i18n: Translator): string {
  const count = page.items.length;
  return page.nextCursor ? i18n.t('store.search.more', { count }) : i18n.number(count);
}

function Results({ result }: { result: SearchResult }) {
  const i18n = useI18n();
  const { artists, albums, tracks } = result;
  if (artists.items.length + albums.items.length + tracks.items.length === 0) {
    return (
      <div className="store-empty" role="status">
        <p>{i18n.t('store.search.noResults', { query: result.query })}</p>
        <p className="muted">{i18n.t('store.search.noResultsHint')}</p>
      </div>
    );
  }
  return (
    <>
      <p className="visually-hidden" role="status">
        {i18n.t('store.search.summary', {
          artists: artists.items.length,
          albums: albums.items.length,
          tracks: tracks.items.length,
        })}
      </p>
      {artists.items.length > 0 ? (
        <section aria-labelledby="search-artists">
          <h2 id="search-artists">
            {i18n.t('store.search.artists')} <span className="store-count">{countOf(artists, i18n)}</span>
          </h2>
          <ul className="store-artist-list">
            {artists.items.map((artist) => (
              <li key={artist.id}>
                <a
                  className="tag store-artist-chip"
                  href={hrefOf({ view: 'store', page: 'artist', id: artist.id })}
                >
                  {artist.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {albums.items.length > 0 ? (
        <section aria-labelledby="search-albums">
          <h2 id="search-albums">
            {i18n.t('store.search.albums')} <span className="store-count">{countOf(albums, i18n)}</span>
          </h2>
          <AlbumGrid albums={albums.items} label={i18n.t('store.search.albumsFound')} />
        </section>
      ) : null}
      {tracks.items.length > 0 ? (
        <section aria-labelledby="search-tracks">
          <h2 id="search-tracks">
            {i18n.t('store.search.tracks')} <span className="store-count">{countOf(tracks, i18n)}</span>
          </h2>
          <table className="table store-tracks">
            <caption className="visually-hidden">{i18n.t('store.search.tracksFound')}</caption>
            <thead>
              <tr>
                <th scope="col" className="store-col-search-title">
                  {i18n.t('store.search.colTitle')}
                </th>
                <th scope="col">{i18n.t('store.search.colArtist')}</th>
                <th scope="col">{i18n.t('store.search.colAlbum')}</th>
                <th scope="col" className="num store-col-length">
                  {i18n.t('store.search.colLength')}
                </th>
              </tr>
            </thead>
            <tbody>
              {tracks.items.map((track) => (
                <tr key={track.id}>
                  <td>
                    <span className="preview-title">
                      <PreviewButton trackId={track.id} title={track.title} />
                      <a href={hrefOf({ view: 'store', page: 'album', id: track.album.id })}>{track.title}</a>
                    </span>
                  </td>
                  <td>{track.artists.map((a) => a.name).join(', ')}</td>
                  <td>
                    <a
                      className="store-quiet-link"
                      href={hrefOf({ view: 'store', page: 'album', id: track.album.id })}
                    >
                      {track.album.title}
                    </a>
                  </td>
                  <td className="num">{formatDuration(track.durationMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
