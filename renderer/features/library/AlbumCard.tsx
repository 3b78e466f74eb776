// One album in the library grid: cover, title (the link), artist, year, encodings, problems, and a
// mark when the store no longer sells it.
import { memo } from 'react';
import type { LibraryAlbumCard } from '../../../electron/shared/app-api/views.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { Cover } from '../../components/Cover.tsx';
import { encodingShortLabel } from './encoding-short-label.ts';
import { SaleBadge } from './SaleBadge.tsx';

export const AlbumCard = memo(function AlbumCard({ card }: { card: LibraryAlbumCard }) {
  const i18n = useI18n();
  return (
    <li className="album-card">
      <Cover source="library" albumId={card.id} size={200} title={card.title} />
      <div className="album-card-body">
        {/* The title link stretches over the whole card, so the card is one click target. */}
        <a className="album-card-link" href={hrefOf({ view: 'library', page: 'album', id: card.id })}>
          {card.title}
        </a>
        <span className="album-card-artist">{card.albumArtist}</span>
        <span className="album-card-meta muted">
          {card.year ?? i18n.t('library.yearUnknown')} ·{' '}
          {i18n.t('common.count.tracks', { count: card.trackCount })}
        </span>
        <span className="album-card-tags">
          {card.encodings.map((e) => (
            <span key={e} className="tag">
              {encodingShortLabel(e)}
            </span>
          ))}
          {card.problems > 0 ? (
            <span className="tag tag-error">{i18n.t('library.problems', { count: card.problems })}</span>
          ) : null}
          <SaleBadge availability={card.availability} />
        </span>
      </div>
    </li>
  );
});
