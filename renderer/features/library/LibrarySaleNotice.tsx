// On a library album the store took down: that it is no longer sold, why, and that the files stay.
import type { LibraryAlbumView } from '../../../electron/shared/app-api/views.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { librarySaleText } from './sale-text.ts';

export function LibrarySaleNotice({ album }: { album: LibraryAlbumView }) {
  const text = librarySaleText(useI18n());
  const sale = album.availability;
  if (sale?.state !== 'taken_down') return null;
  return (
    <section className="library-sale-notice notice-warn" aria-labelledby="library-sale-title">
      <h2 id="library-sale-title" className="library-sale-title">
        {text.heading}
      </h2>
      <p>{text.intro}</p>
      {sale.reason ? <p className="library-sale-reason">{sale.reason}</p> : null}
      <p>{sale.redownload ? text.redownload : text.withdrawn}</p>
      <p className="library-sale-links">
        {sale.noticeUrl ? (
          <a href={sale.noticeUrl} target="_blank" rel="noopener noreferrer">
            {text.notice}
          </a>
        ) : null}
        <a href={hrefOf({ view: 'store', page: 'album', id: album.storeAlbumId })}>{text.storePage}</a>
      </p>
      <p className="library-sale-asof">{text.asOf(sale.checkedAt)}</p>
    </section>
  );
}
