// Packs bought through the built-in test provider against the real store on loopback: checkouts,
// signed webhooks, declines, expiry, idempotency, refunds, and the money value of settled bytes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyPack, checkout, submitPayment, TEST_CARDS } from '../../../helpers/payments.ts';
import { StoreApi } from '../../../helpers/store-api.ts';
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts';

let server: TestServer;
let operator: StoreApi;
/** The store's clock: tests move it forward to expire checkouts and age webhooks. */
let clock = Date.parse('2026-03-01T12:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ now: () => clock, checkoutTtlMs: 15 * 60_000 });
  operator = new StoreApi(server.url, await server.store.operatorToken.issue());
});
afterAll(() => server?.dispose());

const register = () => new StoreApi(server.url).register();

const balance = async (api: StoreApi) => (await api.get('/v1/account')).body.balanceBytes as number;
const lotsOf = (paymentId: string) =>
  server.store.sql.all<any>('SELECT * FROM lots WHERE payment_id = ?', paymentId);

/** Posts a webhook body with a signature header, as the provider (or an attacker) would. */
function postWebhook(body: string, signature: string | null) {
  return new StoreApi(server.url).request('POST', '/v1/payments/webhooks/test', {
    rawBody: body,
    headers: {
      'content-type': 'application/json',
      ...(signature === null ? {} : { 'megadisc-signature': signature }),
    },
  });
}

