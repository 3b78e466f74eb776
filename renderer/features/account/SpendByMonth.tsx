// Spending per month as a bar chart in plain DOM: one labelled image for screen readers (its label
// sums the data up) with the same figures in a table they can step through. The bars show megabytes
// or the money paid for them.
import type { SpendRow } from '../../../electron/shared/app-api/views.ts';
import { formatMB, formatMicros } from '../../components/format.ts';
import { SPEND_TEXT } from './account-text.ts';
import { fillMonths, monthLabel } from './months.ts';
import { type SpendChartProps, spendMeasure } from './spend-unit.ts';

const compactMB = (bytes: number) => formatMB(bytes, bytes > 0 && bytes < 10_000_000 ? 1 : 0);

export function SpendByMonth({ rows, currency, unit = 'mb', paidCurrency = null }: SpendChartProps) {
  const months = fillMonths(rows);
  const { inMoney, value } = spendMeasure(unit, paidCurrency);
  const paid = (row: SpendRow) => formatMicros(row.paidMicros, paidCurrency ?? undefined);
  const max = Math.max(1, ...months.map(value));
  const money = (row: SpendRow) => (currency ? ` (${formatMicros(row.micros, currency)})` : '');
  const spent = months.filter((m) => m.bytes > 0);
  const from = monthLabel(months[0]!.key);
  const to = monthLabel(months.at(-1)!.key);
  const summary = inMoney
    ? SPEND_TEXT.monthSummaryMoney(from, to, spent.map((m) => `${monthLabel(m.key)} ${paid(m)}`).join('; '))
    : `Megabytes spent per month, ${from} to ${to}: ${spent
        .map((m) => `${monthLabel(m.key)} ${formatMB(m.bytes)}${money(m)}`)
        .join('; ')}.`;

  return (
    <figure className="spend-figure">
      <figcaption>
        <h3>By month</h3>
      </figcaption>
      <div className="month-chart" role="img" aria-label={summary} data-testid="spend-by-month">
        {months.map((m, i) => (
          <div key={m.key} className="month-col" data-month={m.key}>
            <span className="bar-value">{m.bytes > 0 ? (inMoney ? paid(m) : compactMB(m.bytes)) : ''}</span>
            <div className="month-track">
              <div className="month-bar" style={{ height: `${(value(m) / max) * 100}%` }} />
            </div>
            <span className="bar-label">{monthLabel(m.key, i === 0 || m.key.endsWith('-01'))}</span>
          </div>
        ))}
      </div>
      <table className="visually-hidden">
        <caption>Spending per month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Megabytes</th>
            {currency ? <th scope="col">Cost</th> : null}
            {paidCurrency ? <th scope="col">{SPEND_TEXT.paidColumn}</th> : null}
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.key}>
              <th scope="row">{monthLabel(m.key)}</th>
              <td>{formatMB(m.bytes)}</td>
              {currency ? <td>{formatMicros(m.micros, currency)}</td> : null}
              {paidCurrency ? <td>{paid(m)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
