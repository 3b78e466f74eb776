// The megabyte ledger: the only code that changes balances. Every movement updates the account,
// appends an entry and moves the lots behind it in the caller's transaction, so the entries always
// sum to the balance and the open lots always hold exactly the balance.
import type { LedgerEntry, LedgerKind, LedgerPage } from '../../api/schemas/account.ts';
import type { Database, Sql } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { money } from '../pricing/money.ts';
import { type Funding, type LotRow, Lots, type LotTake } from './lots.ts';
import type { AccountRow } from './sessions.ts';

export interface Movement {
  accountId: number;
  kind: LedgerKind;
  amountBytes: number;
  reservedDeltaBytes: number;
  orderId?: string;
  itemId?: string;
  voucher?: string;
  note?: string;
  /** For a top-up: the money behind the bytes (default: a free grant). */
  funding?: Funding;
  /** For a pack refund: the whole unspent lot that goes back. */
  refundLot?: LotRow;
  /** For an item refund: the settle whose bytes come back to the balance and to their lots. */
  reverses?: number;
}

export interface Applied extends LedgerEntry {
  /** For a settle: the lots it drew on and the money value taken from each. */
  takes: LotTake[];
}

interface LedgerRow {
  id: number;
  kind: LedgerKind;
  amount_bytes: number;
  reserved_delta_bytes: number;
  balance_after: number;
  reserved_after: number;
  order_id: string | null;
  item_id: string | null;
  voucher: string | null;
  note: string | null;
  created_at: string;
  payment_id: string | null;
  paid_micros: number | null;
  paid_currency: string | null;
}

function toEntry(r: LedgerRow): LedgerEntry {
  return {
    id: r.id,
    kind: r.kind,
    amountBytes: r.amount_bytes,
    reservedDeltaBytes: r.reserved_delta_bytes,
    balanceAfterBytes: r.balance_after,
    reservedAfterBytes: r.reserved_after,
    orderId: r.order_id,
    itemId: r.item_id,
    voucher: r.voucher,
    paymentId: r.payment_id,
    paid: r.paid_micros === null ? null : money(r.paid_micros, r.paid_currency ?? 'USD'),
    note: r.note,
    createdAt: r.created_at,
  };
}

const GRANT: Funding = { source: 'grant', moneyMicros: 0, currency: 'USD' };

export class Ledger {
  readonly #sql: Database;
  readonly #now: () => number;
  readonly lots = new Lots();

  constructor(sql: Database, now: () => number = Date.now) {
    this.#sql = sql;
    this.#now = now;
  }

  /**
   * Applies one movement in the caller's transaction `q`, together with the change that causes it:
   * the account, its ledger entry and its lots commit or roll back as one.
   */
  async apply(q: Sql, m: Movement): Promise<Applied> {
    if (q === this.#sql) throw new Error('ledger movements must run inside a transaction');
    if (m.kind === 'topup' && m.amountBytes <= 0) throw new Error('a top-up credits a positive amount');
    if (m.kind === 'refund' && m.refundLot && m.amountBytes !== -m.refundLot.bytes)
      throw new Error('a pack refund takes back exactly one whole lot');
    if (m.kind === 'refund' && !m.refundLot && !(m.reverses && m.amountBytes > 0))
      throw new Error('a refund is of a pack (refundLot) or of a settle (reverses)');
    const createdAt = new Date(this.#now()).toISOString();
    const paid =
      m.kind === 'topup' && m.funding && (m.funding.source === 'payment' || m.funding.moneyMicros > 0)
        ? m.funding
        : m.kind === 'refund' && m.refundLot
          ? { moneyMicros: m.refundLot.money_micros, currency: m.refundLot.currency }
          : undefined;
    const account = await q.get<AccountRow>(
      `UPDATE accounts SET balance_bytes = balance_bytes + ?, reserved_bytes = reserved_bytes + ?
       WHERE id = ? RETURNING *`,
      m.amountBytes,
      m.reservedDeltaBytes,
      m.accountId,
    );
    if (!account) throw new StoreError('NOT_FOUND', 404, 'account not found');
    const row = (await q.get<LedgerRow>(
      `INSERT INTO ledger (account_id, kind, amount_bytes, reserved_delta_bytes, balance_after, reserved_after,
         order_id, item_id, voucher, note, created_at, payment_id, paid_micros, paid_currency)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      m.accountId,
      m.kind,
      m.amountBytes,
      m.reservedDeltaBytes,
      account.balance_bytes,
      account.reserved_bytes,
      m.orderId ?? null,
      m.itemId ?? null,
      m.voucher ?? null,
      m.note ?? null,
      createdAt,
      m.funding?.paymentId ?? m.refundLot?.payment_id ?? null,
      paid?.moneyMicros ?? null,
      paid?.currency ?? null,
    ))!;
    let takes: LotTake[] = [];
    if (m.kind === 'topup') {
      await this.lots.open(q, m.accountId, m.amountBytes, m.funding ?? GRANT, createdAt);
    } else if (m.kind === 'refund' && m.refundLot) {
      await this.lots.refund(q, m.refundLot, row.id, createdAt);
    } else if (m.kind === 'refund') {
      takes = await this.lots.giveBack(q, m.reverses!, row.id, createdAt);
    } else if (m.amountBytes < 0) {
      takes = await this.lots.consume(q, m.accountId, -m.amountBytes, row.id, createdAt);
    } else if (m.amountBytes > 0) {
      throw new Error(`a ${m.kind} cannot credit bytes`);
    }
    return { ...toEntry(row), takes };
  }

  async page(accountId: number, limit: number, cursor?: string): Promise<LedgerPage> {
    const after = cursor ? (decodeCursor(cursor, ['number'])[0] as number) : 0;
    const rows = await this.#sql.all<LedgerRow>(
      'SELECT * FROM ledger WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?',
      accountId,
      after,
      limit + 1,
    );
    const items = rows.slice(0, limit).map(toEntry);
    const last = items.at(-1);
    // Even at the end, hand back a cursor so a client can later ask "what is new since here".
    return { items, nextCursor: last ? encodeCursor([last.id]) : (cursor ?? null) };
  }
}