describe('packs', () => {
  it('lists the pack table with list price, volume discount and price per MB, integers only', async () => {
    const res = await new StoreApi(server.url).get('/v1/packs');
    expect(res.status).toBe(200);
    expect(res.body.currency).toBe('USD');
    expect(res.body.perMb).toMatchObject({ micros: 20_000, display: '$0.02' });
    const byId = Object.fromEntries(res.body.packs.map((p: any) => [p.id, p]));
    expect(Object.keys(byId)).toEqual(['100MB', '500MB', '2000MB', '5000MB']);
    expect(byId['500MB']).toMatchObject({
      megabytes: 500,
      bytes: 500_000_000,
      listPrice: { micros: 10_000_000 },
      price: { micros: 5_000_000, display: '$5.00' },
      pricePerMb: { micros: 10_000 },
      saving: { micros: 5_000_000 },
      discounts: [{ kind: 'volume', basisPoints: 5000, amount: { micros: 5_000_000 } }],
    });
    expect(byId['100MB'].discounts).toEqual([]);
    expect(byId['2000MB'].pricePerMb).toMatchObject({ micros: 9_000, display: '$0.009' });
    expect(res.body.loyalty).toMatchObject({
      basisPoints: 0,
      next: { basisPoints: 500, spendMore: { micros: 25_000_000 } },
    });
  });

  it('buys each pack through the test provider; the loyalty tier applies once it is earned', async () => {
    const buyer = await register();
    const prices: number[] = [];
    for (const id of ['100MB', '500MB', '2000MB', '5000MB']) {
      const before = await balance(buyer);
      const paid = await buyPack(buyer, id);
      expect(paid).toMatchObject({ state: 'paid', packId: id, payUrl: null });
      expect(paid.creditedBytes).toBe(paid.bytes);
      expect(await balance(buyer)).toBe(before + paid.bytes);
      prices.push(paid.amount.micros);
    }
    // $2 + $5 + $18 = $25 reaches the 5% tier: the 5,000 MB pack costs $40 less 5% = $38.00.
    expect(prices).toEqual([2_000_000, 5_000_000, 18_000_000, 38_000_000]);
    const table = (await buyer.get('/v1/packs')).body;
    expect(table.loyalty).toMatchObject({ lifetimeSpent: { micros: 63_000_000 }, basisPoints: 1000 });
    expect(table.loyalty.next).toMatchObject({ basisPoints: 1500, spendMore: { micros: 37_000_000 } });
    const ledger = (await buyer.get('/v1/account/ledger')).body.items;
    expect(ledger.map((e: any) => [e.kind, e.amountBytes, e.paid?.micros])).toEqual([
      ['topup', 100_000_000, 2_000_000],
      ['topup', 500_000_000, 5_000_000],
      ['topup', 2_000_000_000, 18_000_000],
      ['topup', 5_000_000_000, 38_000_000],
    ]);
  });

  it('declines the decline card: no credit, no lot, a reason for the buyer', async () => {
    const buyer = await register();
    const created = await checkout(buyer, '500MB');
    const page = await submitPayment(created.body.payUrl, { card: TEST_CARDS.declines });
    expect(page.heading).toBe('Payment declined');
    const after = (await buyer.get(`/v1/checkouts/${created.body.id}`)).body;
    expect(after).toMatchObject({ state: 'declined', creditedBytes: 0, failure: 'The card was declined.' });
    expect(await balance(buyer)).toBe(0);
    expect(await lotsOf(created.body.id)).toEqual([]);
    // The page cannot be paid again once declined.
    expect((await submitPayment(created.body.payUrl, { card: TEST_CARDS.succeeds })).heading).toMatch(
      /declined/,
    );
    expect(await balance(buyer)).toBe(0);
  });

  it('asks for the 3-D Secure step; completing it pays, failing it declines', async () => {
    const buyer = await register();
    const first = await checkout(buyer, '100MB');
    expect((await submitPayment(first.body.payUrl, { card: TEST_CARDS.needsAuthentication })).heading).toBe(
      'Confirm it is you',
    );
    expect((await buyer.get(`/v1/checkouts/${first.body.id}`)).body.state).toBe('pending');
    expect((await submitPayment(first.body.payUrl, { action: 'complete' })).heading).toBe('Payment complete');
    expect(await balance(buyer)).toBe(100_000_000);
    const second = await checkout(buyer, '100MB');
    await submitPayment(second.body.payUrl, { card: TEST_CARDS.needsAuthentication });
    expect((await submitPayment(second.body.payUrl, { action: 'fail' })).heading).toBe('Payment declined');
    expect((await buyer.get(`/v1/checkouts/${second.body.id}`)).body.state).toBe('declined');
    expect(await balance(buyer)).toBe(100_000_000);
  });

  it('refuses an invalid card number on the page and keeps the checkout pending', async () => {
    const buyer = await register();
    const created = await checkout(buyer, '100MB');
    const page = await submitPayment(created.body.payUrl, { card: '1234 5678 9012 3456' });
    expect(page.status).toBe(400);
    expect(page.html).toContain('not valid');
    expect((await buyer.get(`/v1/checkouts/${created.body.id}`)).body.state).toBe('pending');
  });

  it('expires an abandoned checkout: no credit, and its page can no longer be paid', async () => {
    const buyer = await register();
    const created = await checkout(buyer, '500MB');
    clock += 15 * 60_000 + 1;
    try {
      const after = (await buyer.get(`/v1/checkouts/${created.body.id}`)).body;
      expect(after).toMatchObject({ state: 'expired', payUrl: null, creditedBytes: 0 });
      expect(after.failure).toMatch(/expired/);
      expect((await submitPayment(created.body.payUrl, { card: TEST_CARDS.succeeds })).heading).toMatch(
        /expired/,
      );
      expect(await balance(buyer)).toBe(0);
      expect(await lotsOf(created.body.id)).toEqual([]);
    } finally {
      clock -= 15 * 60_000 + 1;
    }
  });

  it('gives one payment for two checkouts with the same Idempotency-Key, and refuses the key for another pack', async () => {
    const buyer = await register();
    const key = `same-${randomUUID()}`;
    const results = await Promise.all([checkout(buyer, '500MB', key), checkout(buyer, '500MB', key)]);
    const ok = results.filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (r.status !== 201) expect(r.body.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    const again = await checkout(buyer, '500MB', key);
    expect(again.status).toBe(201);
    expect(new Set([...ok, again].map((r) => r.body.id)).size).toBe(1);
    const rows = (await server.store.sql.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM payments WHERE idempotency_key = ?',
      key,
    ))!;
    expect(rows.n).toBe(1);
    const other = await checkout(buyer, '100MB', key);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await checkout(buyer, '500MB', null)).body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect((await checkout(buyer, '123MB')).status).toBe(404);
  });

  it("never shows one account's checkout to another", async () => {
    const alice = await register();
    const bob = await register();
    const created = await checkout(alice, '100MB');
    expect((await bob.get(`/v1/checkouts/${created.body.id}`)).status).toBe(404);
    expect((await new StoreApi(server.url).get(`/v1/checkouts/${created.body.id}`)).status).toBe(401);
  });
});

