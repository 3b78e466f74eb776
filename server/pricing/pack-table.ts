// The pack table and loyalty tiers in force, kept in the store database so the operator can change
// them (CLI, config file) while every checkout keeps the copy of the pack it sold.
import type { PackTable as PackTableView } from '../../api/schemas/payments.ts';
import { type Db, transaction } from '../db/open-database.ts';
import { StoreError } from '../errors.ts';
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
  readonly #db: Db;
  readonly #rate: Rate;

  constructor(db: Db, rate: Rate) {
    this.#db = db;
    this.#rate = rate;
    // The defaults go in once; an operator who removes every pack is not overruled on the next start.
    transaction(db, () => {
      if (db.prepare(`SELECT 1 FROM meta WHERE key = 'packs_initialised'`).get()) return;
      this.#write(DEFAULT_PACKS, DEFAULT_TIERS);
      db.prepare(`INSERT INTO meta (key, value) VALUES ('packs_initialised', '1')`).run();
    });
  }

  packs(): Pack[] {
    return (
      this.#db.prepare('SELECT id, bytes, price_micros FROM packs ORDER BY bytes, id').all() as {
        id: string;
        bytes: number;
        price_micros: number;
      }[]
    ).map((r) => ({ id: r.id, bytes: r.bytes, priceMicros: r.price_micros }));
  }

  tiers(): Tier[] {
    return (
      this.#db.prepare('SELECT from_micros, basis_points FROM loyalty_tiers ORDER BY from_micros').all() as {
        from_micros: number;
        basis_points: number;
      }[]
    ).map((r) => ({ fromMicros: r.from_micros, basisPoints: r.basis_points }));
  }

  pack(id: string): Pack {
    const found = this.packs().find((p) => p.id === id);
    if (!found) throw new StoreError('NOT_FOUND', 404, `no pack ${id} is on sale`);
    return found;
  }

  /** Adds or reprices one pack. */
  setPack(pack: Pack): Pack {
    const checked = checkPack(pack);
    this.#db
      .prepare(
        `INSERT INTO packs (id, bytes, price_micros, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET price_micros = excluded.price_micros, updated_at = excluded.updated_at`,
      )
      .run(checked.id, checked.bytes, checked.priceMicros, new Date().toISOString());
    return checked;
  }

  removePack(id: string): boolean {
    return this.#db.prepare('DELETE FROM packs WHERE id = ?').run(id).changes === 1;
  }

  /** Replaces the whole table (a config file); tiers too when given. */
  replace(packs: Pack[], tiers?: Tier[]): void {
    const checked = packs.map(checkPack);
    const checkedTiers = tiers?.map(checkTier);
    transaction(this.#db, () => this.#write(checked, checkedTiers));
  }

  #write(packs: Pack[], tiers?: Tier[]): void {
    const now = new Date().toISOString();
    this.#db.prepare('DELETE FROM packs').run();
    for (const p of packs)
      this.#db
        .prepare('INSERT INTO packs (id, bytes, price_micros, updated_at) VALUES (?, ?, ?, ?)')
        .run(p.id, p.bytes, p.priceMicros, now);
    if (tiers) {
      this.#db.prepare('DELETE FROM loyalty_tiers').run();
      for (const t of tiers)
        this.#db
          .prepare('INSERT INTO loyalty_tiers (from_micros, basis_points) VALUES (?, ?)')
          .run(t.fromMicros, t.basisPoints);
    }
  }

  /** What the account has paid for packs over its life, net of refunds: the loyalty measure. */
  lifetimeSpent(accountId: number | undefined): number {
    if (accountId === undefined) return 0;
    const row = this.#db
      .prepare(
        `SELECT COALESCE(SUM(amount_micros), 0) AS spent FROM payments WHERE account_id = ? AND state = 'paid'`,
      )
      .get(accountId) as { spent: number };
    return row.spent;
  }

  view(accountId: number | undefined): PackTableView {
    const cur = this.#rate.currency;
    const tiers = this.tiers();
    const spent = this.lifetimeSpent(accountId);
    const bp = loyaltyBasisPoints(tiers, spent);
    const next = nextTier(tiers, spent);
    return {
      currency: cur,
      perMb: money(this.#rate.microsPerMb, cur),
      packs: this.packs().map((p) => quotePack(p, this.#rate, bp)),
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
