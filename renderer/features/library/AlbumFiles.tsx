// The files of one library album, a row per file: a track bought in two encodings has two rows.
import type { FileStatus, LibraryAlbum } from '../../../electron/shared/app-api/domain.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { encodingShortLabel } from './encoding-short-label.ts';

type StatusKey = `library.status.${FileStatus}`;

export const STATUS_TAG: Record<FileStatus, { label: StatusKey; className: string }> = {
  ok: { label: 'library.status.ok', className: 'tag tag-ok' },
  missing: { label: 'library.status.missing', className: 'tag tag-error' },
  changed: { label: 'library.status.changed', className: 'tag tag-warn' },
};

export function AlbumFiles({ album }: { album: LibraryAlbum }) {
  const i18n = useI18n();
  const multiDisc = new Set(album.tracks.map((t) => t.discNumber)).size > 1;
  return (
    <table className="table album-files">
      <caption className="visually-hidden">{i18n.t('library.files.caption', { album: album.title })}</caption>
      <thead>
        <tr>
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
              <tr key={file.id} className={file.status === 'ok' ? undefined : 'file-problem'}>
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
