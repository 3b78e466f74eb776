// The operator's books: revenue recognised as megabytes are spent, deferred revenue, packs sold,
// discounts given; and the invariants that tie ledger, lots and payments together.
import type { LedgerCheck, RevenueReport } from '../../api/schemas/payments.ts';
import type { Database, Sql } from '../db/sql/port.ts';
import { microsToDecimal } from '../pricing/money.ts';

export interface ReportQuery {
  from?: string;
  to?: string;
  group: 'day' | 'month';
}

/** Read in one transaction, so every figure comes from the same moment of the books. */
export function revenueReport(db: Database, currency: string, q: ReportQuery): Promise<RevenueReport> {
  return db.tx((tx) => readRevenue(tx, currency, q));
}

async function readRevenue(db: Sql, currency: string, q: ReportQuery): Promise<RevenueReport> {
  const width = q.group === 'day' ? 10 : 7;
  // Periods are UTC dates of the settle; 'to' is inclusive.
  const from = q.from ?? '0000-00-00';
  const to = q.to ? `${q.to}T99` : '9999-99-99';
  const recognised = await db.all<{ period: string; bytes: number; micros: number }>(
    `SELECT substr(created_at, 1, ${width}) AS period, SUM(bytes) AS bytes, SUM(micros) AS micros
       FROM lot_moves WHERE kind = 'settle' AND created_at >= ? AND created_at < ?
       GROUP BY period ORDER BY period`,
    from,
    to,
  );
  const deferred = (await db.get<{ bytes: number; micros: number }>(
    `SELECT COALESCE(SUM(bytes - consumed_bytes - refunded_bytes), 0) AS bytes,
              COALESCE(SUM(money_micros - consumed_micros - refunded_micros), 0) AS micros FROM lots`,
  ))!;
  const received = (await db.get<{ micros: number; refunded: number }>(
    'SELECT COALESCE(SUM(money_micros), 0) AS micros, COALESCE(SUM(refunded_micros), 0) AS refunded FROM lots',
  ))!;
  const packs = await db.all<{ packId: string; sold: number; refunded: number; micros: number }>(
    `SELECT pack_id AS "packId", SUM(CASE WHEN state IN ('paid', 'refunded') THEN 1 ELSE 0 END) AS sold,
              SUM(CASE WHEN state = 'refunded' THEN 1 ELSE 0 END) AS refunded,
              SUM(CASE WHEN state = 'paid' THEN amount_micros ELSE 0 END) AS micros
       FROM payments WHERE state IN ('paid', 'refunded') AND substr(paid_at, 1, 10) >= ? AND paid_at < ?
       GROUP BY pack_id ORDER BY MIN(bytes), pack_id`,
    from,
    to,
  );
  const discounts = (await db.get<{ volume: number; loyalty: number }>(
    `SELECT COALESCE(SUM(volume_discount_micros), 0) AS volume, COALESCE(SUM(loyalty_discount_micros), 0) AS loyalty
       FROM payments WHERE state = 'paid' AND substr(paid_at, 1, 10) >= ? AND paid_at < ?`,
    from,
    to,
  ))!;
  return {
    currency,
    from: q.from ?? null,
    to: q.to ?? null,
    group: q.group,
    recognised: recognised.map((r) => ({ period: r.period, bytes: r.bytes, micros: r.micros })),
    deferred: { bytes: deferred.bytes, micros: deferred.micros },
    received: { micros: received.micros, refundedMicros: received.refunded },
    packs: packs.map((p) => ({ packId: p.packId, sold: p.sold, refunded: p.refunded, micros: p.micros })),
    discounts: { volumeMicros: discounts.volume, loyaltyMicros: discounts.loyalty },
  };
}

