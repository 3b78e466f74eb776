// Why the store does not sell this album (taken down, or not in the listener's country), the notice
// behind a takedown, and what the listener keeps: their files, and "Download again" where allowed.
import type { StoreAlbumView } from '../../../electron/shared/app-api/views.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { saleText } from './sale-text.ts';
import { useRedownload } from './use-redownload.ts';

export function SaleNotice({ view }: { view: StoreAlbumView }) {
  const text = saleText(useI18n());
  const { availability, owned } = view;
  const takenDown = availability.state === 'taken_down';
  return (
    <section className="store-sale-notice notice-warn" aria-labelledby="store-sale-title">
      <h2 id="store-sale-title">{takenDown ? text.notForSale : text.notInCountry}</h2>
      <p>{takenDown ? text.takenDown : text.notLicensed}</p>
      {availability.reason ? (
        <p className="store-sale-reason">
          <span className="visually-hidden">{text.reasonLabel} </span>
          {availability.reason}
        </p>
      ) : null}
      {takenDown && availability.noticeUrl ? (
        <p>
          <a href={availability.noticeUrl} target="_blank" rel="noopener noreferrer">
            {text.notice}
          </a>
        </p>
      ) : null}
      {owned ? <OwnedCopyPanel view={view} /> : null}
    </section>
  );
}

function OwnedCopyPanel({ view }: { view: StoreAlbumView }) {
  const owned = view.owned!;
  const text = saleText(useI18n());
  const { redownload, busy, error, requeued } = useRedownload(owned.libraryAlbumId);
  const allowed = view.availability.redownload;
  return (
    <div className="store-sale-owned">
      <p>
        {text.owned(owned.fileCount)}{' '}
        <a href={hrefOf({ view: 'library', page: 'album', id: owned.libraryAlbumId })}>
          {text.openInLibrary}
        </a>
      </p>
      {owned.missingFiles > 0 ? <p>{text.missing(owned.missingFiles)}</p> : null}
      {allowed ? (
        <>
          <div className="row">
            <button type="button" className="button" onClick={redownload} disabled={busy}>
              {busy ? text.downloading : text.downloadAgain}
            </button>
            <span className="hint muted">{text.downloadAgainHint}</span>
          </div>
          <div role="status">
            {requeued !== null ? (
              <p>
                {text.requeued(requeued)}{' '}
                {requeued > 0 ? <a href={hrefOf({ view: 'downloads' })}>{text.goToDownloads}</a> : null}
              </p>
            ) : null}
          </div>
          {error ? <ErrorNotice error={error} /> : null}
        </>
      ) : (
        <p>{text.withdrawn}</p>
      )}
    </div>
  );
}
