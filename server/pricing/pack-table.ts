// The pack table and loyalty tiers in force, kept in the store database so the operator can change
// them (CLI, config file) while every checkout keeps the copy of the pack it sold.
import type { PackTable as PackTableView } from '../../api/schemas/payments.ts';
import type { Database, Sql } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';
import type { Rate } from './money.ts';
import { money } from './money.ts';
import {
  loyaltyBasisPoints,
  MAX_LOYALTY_BP,
  MICROS_PER_CENT,
  nextTier,
  type Pack,
  quotePack,
  type Tier,
  tierView,
} from './pack-quote.ts';

export const DEFAULT_PACKS: Pack[] = [
  { id: '100MB', bytes: 100_000_000, priceMicros: 2_000_000 },
  { id: '500MB', bytes: 500_000_000, priceMicros: 5_000_000 },
  { id: '2000MB', bytes: 2_000_000_000, priceMicros: 18_000_000 },
  { id: '5000MB', bytes: 5_000_000_000, priceMicros: 40_000_000 },
];

export const DEFAULT_TIERS: Tier[] = [
  { fromMicros: 25_000_000, basisPoints: 500 },
  { fromMicros: 50_000_000, basisPoints: 1000 },
  { fromMicros: 100_000_000, basisPoints: 1500 },
  { fromMicros: 250_000_000, basisPoints: 2500 },
  { fromMicros: 500_000_000, basisPoints: 3333 },
];

export function packIdOf(bytes: number): string {
  return `${bytes / 1_000_000}MB`;
}

export function checkPack(pack: Pack): Pack {
  if (!Number.isSafeInteger(pack.bytes) || pack.bytes <= 0 || pack.bytes % 1_000_000 !== 0)
    throw new StoreError('VALIDATION_FAILED', 400, 'a pack holds a whole number of MB');
  if (
    !Number.isSafeInteger(pack.priceMicros) ||
    pack.priceMicros <= 0 ||
    pack.priceMicros % MICROS_PER_CENT !== 0
  )
    throw new StoreError('VALIDATION_FAILED', 400, 'a pack price is a positive amount in whole cents');
  return { ...pack, id: packIdOf(pack.bytes) };
}

export function checkTier(tier: Tier): Tier {
  if (!Number.isSafeInteger(tier.fromMicros) || tier.fromMicros < 0)
    throw new StoreError('VALIDATION_FAILED', 400, 'a loyalty threshold is a non-negative amount');
  if (!Number.isInteger(tier.basisPoints) || tier.basisPoints < 0 || tier.basisPoints > MAX_LOYALTY_BP)
    throw new StoreError('VALIDATION_FAILED', 400, 'a loyalty discount is 0 to 33.33%');
  return tier;
}

export class PackTable {
  readonly #db: Database;
  readonly #rate: Rate;

  private constructor(db: Database, rate: Rate) {
    this.#db = db;
    this.#rate = rate;
  }

  /** The table of this store; the defaults go in on its first start. */
  static async open(db: Database, rate: Rate): Promise<PackTable> {
    const table = new PackTable(db, rate);
    // Once: an operator who removes every pack is not overruled on the next start. The marker is
    // claimed with ON CONFLICT, so nodes starting together write the defaults once.
    await db.tx(async (q) => {
      const first = await q.run(
        `INSERT INTO meta (key, value) VALUES ('packs_initialised', '1') ON CONFLICT DO NOTHING`,
      );
      if (first.changes === 1) await table.#write(q, DEFAULT_PACKS, DEFAULT_TIERS);
    });
    return table;
  }

  async packs(q: Sql = this.#db): Promise<Pack[]> {
    const rows = await q.all<{ id: string; bytes: number; price_micros: number }>(
      'SELECT id, bytes, price_micros FROM packs ORDER BY bytes, id',
    );
    return rows.map((r) => ({ id: r.id, bytes: r.bytes, priceMicros: r.price_micros }));
  }

  async tiers(q: Sql = this.#db): Promise<Tier[]> {
    const rows = await q.all<{ from_micros: number; basis_points: number }>(
      'SELECT from_micros, basis_points FROM loyalty_tiers ORDER BY from_micros',
    );
    return rows.map((r) => ({ fromMicros: r.from_micros, basisPoints: r.basis_points }));
  }

  async pack(id: string, q: Sql = this.#db): Promise<Pack> {
    const found = (await this.packs(q)).find((p) => p.id === id);
    if (!found) throw new StoreError('NOT_FOUND', 404, `no pack ${id} is on sale`);
    return found;
  }

  /** Adds or reprices one pack. */
  async setPack(pack: Pack): Promise<Pack> {
    const checked = checkPack(pack);
    await this.#db.run(
      `INSERT INTO packs (id, bytes, price_micros, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET price_micros = excluded.price_micros, updated_at = excluded.updated_at`,
      checked.id,
      checked.bytes,
      checked.priceMicros,
      new Date().toISOString(),
    );
    return checked;
  }

  async removePack(id: string): Promise<boolean> {
    return (await this.#db.run('DELETE FROM packs WHERE id = ?', id)).changes === 1;
  }

  /** Replaces the whole table (a config file); tiers too when given. */
  async replace(packs: Pack[], tiers?: Tier[]): Promise<void> {
    const checked = packs.map(checkPack);
    const checkedTiers = tiers?.map(checkTier);
    await this.#db.tx((q) => this.#write(q, checked, checkedTiers));
  }

  async #write(q: Sql, packs: Pack[], tiers?: Tier[]): Promise<void> {
    const now = new Date().toISOString();
    await q.run('DELETE FROM packs');
    for (const p of packs)
      await q.run(
        'INSERT INTO packs (id, bytes, price_micros, updated_at) VALUES (?, ?, ?, ?)',
        p.id,
        p.bytes,
        p.priceMicros,
        now,
      );
    if (tiers) {
      await q.run('DELETE FROM loyalty_tiers');
      for (const t of tiers)
        await q.run(
          'INSERT INTO loyalty_tiers (from_micros, basis_points) VALUES (?, ?)',
          t.fromMicros,
          t.basisPoints,
        );
    }
  }

  /** What the account has paid for packs over its life, net of refunds: the loyalty measure. */
  async lifetimeSpent(accountId: number | undefined, q: Sql = this.#db): Promise<number> {
    if (accountId === undefined) return 0;
    const row = await q.get<{ spent: number }>(
      `SELECT COALESCE(SUM(amount_micros), 0) AS spent FROM payments WHERE account_id = ? AND state = 'paid'`,
      accountId,
    );
    return row!.spent;
  }

  async view(accountId: number | undefined): Promise<PackTableView> {
    const cur = this.#rate.currency;
    const tiers = await this.tiers();
    const spent = await this.lifetimeSpent(accountId);
    const packs = await this.packs();
    const bp = loyaltyBasisPoints(tiers, spent);
    const next = nextTier(tiers, spent);
    return {
      currency: cur,
      perMb: money(this.#rate.microsPerMb, cur),
      packs: packs.map((p) => quotePack(p, this.#rate, bp)),
      loyalty: {
        lifetimeSpent: money(spent, cur),
        basisPoints: bp,
        tiers: tiers.map((t) => tierView(t, cur)),
        next: next
          ? {
              basisPoints: Math.min(next.basisPoints, MAX_LOYALTY_BP),
              spendMore: money(next.fromMicros - spent, cur),
            }
          : null,
      },
    };
  }
}
