// What the cluster's database must hold whatever was killed or retried on the way, read in SQL: each
// item settled once, no balance below zero, and royalty lines on exactly the money each settle took,
// adding up per rights holder to floor(rate × revenue).
import { expect } from 'vitest';

export type Query = <T = any>(text: string, ...params: unknown[]) => Promise<T[]>;

export async function expectItemsSettledOnce(sql: Query): Promise<void> {
  expect(
    await sql(`SELECT item_id FROM ledger WHERE kind = 'settle' GROUP BY item_id HAVING COUNT(*) > 1`),
  ).toEqual([]);
  expect(
    await sql(
      'SELECT id FROM accounts WHERE balance_bytes < 0 OR reserved_bytes < 0 OR reserved_bytes > balance_bytes',
    ),
  ).toEqual([]);
}

export async function expectRoyaltiesExact(sql: Query): Promise<void> {
  // One line per settle that charged something, on the money its settle took from the lots.
  const lines = await sql<{ ledger: string; revenue: string; moved: string }>(
    `SELECT r.ledger_id::text AS ledger, r.revenue_micros::text AS revenue,
       (SELECT COALESCE(SUM(m.micros), 0) FROM lot_moves m WHERE m.ledger_id = r.ledger_id)::text AS moved
     FROM royalty_lines r`,
  );
  const [settled] = await sql<{ n: number }>(
    `SELECT COUNT(*)::int AS n FROM ledger WHERE kind = 'settle' AND amount_bytes < 0`,
  );
  expect(lines).toHaveLength(settled!.n);
  for (const line of lines) expect(line.revenue, `ledger ${line.ledger}`).toBe(line.moved);
  // Per holder: what is owed is the accrual (revenue × rate in basis points) rounded down, exactly.
  const holders = await sql<{
    holder: number;
    revenue: string;
    royalty: string;
    accrued: string;
    owed: string;
  }>(
    `SELECT r.rights_holder_id AS holder, SUM(r.revenue_micros)::text AS revenue,
       SUM(r.royalty_micros)::text AS royalty, SUM(r.revenue_micros * r.rate_bp)::text AS accrued,
       MAX(c.owed_micros)::text AS owed
     FROM royalty_lines r JOIN royalty_carry c ON c.rights_holder_id = r.rights_holder_id
     GROUP BY r.rights_holder_id`,
  );
  expect(holders.length).toBeGreaterThan(1);
  for (const h of holders) {
    expect(BigInt(h.revenue)).toBeGreaterThan(0n);
    expect(BigInt(h.royalty), `holder ${h.holder}`).toBe(BigInt(h.accrued) / 10_000n);
    expect(h.owed).toBe(h.royalty);
  }
}
