// On a library album the store took down: that it is no longer sold, why, and that the files stay.
import type { LibraryAlbumView } from '../../../electron/shared/app-api/views.ts';
import { hrefOf } from '../../app/router.ts';
import { LIBRARY_SALE_TEXT } from './sale-text.ts';

export function LibrarySaleNotice({ album }: { album: LibraryAlbumView }) {
  const sale = album.availability;
  if (sale?.state !== 'taken_down') return null;
  return (
    <section className="library-sale-notice notice-warn" aria-labelledby="library-sale-title">
      <h2 id="library-sale-title" className="library-sale-title">
        {LIBRARY_SALE_TEXT.heading}
      </h2>
      <p>{LIBRARY_SALE_TEXT.intro}</p>
      {sale.reason ? <p className="library-sale-reason">{sale.reason}</p> : null}
      <p>{sale.redownload ? LIBRARY_SALE_TEXT.redownload : LIBRARY_SALE_TEXT.withdrawn}</p>
      <p className="library-sale-links">
        {sale.noticeUrl ? (
          <a href={sale.noticeUrl} target="_blank" rel="noopener noreferrer">
            {LIBRARY_SALE_TEXT.notice}
          </a>
        ) : null}
        <a href={hrefOf({ view: 'store', page: 'album', id: album.storeAlbumId })}>
          {LIBRARY_SALE_TEXT.storePage}
        </a>
      </p>
      <p className="library-sale-asof">{LIBRARY_SALE_TEXT.asOf(sale.checkedAt)}</p>
    </section>
  );
}
