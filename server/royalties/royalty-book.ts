// Royalties owed on every settle, per track and rights holder, recorded in the settle's transaction.
//
// The rule: each rights holder accrues revenue × rate exactly, as an integer in micro × basis points.
// What is owed is that accrual rounded down to a whole micro; each line carries the difference from
// the holder's previous total. So the lines of a holder always add up to floor(rate × revenue), the
// fraction below a micro carries forward, and a million tiny sales are not each rounded to zero.
// Lines are append-only: a reversal is a new negative line, never an edit.
import type { Database, Sql } from '../db/sql/port.ts';

export const DEFAULT_ROYALTY_BP = 1500;

export interface SaleFacts {
  ledgerId: number;
  orderId: string | null;
  itemId: string | null;
  trackId: number;
  territory: string;
  /** +1 for a sale, -1 for a reversal. */
  units: number;
  bytes: number;
  /** The money value of the settled bytes (negative for a reversal). */
  revenueMicros: number;
  currency: string;
  createdAt: string;
}

/** floor(a / b) for BigInt, rounding toward minus infinity (BigInt division truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export class RoyaltyBook {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** The store's rate in basis points (default 15%). */
  async storeRate(q: Sql = this.#db): Promise<number> {
    const row = await q.get<{ value: string }>(`SELECT value FROM meta WHERE key = 'royalty_bp'`);
    return row ? Number(row.value) : DEFAULT_ROYALTY_BP;
  }

  async setStoreRate(bp: number): Promise<void> {
    if (!Number.isInteger(bp) || bp < 0 || bp > 10_000) throw new Error('a royalty rate is 0 to 100%');
    await this.#db.run(
      `INSERT INTO meta (key, value) VALUES ('royalty_bp', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      String(bp),
    );
  }

  /** Records the royalty line of one settled track, in the settle's transaction `q`. */
  async record(q: Sql, sale: SaleFacts): Promise<{ rightsHolderId: number; royaltyMicros: number } | null> {
    if (q === this.#db) throw new Error('royalties are recorded in the settle transaction');
    const track = await q.get<{ album_id: number; holder: number | null; royalty_bp: number | null }>(
      `SELECT t.album_id, COALESCE(t.rights_holder_id, a.rights_holder_id) AS holder, h.royalty_bp
       FROM tracks t JOIN albums a ON a.id = t.album_id LEFT JOIN rights_holders h
         ON h.id = COALESCE(t.rights_holder_id, a.rights_holder_id)
       WHERE t.id = ?`,
      sale.trackId,
    );
    // A release nobody holds the rights to owes nobody; the store assigns one to every release it imports.
    if (!track || track.holder === null) return null;
    const rate = track.royalty_bp ?? (await this.storeRate(q));
    const carry = await q.get<{ accrued: string; owed_micros: number }>(
      'SELECT accrued, owed_micros FROM royalty_carry WHERE rights_holder_id = ?',
      track.holder,
    );
    const accrued = BigInt(carry?.accrued ?? '0') + BigInt(sale.revenueMicros) * BigInt(rate);
    const owed = Number(floorDiv(accrued, 10_000n));
    const royalty = owed - (carry?.owed_micros ?? 0);
    await q.run(
      `INSERT INTO royalty_carry (rights_holder_id, accrued, owed_micros) VALUES (?, ?, ?)
       ON CONFLICT (rights_holder_id) DO UPDATE SET accrued = excluded.accrued, owed_micros = excluded.owed_micros`,
      track.holder,
      accrued.toString(),
      owed,
    );
    await q.run(
      `INSERT INTO royalty_lines (rights_holder_id, ledger_id, order_id, item_id, album_id, track_id, territory, units,
         bytes, revenue_micros, royalty_micros, rate_bp, currency, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      track.holder,
      sale.ledgerId,
      sale.orderId,
      sale.itemId,
      track.album_id,
      sale.trackId,
      sale.territory,
      sale.units,
      sale.bytes,
      sale.revenueMicros,
      royalty,
      rate,
      sale.currency,
      sale.createdAt,
    );
    return { rightsHolderId: track.holder, royaltyMicros: royalty };
  }

  /** What each holder is owed in all, and the revenue behind it (for checks and the operator). */
  totals(): Promise<{ rightsHolderId: number; revenueMicros: number; royaltyMicros: number }[]> {
    return this.#db.all(
      `SELECT rights_holder_id AS "rightsHolderId", SUM(revenue_micros) AS "revenueMicros",
         SUM(royalty_micros) AS "royaltyMicros"
       FROM royalty_lines GROUP BY rights_holder_id ORDER BY rights_holder_id`,
    );
  }
}
