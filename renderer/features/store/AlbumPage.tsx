// An album in the store: its cover and facts, the encodings with their prices, and the track list
// whose checkboxes choose what to buy; or, for an album the store does not sell here, why not.
import type { Album } from '../../../api/schemas/catalog.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { Cover } from '../../components/Cover.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatDuration } from '../../components/format.ts';
import { Loading } from '../../components/Loading.tsx';
import { richText } from '../../components/rich-text.tsx';
import { PurchasePanel } from './PurchasePanel.tsx';
import { SaleNotice } from './SaleNotice.tsx';
import { TrackList } from './TrackList.tsx';
import { useStoreAlbum } from './use-catalog.ts';
import { useTrackSelection } from './use-track-selection.ts';
import './album.css';

export function AlbumPage({ id }: { id: number }) {
  const i18n = useI18n();
  const { data, error, reload } = useStoreAlbum(id);
  const view = data?.albumId === id ? data : undefined;
  if (error && !view) {
    return (
      <>
        <h1>{i18n.t('store.album.eyebrow')}</h1>
        <ErrorNotice error={error} onRetry={reload} />
        <p>
          <a href={hrefOf({ view: 'store', page: 'home' })}>{i18n.t('store.backToStore')}</a>
        </p>
      </>
    );
  }
  if (!view) return <Loading label={i18n.t('store.album.loading')} />;
  const { album } = view;
  // Taken down: the store shows the album no more; the listener's copy may still name it.
  if (!album) {
    return (
      <article className="store-album">
        <header className="store-album-facts">
          <p className="store-eyebrow">{i18n.t('store.album.eyebrow')}</p>
          <h1>{view.owned?.title ?? i18n.t('store.sale.unknownTitle')}</h1>
          {view.owned ? (
            <p className="store-album-artist">
              {i18n.t('store.album.by', { artist: view.owned.albumArtist })}
            </p>
          ) : null}
        </header>
        <SaleNotice view={view} />
      </article>
    );
  }
  if (view.availability.state !== 'on_sale') {
    // Shown, not sold: no encodings, no prices, no buy controls.
    return (
      <article className="store-album">
        <AlbumHeader album={album} />
        <SaleNotice view={view} />
        <TrackList album={album} previews={false} />
      </article>
    );
  }
  // Keyed: another album starts with a fresh selection, encoding and purchase outcome.
  return <OnSaleAlbum key={album.id} album={album} />;
}

function OnSaleAlbum({ album }: { album: Album }) {
  const selection = useTrackSelection(album);
  return (
    <article className="store-album">
      <AlbumHeader album={album} />
      <PurchasePanel album={album} selection={selection} />
      <TrackList album={album} selection={selection} />
    </article>
  );
}

function AlbumHeader({ album }: { album: Album }) {
  const i18n = useI18n();
  const facts = [
    album.year ? String(album.year) : null,
    album.label,
    i18n.t('common.count.tracks', { count: album.trackCount }),
    album.discCount > 1 ? i18n.t('store.album.discs', { count: album.discCount }) : null,
    formatDuration(album.durationMs),
  ].filter((f): f is string => Boolean(f));
  return (
    <header className="store-album-head">
      <div className="store-album-cover">
        <Cover source="store" albumId={album.id} size={600} title={album.title} />
      </div>
      <div className="store-album-facts">
        <p className="store-eyebrow">{i18n.t('store.album.eyebrow')}</p>
        <h1>{album.title}</h1>
        <p className="store-album-artist">
          {richText(i18n, 'store.album.by', {
            artist: (
              <a href={hrefOf({ view: 'store', page: 'artist', id: album.artist.id })}>{album.artist.name}</a>
            ),
          })}
        </p>
        <p className="muted store-album-meta">{facts.join(' · ')}</p>
        {album.genres.length > 0 ? (
          <ul className="store-album-genres" aria-label={i18n.t('store.album.genres')}>
            {album.genres.map((genre) => (
              <li key={genre} className="tag">
                {genre}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </header>
  );
}