describe('webhooks', () => {
  async function pendingCheckout() {
    const buyer = await register();
    const created = await checkout(buyer, '100MB');
    const charge = (await server.store.testProvider.charge(created.body.id))!;
    return { buyer, created, charge };
  }

  it('credits nothing for an unsigned, tampered, wrongly signed or stale webhook, and logs each', async () => {
    const { buyer, created, charge } = await pendingCheckout();
    const provider = server.store.testProvider;
    const body = provider.event(charge, 'payment.succeeded');
    const rejectionsBefore = (await server.store.sql.get<any>('SELECT COUNT(*) AS n FROM webhook_rejections'))
      .n;
    const tampered = body.replace(
      `"amount_micros":${charge.amount_micros}`,
      `"amount_micros":${charge.amount_micros}0`,
    );
    const now = Math.floor(clock / 1000);
    const attempts = [
      await postWebhook(body, null),
      await postWebhook(tampered, provider.sign(body)),
      await postWebhook(body, `t=${now},v1=${'0'.repeat(64)}`),
      await postWebhook(body, provider.sign(body, now - 301)),
      await postWebhook(body, provider.sign(body, now + 301)),
      await postWebhook(body, 'garbage'),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    }
    const rejectionsAfter = (await server.store.sql.get<any>('SELECT COUNT(*) AS n FROM webhook_rejections'))
      .n;
    expect(rejectionsAfter - rejectionsBefore).toBe(attempts.length);
    expect((await buyer.get(`/v1/checkouts/${created.body.id}`)).body.state).toBe('pending');
    expect(await balance(buyer)).toBe(0);
    // Within the tolerance, and with a second (rotated-out) signature beside the good one, it credits.
    const good = `${provider.sign(body, now - 299)},v1=${'f'.repeat(64)}`;
    expect((await postWebhook(body, good)).body).toEqual({ received: true, duplicate: false });
    expect(await balance(buyer)).toBe(100_000_000);
  });

  it('answers a replayed event 200 and credits it once; a second success event for a paid checkout credits nothing', async () => {
    const { buyer, charge } = await pendingCheckout();
    const provider = server.store.testProvider;
    const body = provider.event(charge, 'payment.succeeded');
    const first = await postWebhook(body, provider.sign(body));
    const replay = await postWebhook(body, provider.sign(body));
    expect(first.body).toEqual({ received: true, duplicate: false });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ received: true, duplicate: true });
    const other = provider.event(charge, 'payment.succeeded');
    expect((await postWebhook(other, provider.sign(other))).status).toBe(200);
    expect(await balance(buyer)).toBe(100_000_000);
    const topups = (await buyer.get('/v1/account/ledger')).body.items.filter((e: any) => e.kind === 'topup');
    expect(topups).toHaveLength(1);
  });

  it('refuses a signed webhook for an unknown payment or a different amount', async () => {
    const { buyer, charge } = await pendingCheckout();
    const provider = server.store.testProvider;
    const unknown = provider.event(
      { ...charge, payment_id: 'pay_000000000000000000000000' },
      'payment.succeeded',
    );
    const res = await postWebhook(unknown, provider.sign(unknown));
    expect(res.status).toBe(404);
    const cheaper = provider.event({ ...charge, amount_micros: 1_000_000 }, 'payment.succeeded');
    expect((await postWebhook(cheaper, provider.sign(cheaper))).status).toBe(400);
    expect(await balance(buyer)).toBe(0);
  });
});