/** CSV for people: one section per table, amounts in micros and in currency units. */
export function revenueCsv(r: RevenueReport): string {
  const lines = ['section,key,bytes,count,micros,amount'];
  for (const p of r.recognised)
    lines.push(`recognised,${p.period},${p.bytes},,${p.micros},${microsToDecimal(p.micros)}`);
  lines.push(`deferred,,${r.deferred.bytes},,${r.deferred.micros},${microsToDecimal(r.deferred.micros)}`);
  lines.push(`received,,,,${r.received.micros},${microsToDecimal(r.received.micros)}`);
  lines.push(`refunded,,,,${r.received.refundedMicros},${microsToDecimal(r.received.refundedMicros)}`);
  for (const p of r.packs) lines.push(`pack,${p.packId},,${p.sold},${p.micros},${microsToDecimal(p.micros)}`);
  lines.push(`discount,volume,,,${r.discounts.volumeMicros},${microsToDecimal(r.discounts.volumeMicros)}`);
  lines.push(`discount,loyalty,,,${r.discounts.loyaltyMicros},${microsToDecimal(r.discounts.loyaltyMicros)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The invariants, each computed from a different table so that one cannot hide another's error:
 * entries sum to balances; open lots hold exactly the balances; each lot's columns match its moves;
 * money received = recognised + deferred + refunded; paid checkouts match their lots.
 */
export function checkLedger(db: Database): Promise<LedgerCheck> {
  return db.tx(readChecks);
}

async function readChecks(db: Sql): Promise<LedgerCheck> {
  const problems: string[] = [];
  const accounts = await db.all<{
    id: number;
    balance_bytes: number;
    reserved_bytes: number;
    entries: number;
    reserved_entries: number;
    lots: number;
  }>(
    `SELECT a.id, a.balance_bytes, a.reserved_bytes,
         (SELECT COALESCE(SUM(amount_bytes), 0) FROM ledger l WHERE l.account_id = a.id) AS entries,
         (SELECT COALESCE(SUM(reserved_delta_bytes), 0) FROM ledger l WHERE l.account_id = a.id) AS reserved_entries,
         (SELECT COALESCE(SUM(bytes - consumed_bytes - refunded_bytes), 0) FROM lots WHERE lots.account_id = a.id) AS lots
       FROM accounts a ORDER BY a.id`,
  );
  for (const a of accounts) {
    if (a.entries !== a.balance_bytes)
      problems.push(`account ${a.id}: ledger entries sum to ${a.entries}, balance is ${a.balance_bytes}`);
    if (a.reserved_entries !== a.reserved_bytes)
      problems.push(
        `account ${a.id}: reservations sum to ${a.reserved_entries}, reserved is ${a.reserved_bytes}`,
      );
    if (a.lots !== a.balance_bytes)
      problems.push(`account ${a.id}: unspent lots hold ${a.lots}, balance is ${a.balance_bytes}`);
  }
  const lotMismatches = await db.all<{ id: number }>(
    `SELECT l.id, l.consumed_bytes, l.consumed_micros, l.refunded_bytes, l.refunded_micros,
         COALESCE(SUM(CASE WHEN m.kind = 'settle' THEN m.bytes END), 0) AS sb,
         COALESCE(SUM(CASE WHEN m.kind = 'settle' THEN m.micros END), 0) AS sm,
         COALESCE(SUM(CASE WHEN m.kind = 'refund' THEN m.bytes END), 0) AS rb,
         COALESCE(SUM(CASE WHEN m.kind = 'refund' THEN m.micros END), 0) AS rm
       FROM lots l LEFT JOIN lot_moves m ON m.lot_id = l.id GROUP BY l.id
       HAVING COALESCE(SUM(CASE WHEN m.kind = 'settle' THEN m.bytes END), 0) != l.consumed_bytes
           OR COALESCE(SUM(CASE WHEN m.kind = 'settle' THEN m.micros END), 0) != l.consumed_micros
           OR COALESCE(SUM(CASE WHEN m.kind = 'refund' THEN m.bytes END), 0) != l.refunded_bytes
           OR COALESCE(SUM(CASE WHEN m.kind = 'refund' THEN m.micros END), 0) != l.refunded_micros`,
  );
  for (const l of lotMismatches) problems.push(`lot ${l.id}: its columns disagree with its moves`);
  const settleMismatch = await db.all<{ id: number; settled: number; moved: number }>(
    `SELECT l.id, -l.amount_bytes AS settled, COALESCE(SUM(m.bytes), 0) AS moved FROM ledger l
       LEFT JOIN lot_moves m ON m.ledger_id = l.id AND m.kind = 'settle'
       WHERE l.kind = 'settle' GROUP BY l.id HAVING COALESCE(SUM(m.bytes), 0) != -l.amount_bytes`,
  );
  for (const s of settleMismatch)
    problems.push(`settle ${s.id}: ${s.settled} bytes settled, ${s.moved} taken from lots`);
  const payments = await db.all<{ id: string }>(
    `SELECT p.id FROM payments p LEFT JOIN lots l ON l.payment_id = p.id
       WHERE (p.state IN ('paid', 'refunded') AND (l.id IS NULL OR l.money_micros != p.amount_micros OR l.bytes != p.bytes))
          OR (p.state NOT IN ('paid', 'refunded') AND l.id IS NOT NULL)
          OR (p.state = 'refunded' AND l.refunded_bytes != l.bytes)`,
  );
  for (const p of payments) problems.push(`payment ${p.id}: its lot does not match what was paid`);
  const totals = (await db.get<{ received: number; recognised: number; deferred: number; refunded: number }>(
    `SELECT (SELECT COALESCE(SUM(money_micros), 0) FROM lots) AS received,
              (SELECT COALESCE(SUM(micros), 0) FROM lot_moves WHERE kind = 'settle') AS recognised,
              (SELECT COALESCE(SUM(money_micros - consumed_micros - refunded_micros), 0) FROM lots) AS deferred,
              (SELECT COALESCE(SUM(micros), 0) FROM lot_moves WHERE kind = 'refund') AS refunded`,
  ))!;
  if (totals.received !== totals.recognised + totals.deferred + totals.refunded)
    problems.push(
      `money received ${totals.received} != recognised ${totals.recognised} + deferred ${totals.deferred} + refunded ${totals.refunded}`,
    );
  return {
    ok: problems.length === 0,
    accounts: accounts.length,
    problems,
    totals: {
      receivedMicros: totals.received,
      recognisedMicros: totals.recognised,
      deferredMicros: totals.deferred,
      refundedMicros: totals.refunded,
    },
  };
}
