// The ten artists the account spent most on, as horizontal bars inside a real table, so the
// figures stay readable by screen readers and the bars are only decoration. Ranked and drawn by
// megabytes, or by the money paid for them.
import { formatMB, formatMicros } from '../../components/format.ts';
import { SPEND_TEXT } from './account-text.ts';
import { type SpendChartProps, spendMeasure } from './spend-unit.ts';

const TOP = 10;

export function SpendByArtist({ rows, currency, unit = 'mb', paidCurrency = null }: SpendChartProps) {
  const { inMoney, value } = spendMeasure(unit, paidCurrency);
  const sorted = [...rows].sort(
    (a, b) => value(b) - value(a) || b.bytes - a.bytes || a.key.localeCompare(b.key),
  );
  const top = sorted.slice(0, TOP);
  const rest = sorted.slice(TOP);
  const total = sorted.reduce((s, r) => s + value(r), 0);
  const max = Math.max(1, ...top.map(value));
  // The second figure: the list-price cost beside megabytes, or the megabytes beside the money.
  const moneyColumn = inMoney ? paidCurrency : currency;

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
            {moneyColumn ? <th scope="col">{inMoney ? SPEND_TEXT.paidColumn : 'Cost'}</th> : null}
          </tr>
        </thead>
        <tbody>
          {top.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="artist-name">
                {row.key}
              </th>
              <td className="artist-bar-cell">
                <span className="visually-hidden">
                  {Math.round((value(row) / Math.max(1, total)) * 100)}%
                </span>
                <div
                  className="artist-bar"
                  aria-hidden="true"
                  style={{ width: `${(value(row) / max) * 100}%` }}
                />
              </td>
              <td className={inMoney ? 'num muted' : 'num'}>{formatMB(row.bytes)}</td>
              {moneyColumn ? (
                <td className={inMoney ? 'num' : 'num muted'}>
                  {formatMicros(inMoney ? row.paidMicros : row.micros, moneyColumn)}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {rest.length > 0 ? (
        <p className="muted">
          and {rest.length} more {rest.length === 1 ? 'artist' : 'artists'}:{' '}
          {inMoney
            ? formatMicros(
                rest.reduce((s, r) => s + r.paidMicros, 0),
                paidCurrency ?? undefined,
              )
            : formatMB(rest.reduce((s, r) => s + r.bytes, 0))}
        </p>
      ) : null}
    </figure>
  );
}
