// The megabyte ledger, newest first: every top-up (with what was paid for it), reservation, charge,
// release and refund, with the balance after each. Long histories show a page at a time.
import { useState } from 'react';
import type { LedgerEntry, LedgerKind } from '../../../api/schemas/account.ts';
import type { Translator } from '../../../i18n/index.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { richText } from '../../components/rich-text.tsx';
import { signedMB } from './money.ts';

export const LEDGER_PAGE = 25;

const KIND_CLASS: Record<LedgerKind, string> = {
  topup: 'tag tag-ok',
  reserve: 'tag',
  settle: 'tag tag-warn',
  release: 'tag',
  refund: 'tag tag-warn',
};

/** "ord_8fK2…" keeps the table narrow; the full id is in the title. */
function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 10)}…` : id;
}

/** "+500.0 MB · $9.00": the megabytes, and for a paid top-up or a refund, the money. */
function amountText(i18n: Translator, entry: LedgerEntry): string {
  const amount = signedMB(entry.amountBytes, (b) => i18n.mb(b));
  return entry.paid
    ? i18n.t('account.ledger.amountPaid', {
        amount,
        paid: i18n.money(entry.paid.micros, entry.paid.currency),
      })
    : amount;
}

function Id({ id }: { id: string }) {
  return (
    <code className="order-id" title={id}>
      {shortId(id)}
    </code>
  );
}

function Reference({ entry }: { entry: LedgerEntry }) {
  const i18n = useI18n();
  // The note is the store's or the core's own text, shown as it came.
  const note = entry.note ? <span className="muted"> · {entry.note}</span> : null;
  if (entry.voucher) return <span>{i18n.t('account.ledger.voucher', { code: entry.voucher })}</span>;
  if (entry.paymentId) {
    const key = entry.kind === 'refund' ? 'account.ledger.refundOf' : 'account.ledger.payment';
    return (
      <span>
        {richText(i18n, key, { id: <Id id={entry.paymentId} /> })}
        {note}
      </span>
    );
  }
  if (entry.orderId) {
    return (
      <span>
        {richText(i18n, 'account.ledger.order', { id: <Id id={entry.orderId} /> })}
        {note}
      </span>
    );
  }
  return <span className="muted">{entry.note ?? ''}</span>;
}

export function LedgerTable({ entries }: { entries: LedgerEntry[] }) {
  const i18n = useI18n();
  const [shown, setShown] = useState(LEDGER_PAGE);
  // The store keeps them oldest first; people read history from the latest.
  const newestFirst = [...entries].reverse();
  const visible = newestFirst.slice(0, shown);
  const mb = (bytes: number) => i18n.mb(bytes);

  return (
    <>
      <div className="table-scroll">
        <table className="table ledger-table">
          <caption className="visually-hidden">{i18n.t('account.ledger.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('account.ledger.column.date')}</th>
              <th scope="col">{i18n.t('account.ledger.column.kind')}</th>
              <th scope="col" className="num">
                {i18n.t('account.ledger.column.amount')}
              </th>
              <th scope="col" className="num">
                {i18n.t('account.ledger.column.reserved')}
              </th>
              <th scope="col" className="num">
                {i18n.t('account.ledger.column.balanceAfter')}
              </th>
              <th scope="col">{i18n.t('account.ledger.column.reference')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">{i18n.dateTime(entry.createdAt)}</td>
                <td>
                  <span className={KIND_CLASS[entry.kind]}>
                    {i18n.t(`account.ledger.kind.${entry.kind}`)}
                  </span>
                </td>
                <td className={`num ${entry.amountBytes > 0 ? 'amount-in' : ''}`}>
                  {amountText(i18n, entry)}
                </td>
                <td className="num muted">{signedMB(entry.reservedDeltaBytes, mb)}</td>
                <td className="num">{mb(entry.balanceAfterBytes)}</td>
                <td>
                  <Reference entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {newestFirst.length > shown ? (
        <div className="row ledger-more">
          <button type="button" className="button" onClick={() => setShown((n) => n + LEDGER_PAGE)}>
            {i18n.t('account.ledger.more', { count: Math.min(LEDGER_PAGE, newestFirst.length - shown) })}
          </button>
          <span className="muted">
            {i18n.t('account.ledger.showing', { shown, count: newestFirst.length })}
          </span>
        </div>
      ) : null}
    </>
  );
}
