// A randomized run (fixed seed) of top-ups, vouchers, orders, settles, releases and refunds against
// the store's ledger, lots and payment desk, checked against a model of the books after every step.
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../../server/accounts/ledger.ts';
import { Vouchers } from '../../../../server/accounts/vouchers.ts';
import { openSqliteDatabase } from '../../../../server/db/sqlite/sqlite-database.ts';
import { checkLedger } from '../../../../server/payments/money-books.ts';
import { PaymentDesk } from '../../../../server/payments/payment-desk.ts';
import { TestProvider } from '../../../../server/payments/test-provider/test-provider.ts';
import { parseRate } from '../../../../server/pricing/money.ts';
import { PackTable } from '../../../../server/pricing/pack-table.ts';

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ModelLot {
  bytes: number;
  money: number;
  consumed: number;
  refunded: boolean;
  paymentId?: string;
}

interface ModelAccount {
  id: number;
  reserved: number;
  lots: ModelLot[];
  /** Open reservations of orders in progress. */
  holds: number[];
}

const balanceOf = (a: ModelAccount) =>
  a.lots.reduce((s, l) => s + (l.refunded ? 0 : l.bytes - l.consumed), 0);
const lotValue = (l: ModelLot, consumed: number) =>
  Number((BigInt(l.money) * BigInt(consumed)) / BigInt(l.bytes));

