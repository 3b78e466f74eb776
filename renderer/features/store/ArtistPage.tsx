// An artist in the store: their name and every album the store sells by them.
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { AlbumGrid } from './AlbumGrid.tsx';
import { useStoreArtist } from './use-catalog.ts';

export function ArtistPage({ id }: { id: number }) {
  const i18n = useI18n();
  const { data, error, reload } = useStoreArtist(id);
  // The query keeps the previous artist while the next one loads; never show it under this id.
  const artist = data?.id === id ? data : undefined;
  if (error && !artist) {
    return (
      <>
        <h1>{i18n.t('store.artist.eyebrow')}</h1>
        <ErrorNotice error={error} onRetry={reload} />
        <p>
          <a href={hrefOf({ view: 'store', page: 'home' })}>{i18n.t('store.backToStore')}</a>
        </p>
      </>
    );
  }
  if (!artist) return <Loading label={i18n.t('store.artist.loading')} />;
  const count = artist.albums.length;
  return (
    <div className="store-artist">
      <p className="store-eyebrow">{i18n.t('store.artist.eyebrow')}</p>
      <h1>{artist.name}</h1>
      <p className="muted">{i18n.t('store.artist.albumCount', { count })}</p>
      <h2 className="visually-hidden">{i18n.t('store.artist.albums')}</h2>
      {count > 0 ? (
        <AlbumGrid albums={artist.albums} label={i18n.t('store.artist.albumsBy', { artist: artist.name })} />
      ) : (
        <p className="muted">{i18n.t('store.artist.empty')}</p>
      )}
    </div>
  );
}
