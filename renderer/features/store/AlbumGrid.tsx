// A grid of album cards: cover, title and year linking to the album, the artist linking to theirs.
import type { AlbumSummary } from '../../../api/schemas/catalog.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { Cover } from '../../components/Cover.tsx';

export function AlbumGrid({
  albums,
  label,
  ranked = false,
}: {
  albums: AlbumSummary[];
  label: string;
  /** Charts: each card shows its place. */
  ranked?: boolean;
}) {
  const i18n = useI18n();
  return (
    <ol className={`store-grid${ranked ? ' store-grid-ranked' : ''}`} aria-label={label}>
      {albums.map((album, index) => (
        <li key={album.id} className="store-card">
          <a className="store-card-link" href={hrefOf({ view: 'store', page: 'album', id: album.id })}>
            <span className="store-card-cover">
              <Cover source="store" albumId={album.id} size={300} title={album.title} />
              {ranked ? (
                <span className="store-rank">
                  <span className="visually-hidden">{i18n.t('store.grid.rank', { rank: index + 1 })}</span>
                  <span aria-hidden="true">{index + 1}</span>
                </span>
              ) : null}
            </span>
            <span className="store-card-title">{album.title}</span>
          </a>
          <span className="store-card-meta">
            <a href={hrefOf({ view: 'store', page: 'artist', id: album.artist.id })}>{album.artist.name}</a>
            {album.year ? <span className="muted">{`\u00a0· ${album.year}`}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
