// The store's front page: new releases, the charts and the genres, as the store lists them.
import type { Genre } from '../../../api/schemas/catalog.ts';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { AlbumGrid } from './AlbumGrid.tsx';
import { useStoreHome } from './use-catalog.ts';

export function StoreHome() {
  const { data, error, reload } = useStoreHome();
  if (error && !data) {
    return (
      <>
        <h1>Store</h1>
        <ErrorNotice error={error} onRetry={reload} />
      </>
    );
  }
  if (!data) return <Loading label="Loading the store…" />;

  const empty = data.newReleases.length === 0 && data.charts.length === 0;
  return (
    <div className="store-home">
      <h1>Store</h1>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {empty ? (
        <div className="store-empty">
          <p>The store has no albums yet.</p>
          <p className="muted">
            When it lists some, they show up here. You can still{' '}
            <a href={hrefOf({ view: 'library', page: 'albums' })}>browse your library</a>.
          </p>
        </div>
      ) : null}
      {data.newReleases.length > 0 ? (
        <section aria-labelledby="store-new">
          <h2 id="store-new">New releases</h2>
          <AlbumGrid albums={data.newReleases} label="New releases" />
        </section>
      ) : null}
      {data.charts.length > 0 ? (
        <section aria-labelledby="store-charts">
          <h2 id="store-charts">Charts</h2>
          <AlbumGrid albums={data.charts} label="Charts" ranked />
        </section>
      ) : null}
      {data.genres.length > 0 ? <GenreChips genres={data.genres} /> : null}
    </div>
  );
}

function GenreChips({ genres }: { genres: Genre[] }) {
  return (
    <section aria-labelledby="store-genres">
      <h2 id="store-genres">Genres</h2>
      <ul className="store-genres">
        {genres.map((genre) => (
          <li key={genre.slug} className="store-genre">
            <span>{genre.name}</span>
            <span className="store-genre-count">
              {genre.albumCount}
              <span className="visually-hidden">{genre.albumCount === 1 ? ' album' : ' albums'}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