describe('refunds', () => {
  it('refunds an unspent pack: the ledger shows the reversal and the megabytes leave the balance', async () => {
    const buyer = await register();
    const kept = await buyPack(buyer, '100MB');
    const refunded = await buyPack(buyer, '500MB');
    const res = await operator.post(`/v1/operator/payments/${refunded.id}/refund`, {
      reason: 'asked by buyer',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      refundedBytes: 500_000_000,
      amount: { micros: 5_000_000 },
      balanceAfterBytes: 100_000_000,
    });
    expect(await balance(buyer)).toBe(100_000_000);
    expect((await buyer.get(`/v1/checkouts/${refunded.id}`)).body.state).toBe('refunded');
    const last = (await buyer.get('/v1/account/ledger')).body.items.at(-1);
    expect(last).toMatchObject({
      kind: 'refund',
      amountBytes: -500_000_000,
      paymentId: refunded.id,
      paid: { micros: 5_000_000 },
    });
    const again = await operator.post(`/v1/operator/payments/${refunded.id}/refund`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('NOT_REFUNDABLE');
    expect((await server.store.testProvider.charge(refunded.id))?.state).toBe('refunded');
    expect((await server.store.testProvider.charge(kept.id))?.state).toBe('succeeded');
  });

  it('is for the operator only', async () => {
    const buyer = await register();
    const paid = await buyPack(buyer, '100MB');
    expect((await buyer.post(`/v1/operator/payments/${paid.id}/refund`, {})).status).toBe(401);
    expect((await new StoreApi(server.url).post(`/v1/operator/payments/${paid.id}/refund`, {})).status).toBe(
      401,
    );
    expect((await buyer.get('/v1/operator/ledger-check')).status).toBe(401);
    expect(await balance(buyer)).toBe(100_000_000);
  });

  it('refuses a refund that would take the available balance below zero, and one of a spent pack', async () => {
    const buyer = await register();
    const paid = await buyPack(buyer, '100MB');
    const accountId = (await buyer.get('/v1/account')).body.id;
    const { sql, ledger } = server.store;
    // An order in progress holds 60 MB of the 100 MB.
    await sql.tx((q) =>
      ledger.apply(q, { accountId, kind: 'reserve', amountBytes: 0, reservedDeltaBytes: 60_000_000 }),
    );
    const held = await operator.post(`/v1/operator/payments/${paid.id}/refund`, {});
    expect(held.status).toBe(409);
    expect(held.body.error.code).toBe('REFUND_EXCEEDS_BALANCE');
    // It settles 1 byte: now the pack is partly spent.
    await sql.tx(async (q) => {
      await ledger.apply(q, { accountId, kind: 'settle', amountBytes: -1, reservedDeltaBytes: -1 });
      await ledger.apply(q, { accountId, kind: 'release', amountBytes: 0, reservedDeltaBytes: -59_999_999 });
    });
    const spent = await operator.post(`/v1/operator/payments/${paid.id}/refund`, {});
    expect(spent.status).toBe(409);
    expect(spent.body.error.code).toBe('NOT_REFUNDABLE');
    expect(await balance(buyer)).toBe(99_999_999);
  });
});

describe('the money value of settled megabytes', () => {
  it('values a settle that spans two lots of different prices exactly, and the books add up', async () => {
    const buyer = await register();
    // Lot 1: a sold voucher, 50,000 bytes for $0.0025 (0.05 micros a byte).
    const code = await server.store.vouchers.create(50_000, undefined, { priceMicros: 2_500 });
    const redeemed = await buyer.post('/v1/account/vouchers', { code });
    expect(redeemed.body).toMatchObject({ kind: 'sold', entry: { paid: { micros: 2_500 } } });
    // Lot 2: 100 MB for $2.00 (0.02 micros a byte).
    await buyPack(buyer, '100MB');
    const albums = (await buyer.get('/v1/albums?limit=100&sort=title')).body.items;
    const album = (await buyer.get(`/v1/albums/${albums[0].id}`)).body;
    const track = album.discs[0].tracks[0];
    const created = await buyer.post(
      '/v1/orders',
      { albumId: album.id, trackIds: [track.id], encoding: 'flac' },
      { 'idempotency-key': `o-${randomUUID()}` },
    );
    expect(created.status).toBe(201);
    const done = await buyer.waitForOrder(created.body.id);
    const charged = done.items[0].chargedBytes as number;
    expect(charged).toBeGreaterThan(50_000);
    const settle = (await buyer.get('/v1/account/ledger')).body.items.find((e: any) => e.kind === 'settle');
    const moves = await server.store.sql.all<{ bytes: number; micros: number }>(
      'SELECT bytes, micros FROM lot_moves WHERE ledger_id = ? ORDER BY id',
      settle.id,
    );
    const rest = charged - 50_000;
    expect(moves).toEqual([
      { bytes: 50_000, micros: 2_500 },
      { bytes: rest, micros: Math.floor((2_000_000 * rest) / 100_000_000) },
    ]);
    const check = await operator.get('/v1/operator/ledger-check');
    expect(check.body.problems).toEqual([]);
    expect(check.body.ok).toBe(true);
    const t = check.body.totals;
    expect(t.receivedMicros).toBe(t.recognisedMicros + t.deferredMicros + t.refundedMicros);
  });

  it('reports revenue recognised per day, deferred revenue, packs sold and discounts, in JSON and CSV', async () => {
    const json = await operator.get('/v1/operator/reports/revenue?group=month');
    expect(json.status).toBe(200);
    const r = json.body;
    expect(r.recognised.length).toBeGreaterThan(0);
    expect(r.recognised.every((p: any) => /^\d{4}-\d{2}$/.test(p.period))).toBe(true);
    const recognised = r.recognised.reduce((s: number, p: any) => s + p.micros, 0);
    expect(r.received.micros).toBe(recognised + r.deferred.micros + r.received.refundedMicros);
    expect(r.packs.find((p: any) => p.packId === '500MB').refunded).toBeGreaterThanOrEqual(1);
    expect(r.discounts.volumeMicros).toBeGreaterThan(0);
    expect(r.discounts.loyaltyMicros).toBe(2_000_000);
    const csv = await operator.get('/v1/operator/reports/revenue?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = csv.body.toString();
    expect(text.split('\n')[0]).toBe('section,key,bytes,count,micros,amount');
    expect(text).toContain(`deferred,,${r.deferred.bytes},,${r.deferred.micros},`);
  });
});
