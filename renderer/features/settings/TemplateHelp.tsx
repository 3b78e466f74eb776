// What a path template may contain: the core's fields (electron/core/library/template-fields.ts)
// and its syntax (path-template.ts), in words.
const FIELDS: [string, string][] = [
  ['{albumartist}', 'Album artist; the track artists when there is none'],
  ['{artist}', 'Track artists, joined with commas'],
  ['{album}', 'Album title'],
  ['{title}', 'Track title'],
  ['{track}', 'Track number; {track:02} pads it to 01, 02…'],
  ['{tracktotal}', 'Tracks on the album'],
  ['{disc}', 'Disc number; absent on single-disc albums'],
  ['{disctotal}', 'Discs in the album; absent on single-disc albums'],
  ['{year}', 'Release year'],
  ['{date}', 'Release date, e.g. 2021-04-09'],
  ['{genre}', 'The first genre'],
  ['{label}', 'Record label'],
  ['{isrc}', 'The track’s ISRC code'],
  ['{encoding}', 'Encoding id, e.g. mp3-v0 or flac'],
  ['{codec}', 'Codec, e.g. mp3, aac, flac'],
  ['{ext}', 'File extension; always added when the template leaves it out'],
];

export const DEFAULT_TEMPLATE =
  '{albumartist}/<{year} - >{album} [{encoding}]/<{disc}->{track:02} {title}.{ext}';

export function TemplateHelp() {
  return (
    <details className="template-help">
      <summary>Fields and syntax</summary>
      <div className="template-help-body">
        <table className="table template-fields">
          <caption className="visually-hidden">Template fields</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Inserts</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS.map(([field, what]) => (
              <tr key={field}>
                <td>
                  <code>{field}</code>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="template-syntax">
          <li>
            <code>/</code> starts a new folder.
          </li>
          <li>
            <code>&lt;…&gt;</code> is optional: dropped when a field inside it is empty, so{' '}
            <code>&lt;{'{disc}'}-&gt;</code> only appears on multi-disc albums.
          </li>
          <li>
            <code>:02</code> to <code>:09</code> pad numbers; <code>:upper</code>, <code>:lower</code> and{' '}
            <code>:initial</code> change text, e.g. <code>{'{albumartist:initial}'}</code>.
          </li>
          <li>
            <code>:ascii</code> spells a field in plain ASCII, e.g. <code>{'{title:ascii}'}</code> turns
            «Кино» into Kino; names otherwise keep their own script.
          </li>
          <li>
            <code>{'{{'}</code> and <code>{'}}'}</code> write literal braces. Characters a file system refuses
            are replaced when a file is named.
          </li>
        </ul>
      </div>
    </details>
  );
}
