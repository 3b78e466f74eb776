// The megabyte ledger: the only code that changes balances. Every movement updates the account and
// appends an entry in the caller's transaction, so the entries always sum to the balance.
import type { LedgerEntry, LedgerKind, LedgerPage } from '../../api/schemas/account.ts';
import type { Db } from '../db/open-database.ts';
import { StoreError } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
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
    note: r.note,
    createdAt: r.created_at,
  };
}

export class Ledger {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Applies one movement. Must run inside a transaction together with the change that causes it. */
  apply(m: Movement): LedgerEntry {
    const db = this.#db;
    if (!db.isTransaction) throw new Error('ledger movements must run inside a transaction');
    const account = db
      .prepare(
        `UPDATE accounts SET balance_bytes = balance_bytes + ?, reserved_bytes = reserved_bytes + ?
         WHERE id = ? RETURNING *`,
      )
      .get(m.amountBytes, m.reservedDeltaBytes, m.accountId) as AccountRow | undefined;
    if (!account) throw new StoreError('NOT_FOUND', 404, 'account not found');
    const row = db
      .prepare(
        `INSERT INTO ledger (account_id, kind, amount_bytes, reserved_delta_bytes, balance_after, reserved_after,
           order_id, item_id, voucher, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
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
        new Date().toISOString(),
      ) as unknown as LedgerRow;
    return toEntry(row);
  }

  page(accountId: number, limit: number, cursor?: string): LedgerPage {
    const after = cursor ? (decodeCursor(cursor, ['number'])[0] as number) : 0;
    const rows = this.#db
      .prepare('SELECT * FROM ledger WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?')
      .all(accountId, after, limit + 1) as unknown as LedgerRow[];
    const items = rows.slice(0, limit).map(toEntry);
    const last = items.at(-1);
    // Even at the end, hand back a cursor so a client can later ask "what is new since here".
    return { items, nextCursor: last ? encodeCursor([last.id]) : (cursor ?? null) };
  }
}
