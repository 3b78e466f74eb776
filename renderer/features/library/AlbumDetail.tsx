// One library album: what is owned (encodings, files, sizes, statuses), verifying it, and
// revealing its folder in the desktop app.
import type { LibraryAlbum } from '../../../electron/shared/app-api/domain.ts';
import { useAppStatus } from '../../app/app-status.tsx';
import { useI18n } from '../../app/i18n-context.tsx';
import { hrefOf } from '../../app/router.ts';
import { Cover } from '../../components/Cover.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { richText } from '../../components/rich-text.tsx';
import { useAlbumPlayback } from '../player/use-album-playback.ts';
import { AlbumFiles } from './AlbumFiles.tsx';
import { encodingShortLabel } from './encoding-short-label.ts';
import { LibrarySaleNotice } from './LibrarySaleNotice.tsx';
import { SaleBadge } from './SaleBadge.tsx';
import { useAlbumActions } from './use-album-actions.ts';
import { useLibraryAlbum } from './use-library.ts';
import { VerifyResult } from './VerifyResult.tsx';
import './library.css';

/** The folders holding the album's files, relative to the library (one per encoding, usually). */
function foldersOf(album: LibraryAlbum): string[] {
  const paths = album.tracks.flatMap((t) => t.files.map((f) => f.path));
  return [...new Set(paths.map((p) => p.slice(0, Math.max(0, p.lastIndexOf('/')))))].filter(Boolean);
}

export function AlbumDetail({ id }: { id: number }) {
  const i18n = useI18n();
  const album = useLibraryAlbum(id);
  const actions = useAlbumActions(id, album.reload);
  const { info } = useAppStatus();
  const play = useAlbumPlayback(album.data ?? null);
  const back = (
    <a className="back-link" href={hrefOf({ view: 'library', page: 'albums' })}>
      {i18n.t('library.album.back')}
    </a>
  );

  if (!album.data) {
    return (
      <div className="library library-album">
        {back}
        {album.error?.code === 'NOT_FOUND' ? (
          <div className="empty-state">
            <h1>{i18n.t('library.album.notFound')}</h1>
            <p>{i18n.t('library.album.notFoundText')}</p>
          </div>
        ) : album.error ? (
          <ErrorNotice error={album.error} onRetry={album.reload} />
        ) : (
          <Loading label={i18n.t('library.album.loading')} />
        )}
      </div>
    );
  }

  const a = album.data;
  const files = a.tracks.flatMap((t) => t.files);
  const bytes = files.reduce((s, f) => s + f.bytes, 0);
  const problems = files.filter((f) => f.status !== 'ok').length;
  const folders = foldersOf(a);
  const desktop = info?.transport !== 'web';
  const folderPath = <span className="path">{folders.join(', ')}</span>;

  return (
    <article className="library library-album">
      {back}
      <header className="album-head">
        <div className="album-head-cover">
          <Cover source="library" albumId={a.id} size={240} title={a.title} />
        </div>
        <div className="album-head-text">
          <h1>{a.title}</h1>
          <p className="album-head-artist">{a.albumArtist}</p>
          <p className="muted">
            {[
              a.year ?? i18n.t('library.yearUnknown'),
              i18n.t('common.count.tracks', { count: a.tracks.length }),
              i18n.t('common.count.files', { count: files.length }),
              i18n.bytes(bytes),
              i18n.t('library.album.added', { date: i18n.dateTime(a.addedAt) }),
            ].join(' · ')}
          </p>
          <div className="album-card-tags">
            <span className="visually-hidden">{i18n.t('library.album.encodingsOwned')} </span>
            {a.encodings.map((e) => (
              <span key={e} className="tag">
                {encodingShortLabel(e)}
              </span>
            ))}
            {problems > 0 ? (
              <span className="tag tag-error">{i18n.t('library.problems', { count: problems })}</span>
            ) : null}
            <SaleBadge availability={a.availability} />
          </div>
          <div className="row album-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={play.playAlbum}
              disabled={a.tracks.length === 0}
            >
              {i18n.t('player.library.playAlbum')}
            </button>
            {play.files.selected.size > 0 ? (
              <button type="button" className="button" onClick={play.playSelected}>
                {i18n.t('player.library.playSelected', { count: play.files.selected.size })}
              </button>
            ) : null}
            <button type="button" className="button" onClick={actions.verify} disabled={actions.verifying}>
              {actions.verifying ? i18n.t('library.album.verifying') : i18n.t('library.album.verify')}
            </button>
            {desktop ? (
              <button type="button" className="button" onClick={actions.openFolder}>
                {i18n.t('library.album.openFolder')}
              </button>
            ) : null}
          </div>
          {!desktop && folders.length > 0 ? (
            <p className="hint muted">
              {richText(i18n, 'library.album.folderHint', { folders: folderPath })}
            </p>
          ) : null}
        </div>
      </header>

      <LibrarySaleNotice album={a} />
      <div aria-live="polite">{actions.verified ? <VerifyResult summary={actions.verified} /> : null}</div>
      {actions.verifyError ? <ErrorNotice error={actions.verifyError} onRetry={actions.verify} /> : null}
      {actions.openError?.code === 'INVALID_STATE' ? (
        <div className="notice notice-warn" role="alert">
          <p>{richText(i18n, 'library.album.openFolderWeb', { folders: folderPath })}</p>
        </div>
      ) : actions.openError ? (
        <ErrorNotice error={actions.openError} />
      ) : null}

      <h2>{i18n.t('library.album.files')}</h2>
      <AlbumFiles album={a} playback={play.files} />
    </article>
  );
}
