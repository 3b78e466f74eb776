// Why the store does not sell this album (taken down, or not in the listener's country), the notice
// behind a takedown, and what the listener keeps: their files, and "Download again" where allowed.
import type { StoreAlbumView } from '../../../electron/shared/app-api/views.ts';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SALE_TEXT } from './sale-text.ts';
import { useRedownload } from './use-redownload.ts';

export function SaleNotice({ view }: { view: StoreAlbumView }) {
  const { availability, owned } = view;
  const takenDown = availability.state === 'taken_down';
  return (
    <section className="store-sale-notice notice-warn" aria-labelledby="store-sale-title">
      <h2 id="store-sale-title">{takenDown ? SALE_TEXT.notForSale : SALE_TEXT.notInCountry}</h2>
      <p>{takenDown ? SALE_TEXT.takenDown : SALE_TEXT.notLicensed}</p>
      {availability.reason ? (
        <p className="store-sale-reason">
          <span className="visually-hidden">{SALE_TEXT.reasonLabel} </span>
          {availability.reason}
        </p>
      ) : null}
      {takenDown && availability.noticeUrl ? (
        <p>
          <a href={availability.noticeUrl} target="_blank" rel="noopener noreferrer">
            {SALE_TEXT.notice}
          </a>
        </p>
      ) : null}
      {owned ? <OwnedCopyPanel view={view} /> : null}
    </section>
  );
}

function OwnedCopyPanel({ view }: { view: StoreAlbumView }) {
  const owned = view.owned!;
  const { redownload, busy, error, requeued } = useRedownload(owned.libraryAlbumId);
  const allowed = view.availability.redownload;
  return (
    <div className="store-sale-owned">
      <p>
        {SALE_TEXT.owned(owned.fileCount)}{' '}
        <a href={hrefOf({ view: 'library', page: 'album', id: owned.libraryAlbumId })}>
          {SALE_TEXT.openInLibrary}
        </a>
      </p>
      {owned.missingFiles > 0 ? <p>{SALE_TEXT.missing(owned.missingFiles)}</p> : null}
      {allowed ? (
        <>
          <div className="row">
            <button type="button" className="button" onClick={redownload} disabled={busy}>
              {busy ? SALE_TEXT.downloading : SALE_TEXT.downloadAgain}
            </button>
            <span className="hint muted">{SALE_TEXT.downloadAgainHint}</span>
          </div>
          <div role="status">
            {requeued !== null ? (
              <p>
                {SALE_TEXT.requeued(requeued)}{' '}
                {requeued > 0 ? <a href={hrefOf({ view: 'downloads' })}>{SALE_TEXT.goToDownloads}</a> : null}
              </p>
            ) : null}
          </div>
          {error ? <ErrorNotice error={error} /> : null}
        </>
      ) : (
        <p>{SALE_TEXT.withdrawn}</p>
      )}
    </div>
  );
}
