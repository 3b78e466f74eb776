// Spending per month as a bar chart in plain DOM: one labelled image for screen readers (its label
// sums the data up) with the same figures in a table they can step through. The bars show megabytes
// or the money paid for them.
import type { SpendRow } from '../../../electron/shared/app-api/views.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { fillMonths, monthLabel } from './months.ts';
import { type SpendChartProps, spendMeasure } from './spend-unit.ts';

export function SpendByMonth({ rows, currency, unit = 'mb', paidCurrency = null }: SpendChartProps) {
  const i18n = useI18n();
  const months = fillMonths(rows);
  const { inMoney, value } = spendMeasure(unit, paidCurrency);
  const compactMB = (bytes: number) => i18n.mb(bytes, bytes > 0 && bytes < 10_000_000 ? 1 : 0);
  const paid = (row: SpendRow) => i18n.money(row.paidMicros, paidCurrency ?? 'USD');
  const label = (key: string, withYear = true) => monthLabel(i18n, key, withYear);
  const max = Math.max(1, ...months.map(value));
  const spent = months.filter((m) => m.bytes > 0);
  const from = label(months[0]!.key);
  const to = label(months.at(-1)!.key);
  // Items of a list read out in one go; "; " keeps each month's figures together.
  const summary = inMoney
    ? i18n.t('account.spend.byMonth.summaryMoney', {
        from,
        to,
        items: spent
          .map((m) => i18n.t('account.spend.byMonth.item', { month: label(m.key), amount: paid(m) }))
          .join('; '),
      })
    : i18n.t('account.spend.byMonth.summary', {
        from,
        to,
        items: spent
          .map((m) =>
            currency
              ? i18n.t('account.spend.byMonth.itemPriced', {
                  month: label(m.key),
                  amount: i18n.mb(m.bytes),
                  cost: i18n.money(m.micros, currency),
                })
              : i18n.t('account.spend.byMonth.item', { month: label(m.key), amount: i18n.mb(m.bytes) }),
          )
          .join('; '),
      });

  return (
    <figure className="spend-figure">
      <figcaption>
        <h3>{i18n.t('account.spend.byMonth')}</h3>
      </figcaption>
      <div className="month-chart" role="img" aria-label={summary} data-testid="spend-by-month">
        {months.map((m, i) => (
          <div key={m.key} className="month-col" data-month={m.key}>
            <span className="bar-value">{m.bytes > 0 ? (inMoney ? paid(m) : compactMB(m.bytes)) : ''}</span>
            <div className="month-track">
              <div className="month-bar" style={{ height: `${(value(m) / max) * 100}%` }} />
            </div>
            <span className="bar-label">{label(m.key, i === 0 || m.key.endsWith('-01'))}</span>
          </div>
        ))}
      </div>
      <table className="visually-hidden">
        <caption>{i18n.t('account.spend.byMonth.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('account.spend.column.month')}</th>
            <th scope="col">{i18n.t('account.spend.column.megabytes')}</th>
            {currency ? <th scope="col">{i18n.t('account.spend.column.cost')}</th> : null}
            {paidCurrency ? <th scope="col">{i18n.t('account.spend.column.paid')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.key}>
              <th scope="row">{label(m.key)}</th>
              <td>{i18n.mb(m.bytes)}</td>
              {currency ? <td>{i18n.money(m.micros, currency)}</td> : null}
              {paidCurrency ? <td>{paid(m)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
