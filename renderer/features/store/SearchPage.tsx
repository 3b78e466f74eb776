// Search results for the top bar's query: artists, albums and tracks, each section with its count.
import type { SearchResult } from '../../../api/schemas/catalog.ts';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatDuration } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { AlbumGrid } from './AlbumGrid.tsx';
import { useStoreSearch } from './use-catalog.ts';

export function SearchPage({ q }: { q: string }) {
  const { data, error, loading, reload } = useStoreSearch(q);

  if (q.trim() === '') {
    return (
      <>
        <h1>Search</h1>
        <p className="muted">Type in the search box above to find artists, albums and tracks.</p>
      </>
    );
  }
  return (
    <div className="store-search" aria-busy={loading}>
      <h1>
        Search <span className="store-search-query">“{data?.query ?? q}”</span>
      </h1>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {data ? <Results result={data} /> : error ? null : <Loading label="Searching…" />}
    </div>
  );
}

function countOf(page: { items: unknown[]; nextCursor: string | null }): string {
  return `${page.items.length}${page.nextCursor ? '+' : ''}`;
}

function Results({ result }: { result: SearchResult }) {
  const { artists, albums, tracks } = result;
  if (artists.items.length + albums.items.length + tracks.items.length === 0) {
    return (
      <div className="store-empty" role="status">
        <p>No results for “{result.query}”.</p>
        <p className="muted">Check the spelling, or try an artist, album or track name.</p>
      </div>
    );
  }
  return (
    <>
      <p className="visually-hidden" role="status">
        {`${artists.items.length} artists, ${albums.items.length} albums, ${tracks.items.length} tracks`}
      </p>
      {artists.items.length > 0 ? (
        <section aria-labelledby="search-artists">
          <h2 id="search-artists">
            Artists <span className="store-count">{countOf(artists)}</span>
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
            Albums <span className="store-count">{countOf(albums)}</span>
          </h2>
          <AlbumGrid albums={albums.items} label="Albums found" />
        </section>
      ) : null}
      {tracks.items.length > 0 ? (
        <section aria-labelledby="search-tracks">
          <h2 id="search-tracks">
            Tracks <span className="store-count">{countOf(tracks)}</span>
          </h2>
          <table className="table store-tracks">
            <caption className="visually-hidden">Tracks found</caption>
            <thead>
              <tr>
                <th scope="col" className="store-col-search-title">
                  Title
                </th>
                <th scope="col">Artist</th>
                <th scope="col">Album</th>
                <th scope="col" className="num store-col-length">
                  Length
                </th>
              </tr>
            </thead>
            <tbody>
              {tracks.items.map((track) => (
                <tr key={track.id}>
                  <td>
                    <a href={hrefOf({ view: 'store', page: 'album', id: track.album.id })}>{track.title}</a>
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
