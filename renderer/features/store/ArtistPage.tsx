// An artist in the store: their name and every album the store sells by them.
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { AlbumGrid } from './AlbumGrid.tsx';
import { useStoreArtist } from './use-catalog.ts';

export function ArtistPage({ id }: { id: number }) {
  const { data, error, reload } = useStoreArtist(id);
  // The query keeps the previous artist while the next one loads; never show it under this id.
  const artist = data?.id === id ? data : undefined;
  if (error && !artist) {
    return (
      <>
        <h1>Artist</h1>
        <ErrorNotice error={error} onRetry={reload} />
        <p>
          <a href={hrefOf({ view: 'store', page: 'home' })}>Back to the store</a>
        </p>
      </>
    );
  }
  if (!artist) return <Loading label="Loading the artist…" />;
  const count = artist.albums.length;
  return (
    <div className="store-artist">
      <p className="store-eyebrow">Artist</p>
      <h1>{artist.name}</h1>
      <p className="muted">{count === 1 ? '1 album' : `${count} albums`} in the store</p>
      <h2 className="visually-hidden">Albums</h2>
      {count > 0 ? (
        <AlbumGrid albums={artist.albums} label={`Albums by ${artist.name}`} />
      ) : (
        <p className="muted">The store sells nothing by this artist right now.</p>
      )}
    </div>
  );
}