describe('the books under a randomized run', () => {
  it('keep every invariant through 3,000 operations (seed 20261206)', async () => {
    const random = mulberry32(20261206);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
    let clock = Date.parse('2026-05-01T00:00:00Z');
    const now = () => clock;
    const sql = openSqliteDatabase(':memory:');
    const rate = parseRate('0.02');
    const ledger = new Ledger(sql, now);
    const packs = await PackTable.open(sql, rate);
    const provider = await TestProvider.open({ db: sql, baseUrl: () => 'http://127.0.0.1:9', now });
    const desk = new PaymentDesk({
      db: sql,
      ledger,
      packs,
      rate,
      providers: [provider],
      now,
      checkoutTtlMs: 3_600_000,
    });
    const vouchers = new Vouchers(sql, ledger, 'USD');
    const accounts: ModelAccount[] = [];
    for (let i = 0; i < 6; i++) {
      const row = (await sql.get<{ id: number }>(
        `INSERT INTO accounts (email, password_hash, created_at) VALUES (?, 'x', ?) RETURNING id`,
        `a${i}@example.com`,
        new Date(clock).toISOString(),
      ))!;
      accounts.push({ id: row.id, reserved: 0, lots: [], holds: [] });
    }
    // Small packs so settles run through lots often and span them.
    await packs.replace(
      [
        { id: '1MB', bytes: 1_000_000, priceMicros: 30_000 },
        { id: '3MB', bytes: 3_000_000, priceMicros: 50_000 },
        { id: '7MB', bytes: 7_000_000, priceMicros: 110_000 },
      ],
      [
        { fromMicros: 200_000, basisPoints: 500 },
        { fromMicros: 1_000_000, basisPoints: 3333 },
      ],
    );
    const counts: Record<string, number> = {};
    let refundsRefused = 0;

    for (let step = 0; step < 3000; step++) {
      clock += Math.floor(random() * 120_000);
      const a = pick(accounts);
      const available = balanceOf(a) - a.reserved;
      const op = pick([
        'pack',
        'pack',
        'voucher',
        'reserve',
        'settle',
        'settle',
        'release',
        'refund',
        'decline',
      ]);
      counts[op] = (counts[op] ?? 0) + 1;
      if (op === 'pack' || op === 'decline') {
        const packId = pick(['1MB', '3MB', '7MB']);
        const co = await desk.createCheckout(a.id, `k-${step}`, packId);
        const charge = (await provider.charge(co.id))!;
        const body = provider.event(
          charge,
          op === 'pack' ? 'payment.succeeded' : 'payment.failed',
          'declined',
        );
        // The provider's own side of the charge, as its page would have left it.
        await sql.run(
          'UPDATE test_provider_charges SET state = ? WHERE ref = ?',
          op === 'pack' ? 'succeeded' : 'declined',
          charge.ref,
        );
        await desk.handleWebhook('test', body, { 'megadisc-signature': provider.sign(body) });
        // Every other success is delivered twice: the replay must credit nothing.
        if (step % 2 === 0)
          await desk.handleWebhook('test', body, { 'megadisc-signature': provider.sign(body) });
        if (op === 'pack')
          a.lots.push({
            bytes: co.bytes,
            money: co.amount.micros,
            consumed: 0,
            refunded: false,
            paymentId: co.id,
          });
      } else if (op === 'voucher') {
        const bytes = 1 + Math.floor(random() * 2_000_000);
        const sold = random() < 0.5;
        const price = sold ? Math.floor(random() * 50_000) : 0;
        const code = await vouchers.create(bytes, `V-${step}`, sold ? { priceMicros: price } : undefined);
        await vouchers.redeem(a.id, code);
        a.lots.push({ bytes, money: price, consumed: 0, refunded: false });
      } else if (op === 'reserve' && available > 0) {
        const hold = 1 + Math.floor(random() * Math.min(available, 5_000_000));
        await sql.tx((q) =>
          ledger.apply(q, { accountId: a.id, kind: 'reserve', amountBytes: 0, reservedDeltaBytes: hold }),
        );
        a.reserved += hold;
        a.holds.push(hold);
      } else if (op === 'settle' && a.holds.length > 0) {
        const i = Math.floor(random() * a.holds.length);
        const hold = a.holds[i]!;
        const bytes = 1 + Math.floor(random() * hold);
        await sql.tx((q) =>
          ledger.apply(q, {
            accountId: a.id,
            kind: 'settle',
            amountBytes: -bytes,
            reservedDeltaBytes: -bytes,
          }),
        );
        a.holds[i] = hold - bytes;
        if (a.holds[i] === 0) a.holds.splice(i, 1);
        a.reserved -= bytes;
        let left = bytes;
        for (const lot of a.lots) {
          if (left === 0) break;
          if (lot.refunded) continue;
          const take = Math.min(left, lot.bytes - lot.consumed);
          lot.consumed += take;
          left -= take;
        }
        expect(left).toBe(0);
      } else if (op === 'release' && a.holds.length > 0) {
        const hold = a.holds.pop()!;
        await sql.tx((q) =>
          ledger.apply(q, { accountId: a.id, kind: 'release', amountBytes: 0, reservedDeltaBytes: -hold }),
        );
        a.reserved -= hold;
      } else if (op === 'refund') {
        const paid = a.lots.filter((l) => l.paymentId && !l.refunded);
        if (paid.length === 0) continue;
        const lot = pick(paid);
        const allowed = lot.consumed === 0 && balanceOf(a) - a.reserved >= lot.bytes;
        const result = await desk.refund(lot.paymentId!).then(
          () => 'ok',
          (error: { code: string }) => error.code,
        );
        if (allowed) {
          expect(result).toBe('ok');
          lot.refunded = true;
        } else {
          expect(['NOT_REFUNDABLE', 'REFUND_EXCEEDS_BALANCE']).toContain(result);
          refundsRefused++;
        }
      }

      if (step % 25 === 0 || step === 2999) {
        const check = await checkLedger(sql);
        expect(check.problems, `after step ${step}`).toEqual([]);
        for (const m of accounts) {
          const row = await sql.get<{ balance_bytes: number; reserved_bytes: number }>(
            'SELECT balance_bytes, reserved_bytes FROM accounts WHERE id = ?',
            m.id,
          );
          expect(row).toEqual({ balance_bytes: balanceOf(m), reserved_bytes: m.reserved });
        }
        // Revenue recognised, computed by the model from first principles, matches the books exactly.
        const lots = accounts.flatMap((m) => m.lots);
        const recognised = lots.reduce((s, l) => s + lotValue(l, l.consumed), 0);
        const received = lots.reduce((s, l) => s + l.money, 0);
        const refunded = lots.reduce((s, l) => s + (l.refunded ? l.money : 0), 0);
        expect(check.totals).toEqual({
          receivedMicros: received,
          recognisedMicros: recognised,
          deferredMicros: received - recognised - refunded,
          refundedMicros: refunded,
        });
      }
    }
    // The run exercised every kind of step, refusals included.
    for (const op of ['pack', 'voucher', 'reserve', 'settle', 'release', 'refund', 'decline'])
      expect(counts[op]).toBeGreaterThan(100);
    expect(refundsRefused).toBeGreaterThan(0);
    await sql.close();
  });
});
