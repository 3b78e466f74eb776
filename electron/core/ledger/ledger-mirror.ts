// Local mirror of the store's megabyte ledger: fetched by cursor, kept offline, checked on every sync.
import type { LedgerEntry } from '../../../api/schemas/account.ts';
import type { BalanceView } from '../../shared/app-api/domain.ts';
import { MegadiscError } from '../../shared/errors.ts';
import type { EngineEvents } from '../events/engine-events.ts';
import { inTransaction, type ProfileDb } from '../profile/open-profile.ts';
import { type Output, routes, type StoreClient } from '../store-client/store-client.ts';

export type { BalanceView };

interface StateRow {
  cursor: string | null;
  balance_bytes: number;
  reserved_bytes: number;
  as_of: string;
  mismatch: string | null;
}

export class LedgerMirror {
  readonly #db: ProfileDb;
  readonly #store: string;
  readonly #accountId: number;
  readonly #events: EngineEvents;
  #offline = false;

  constructor(db: ProfileDb, scope: { store: string; accountId: number }, events: EngineEvents) {
    this.#db = db;
    this.#store = scope.store;
    this.#accountId = scope.accountId;
    this.#events = events;
  }

  #state(): StateRow | undefined {
    return this.#db
      .prepare('SELECT * FROM ledger_state WHERE store = ? AND account_id = ?')
      .get(this.#store, this.#accountId) as StateRow | undefined;
  }

  /** The stored balance; null before the first successful sync. */
  view(): BalanceView | null {
    const s = this.#state();
    if (!s) return null;
    return {
      balanceBytes: s.balance_bytes,
      reservedBytes: s.reserved_bytes,
      availableBytes: s.balance_bytes - s.reserved_bytes,
      asOf: s.as_of,
      offline: this.#offline,
      mismatch: s.mismatch,
    };
  }

  entries(): LedgerEntry[] {
    const rows = this.#db
      .prepare('SELECT * FROM ledger_entries WHERE store = ? AND account_id = ? ORDER BY id')
      .all(this.#store, this.#accountId) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as number,
      kind: r.kind as LedgerEntry['kind'],
      amountBytes: r.amount_bytes as number,
      reservedDeltaBytes: r.reserved_delta_bytes as number,
      balanceAfterBytes: r.balance_after as number,
      reservedAfterBytes: r.reserved_after as number,
      orderId: r.order_id as string | null,
      itemId: r.item_id as string | null,
      voucher: r.voucher as string | null,
      paymentId: r.payment_id as string | null,
      paid:
        r.paid_micros === null
          ? null
          : {
              currency: r.paid_currency as string,
              micros: r.paid_micros as number,
              display: r.paid_display as string,
            },
      note: r.note as string | null,
      createdAt: r.created_at as string,
    }));
  }

  /** Whether the mirror holds an entry of this kind for a checkout (its credit, or its refund). */
  hasPaymentEntry(paymentId: string, kind: 'topup' | 'refund'): boolean {
    const row = this.#db
      .prepare(
        'SELECT 1 FROM ledger_entries WHERE store = ? AND account_id = ? AND payment_id = ? AND kind = ? LIMIT 1',
      )
      .get(this.#store, this.#accountId, paymentId, kind);
    return row !== undefined;
  }

  /**
   * Fetches the account and every entry after the stored cursor, then checks that the entries sum
   * to the store's figures. On a network failure the stored view is returned, marked offline.
   */
  async sync(client: StoreClient): Promise<BalanceView> {
    let account: Output<typeof routes.account>;
    const fetched: LedgerEntry[] = [];
    let cursor = this.#state()?.cursor ?? undefined;
    try {
      account = await client.call(routes.account);
      for (;;) {
        const page = await client.call(routes.ledger, { query: { cursor, limit: 100 } });
        fetched.push(...page.items);
        if (page.items.length === 0 || !page.nextCursor) break;
        cursor = page.nextCursor;
      }
    } catch (error) {
      const stored = this.view();
      if (stored && error instanceof MegadiscError && error.code === 'STORE_UNREACHABLE') {
        this.#offline = true;
        return { ...stored, offline: true };
      }
      throw error;
    }
    const wasOffline = this.#offline;
    this.#offline = false;
    const before = this.view();
    const view = inTransaction(this.#db, () => this.#apply(fetched, cursor ?? null, account));
    // Only a change is news: listeners that reload on 'balance' must not loop through a sync.
    const changed =
      wasOffline ||
      before?.balanceBytes !== view.balanceBytes ||
      before?.reservedBytes !== view.reservedBytes ||
      before?.mismatch !== view.mismatch;
    if (changed) this.#events.emit('balance', { balance: view });
    if (view.mismatch) this.#events.emit('ledger-mismatch', { message: view.mismatch });
    return view;
  }

  #apply(
    fetched: LedgerEntry[],
    cursor: string | null,
    account: { balanceBytes: number; reservedBytes: number },
  ) {
    // Entries never change at the store; the upsert only fills in the payment columns of entries
    // mirrored before the client knew them (see profile migration 3).
    const insert = this.#db.prepare(
      `INSERT INTO ledger_entries (store, account_id, id, kind, amount_bytes, reserved_delta_bytes,
         balance_after, reserved_after, order_id, item_id, voucher, payment_id, paid_micros, paid_currency,
         paid_display, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (store, account_id, id) DO UPDATE SET payment_id = excluded.payment_id,
         paid_micros = excluded.paid_micros, paid_currency = excluded.paid_currency,
         paid_display = excluded.paid_display`,
    );
    for (const e of fetched) {
      insert.run(
        this.#store,
        this.#accountId,
        e.id,
        e.kind,
        e.amountBytes,
        e.reservedDeltaBytes,
        e.balanceAfterBytes,
        e.reservedAfterBytes,
        e.orderId,
        e.itemId,
        e.voucher,
        e.paymentId,
        e.paid?.micros ?? null,
        e.paid?.currency ?? null,
        e.paid?.display ?? null,
        e.note,
        e.createdAt,
      );
    }
    const sums = this.#db
      .prepare(
        `SELECT COALESCE(SUM(amount_bytes), 0) AS balance, COALESCE(SUM(reserved_delta_bytes), 0) AS reserved
         FROM ledger_entries WHERE store = ? AND account_id = ?`,
      )
      .get(this.#store, this.#accountId) as { balance: number; reserved: number };
    const mismatch =
      sums.balance !== account.balanceBytes || sums.reserved !== account.reservedBytes
        ? `ledger entries sum to ${sums.balance} bytes (${sums.reserved} reserved) but the store reports ` +
          `${account.balanceBytes} (${account.reservedBytes} reserved)`
        : null;
    const asOf = new Date().toISOString();
    this.#db
      .prepare(
        `INSERT OR REPLACE INTO ledger_state (store, account_id, cursor, balance_bytes, reserved_bytes, as_of, mismatch)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(this.#store, this.#accountId, cursor, account.balanceBytes, account.reservedBytes, asOf, mismatch);
    return {
      balanceBytes: account.balanceBytes,
      reservedBytes: account.reservedBytes,
      availableBytes: account.balanceBytes - account.reservedBytes,
      asOf,
      offline: false,
      mismatch,
    };
  }
}
