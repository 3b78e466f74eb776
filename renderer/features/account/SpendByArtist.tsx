// The ten artists the account spent most on, as horizontal bars inside a real table, so the
// figures stay readable by screen readers and the bars are only decoration.
import type { SpendRow } from '../../../electron/shared/app-api/views.ts';
import { formatMB, formatMicros } from '../../components/format.ts';

const TOP = 10;

export function SpendByArtist({ rows, currency }: { rows: SpendRow[]; currency: string | null }) {
  const sorted = [...rows].sort((a, b) => b.bytes - a.bytes || a.key.localeCompare(b.key));
  const top = sorted.slice(0, TOP);
  const rest = sorted.slice(TOP);
  const total = sorted.reduce((s, r) => s + r.bytes, 0);
  const max = Math.max(1, ...top.map((r) => r.bytes));

  return (
    <figure className="spend-figure">
      <figcaption>
        <h3 id="spend-artists-heading">Top artists</h3>
      </figcaption>
      <table className="artist-bars" aria-labelledby="spend-artists-heading" data-testid="spend-by-artist">
        <thead className="visually-hidden">
          <tr>
            <th scope="col">Artist</th>
            <th scope="col">Share of spending</th>
            <th scope="col">Megabytes</th>
            {currency ? <th scope="col">Cost</th> : null}
          </tr>
        </thead>
        <tbody>
          {top.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="artist-name">
                {row.key}
              </th>
              <td className="artist-bar-cell">
                <span className="visually-hidden">{Math.round((row.bytes / Math.max(1, total)) * 100)}%</span>
                <div
                  className="artist-bar"
                  aria-hidden="true"
                  style={{ width: `${(row.bytes / max) * 100}%` }}
                />
              </td>
              <td className="num">{formatMB(row.bytes)}</td>
              {currency ? <td className="num muted">{formatMicros(row.micros, currency)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {rest.length > 0 ? (
        <p className="muted">
          and {rest.length} more {rest.length === 1 ? 'artist' : 'artists'}:{' '}
          {formatMB(rest.reduce((s, r) => s + r.bytes, 0))}
        </p>
      ) : null}
    </figure>
  );
}
