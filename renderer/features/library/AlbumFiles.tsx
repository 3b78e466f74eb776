// The files of one library album, a row per file: a track bought in two encodings has two rows.
import type { FileStatus, LibraryAlbum } from '../../../electron/shared/app-api/domain.ts';
import { formatBytes } from '../../components/format.ts';
import { encodingShortLabel } from './encoding-short-label.ts';

export const STATUS_TAG: Record<FileStatus, { label: string; className: string }> = {
  ok: { label: 'OK', className: 'tag tag-ok' },
  missing: { label: 'Missing', className: 'tag tag-error' },
  changed: { label: 'Changed', className: 'tag tag-warn' },
};

export function AlbumFiles({ album }: { album: LibraryAlbum }) {
  const multiDisc = new Set(album.tracks.map((t) => t.discNumber)).size > 1;
  return (
    <table className="table album-files">
      <caption className="visually-hidden">Files of {album.title}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            #
          </th>
          <th scope="col">Title</th>
          <th scope="col">Encoding</th>
          <th scope="col" className="num">
            Size
          </th>
          <th scope="col">Status</th>
          <th scope="col">Path in the library</th>
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
                <td className="num">{formatBytes(file.bytes)}</td>
                <td>
                  <span className={status.className}>{status.label}</span>
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
