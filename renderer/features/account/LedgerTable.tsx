// The megabyte ledger, newest first: every top-up (with what was paid for it), reservation, charge,
// release and refund, with the balance after each. Long histories show a page at a time.
import { useState } from 'react';
import type { LedgerEntry, LedgerKind } from '../../../api/schemas/account.ts';
import { formatDate, formatMB } from '../../components/format.ts';
import { LEDGER_TEXT } from './account-text.ts';
import { signedMB } from './money.ts';

export const LEDGER_PAGE = 25;

const KIND: Record<LedgerKind, { label: string; className: string }> = {
  topup: { label: 'Top-up', className: 'tag tag-ok' },
  reserve: { label: 'Reserved', className: 'tag' },
  settle: { label: 'Charged', className: 'tag tag-warn' },
  release: { label: 'Released', className: 'tag' },
  refund: { label: LEDGER_TEXT.refund, className: 'tag tag-warn' },
};

/** "ord_8fK2…" keeps the table narrow; the full id is in the title. */
function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 10)}…` : id;
}

/** "+500.0 MB · $9.00": the megabytes, and for a paid top-up or a refund, the money. */
function amountText(entry: LedgerEntry): string {
  const bytes = signedMB(entry.amountBytes, formatMB);
  return entry.paid ? `${bytes} · ${entry.paid.display}` : bytes;
}

function Reference({ entry }: { entry: LedgerEntry }) {
  if (entry.voucher) return <span>Voucher {entry.voucher}</span>;
  if (entry.paymentId) {
    return (
      <span>
        {entry.kind === 'refund' ? LEDGER_TEXT.refundOf : LEDGER_TEXT.payment}{' '}
        <code className="order-id" title={entry.paymentId}>
          {shortId(entry.paymentId)}
        </code>
        {entry.note ? <span className="muted"> · {entry.note}</span> : null}
      </span>
    );
  }
  if (entry.orderId) {
    return (
      <span>
        Order{' '}
        <code className="order-id" title={entry.orderId}>
          {shortId(entry.orderId)}
        </code>
        {entry.note ? <span className="muted"> · {entry.note}</span> : null}
      </span>
    );
  }
  return <span className="muted">{entry.note ?? ''}</span>;
}

export function LedgerTable({ entries }: { entries: LedgerEntry[] }) {
  const [shown, setShown] = useState(LEDGER_PAGE);
  // The store keeps them oldest first; people read history from the latest.
  const newestFirst = [...entries].reverse();
  const visible = newestFirst.slice(0, shown);

  return (
    <>
      <div className="table-scroll">
        <table className="table ledger-table">
          <caption className="visually-hidden">Ledger history, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col" className="num">
                Reserved
              </th>
              <th scope="col" className="num">
                Balance after
              </th>
              <th scope="col">Reference</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">{formatDate(entry.createdAt)}</td>
                <td>
                  <span className={KIND[entry.kind].className}>{KIND[entry.kind].label}</span>
                </td>
                <td className={`num ${entry.amountBytes > 0 ? 'amount-in' : ''}`}>{amountText(entry)}</td>
                <td className="num muted">{signedMB(entry.reservedDeltaBytes, formatMB)}</td>
                <td className="num">{formatMB(entry.balanceAfterBytes)}</td>
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
            Show {Math.min(LEDGER_PAGE, newestFirst.length - shown)} more
          </button>
          <span className="muted">
            Showing {shown} of {newestFirst.length} entries
          </span>
        </div>
      ) : null}
    </>
  );
}
