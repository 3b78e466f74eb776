// The files of one library album, a row per file: a track bought in two encodings has two rows.
import type { FileStatus, LibraryAlbum } from '../../../electron/shared/app-api/domain.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { PlayerIcon } from '../player/PlayerIcon.tsx';
import { encodingShortLabel } from './encoding-short-label.ts';

type StatusKey = `library.status.${FileStatus}`;

export const STATUS_TAG: Record<FileStatus, { label: StatusKey; className: string }> = {
  ok: { label: 'library.status.ok', className: 'tag tag-ok' },
  missing: { label: 'library.status.missing', className: 'tag tag-error' },
  changed: { label: 'library.status.changed', className: 'tag tag-warn' },
};

/** Playing from the table: a play button and a checkbox per file (absent: a plain listing). */
export interface FilePlayback {
  selected: ReadonlySet<number>;
  onToggle(fileId: number): void;
  onPlay(fileId: number): void;
  /** The file playing now, marked in its row. */
  currentFileId: number | null;
}

export function AlbumFiles({ album, playback }: { album: LibraryAlbum; playback?: FilePlayback }) {
  const i18n = useI18n();
  const multiDisc = new Set(album.tracks.map((t) => t.discNumber)).size > 1;
  return (
    <table className="table album-files">
      <caption className="visually-hidden">{i18n.t('library.files.caption', { album: album.title })}</caption>
      <thead>
        <tr>
          {playback ? (
            <>
              <th scope="col" className="col-narrow">
                <span className="visually-hidden">{i18n.t('player.library.colSelect')}</span>
              </th>
              <th scope="col" className="col-narrow">
                <span className="visually-hidden">{i18n.t('player.library.colPlay')}</span>
              </th>
            </>
          ) : null}
          <th scope="col" className="num">
            {i18n.t('library.files.colNumber')}
          </th>
          <th scope="col">{i18n.t('library.files.colTitle')}</th>
          <th scope="col">{i18n.t('library.files.colEncoding')}</th>
          <th scope="col" className="num">
            {i18n.t('library.files.colSize')}
          </th>
          <th scope="col">{i18n.t('library.files.colStatus')}</th>
          <th scope="col">{i18n.t('library.files.colPath')}</th>
        </tr>
      </thead>
      <tbody>
        {album.tracks.flatMap((track) =>
          track.files.map((file) => {
            const status = STATUS_TAG[file.status];
            const number = String(track.trackNumber).padStart(2, '0');
            return (
              <tr
                key={file.id}
                className={file.status === 'ok' ? undefined : 'file-problem'}
                aria-current={playback?.currentFileId === file.id ? 'true' : undefined}
              >
                {playback ? (
                  <PlaybackCells
                    fileId={file.id}
                    name={{ title: track.title, encoding: encodingShortLabel(file.encoding) }}
                    playback={playback}
                  />
                ) : null}
                <td className="num">{multiDisc ? `${track.discNumber}-${number}` : number}</td>
                <td>{track.title}</td>
                <td>{encodingShortLabel(file.encoding)}</td>
                <td className="num">{i18n.bytes(file.bytes)}</td>
                <td>
                  <span className={status.className}>{i18n.t(status.label)}</span>
                </td>
                <td className="path" title={file.path}>
                  {file.path}
                </td>
              </tr>
            );
          }),
        )}
      </tbody>
    </table>
  );
}

function PlaybackCells({
  fileId,
  name,
  playback,
}: {
  fileId: number;
  name: { title: string; encoding: string };
  playback: FilePlayback;
}) {
  const i18n = useI18n();
  return (
    <>
      <td className="col-narrow">
        <input
          type="checkbox"
          aria-label={i18n.t('player.library.selectTrack', name)}
          checked={playback.selected.has(fileId)}
          onChange={() => playback.onToggle(fileId)}
        />
      </td>
      <td className="col-narrow">
        <button
          type="button"
          className="player-button play-row"
          aria-label={i18n.t('player.library.playTrack', name)}
          title={i18n.t('player.library.playTrack', name)}
          onClick={() => playback.onPlay(fileId)}
        >
          <PlayerIcon name="play" />
        </button>
      </td>
    </>
  );
}
