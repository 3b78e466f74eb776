// The ten artists the account spent most on, as horizontal bars inside a real table, so the
// figures stay readable by screen readers and the bars are only decoration. Ranked and drawn by
// megabytes, or by the money paid for them.
import { useI18n } from '../../app/i18n-context.tsx';
import { type SpendChartProps, spendMeasure } from './spend-unit.ts';

const TOP = 10;

export function SpendByArtist({ rows, currency, unit = 'mb', paidCurrency = null }: SpendChartProps) {
  const i18n = useI18n();
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
        <h3 id="spend-artists-heading">{i18n.t('account.spend.byArtist')}</h3>
      </figcaption>
      <table className="artist-bars" aria-labelledby="spend-artists-heading" data-testid="spend-by-artist">
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{i18n.t('account.spend.column.artist')}</th>
            <th scope="col">{i18n.t('account.spend.column.share')}</th>
            <th scope="col">{i18n.t('account.spend.column.megabytes')}</th>
            {moneyColumn ? (
              <th scope="col">
                {inMoney ? i18n.t('account.spend.column.paid') : i18n.t('account.spend.column.cost')}
              </th>
            ) : null}
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
                  {i18n.number(Math.round((value(row) / Math.max(1, total)) * 100) / 100, {
                    style: 'percent',
                  })}
                </span>
                <div
                  className="artist-bar"
                  aria-hidden="true"
                  style={{ width: `${(value(row) / max) * 100}%` }}
                />
              </td>
              <td className={inMoney ? 'num muted' : 'num'}>{i18n.mb(row.bytes)}</td>
              {moneyColumn ? (
                <td className={inMoney ? 'num' : 'num muted'}>
                  {i18n.money(inMoney ? row.paidMicros : row.micros, moneyColumn)}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {rest.length > 0 ? (
        <p className="muted">
          {i18n.t('account.spend.byArtist.rest', {
            count: rest.length,
            amount:
              inMoney && paidCurrency
                ? i18n.money(
                    rest.reduce((s, r) => s + r.paidMicros, 0),
                    paidCurrency,
                  )
                : i18n.mb(rest.reduce((s, r) => s + r.bytes, 0)),
          })}
        </p>
      ) : null}
    </figure>
  );
}
