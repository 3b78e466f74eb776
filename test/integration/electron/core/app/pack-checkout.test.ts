// Buying megabytes from the UI's point of view, against the embedded demo store and its test
// provider: the packs, a checkout, its page paid like a buyer would, the credit in the balance and
// the ledger, and the pay page the desktop shell may open only while the checkout waits.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppService } from '../../../../../electron/core/app/app-host.ts';
import { EventLog, seedDemoFromTemplate, startApp, tempHome } from '../../../../helpers/app-fixture.ts';
import { submitPayment, TEST_CARDS } from '../../../../helpers/payments.ts';

const home = tempHome();
let app: AppService;
let events: EventLog;

beforeAll(async () => {
  seedDemoFromTemplate(home);
  app = await startApp(home, { kind: 'auto' });
  events = new EventLog(app, ['balance']);
});
afterAll(async () => {
  events?.stop();
  await app?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('buying a pack through the app service', () => {
  it('lists the packs priced for the account', async () => {
    const table = await app.api['account.packs']({});
    expect(table.packs.map((p) => p.id)).toEqual(['100MB', '500MB', '2000MB', '5000MB']);
    const pack = table.packs.find((p) => p.id === '500MB')!;
    expect(pack.price.micros).toBeLessThan(pack.listPrice.micros);
    expect(table.loyalty.next).not.toBeNull();
  });

  it('pays a checkout on the provider page; the balance and the ledger follow', async () => {
    const before = await app.api['account.balance']({});
    const started = await app.api['account.checkout']({ packId: '500mb' });
    expect(started).toMatchObject({ state: 'pending', packId: '500MB', creditedBytes: 0 });
    const payUrl = started.payUrl!;
    expect(new URL(payUrl).hostname).toBe('127.0.0.1');
    expect(app.isPaymentPage(payUrl)).toBe(true);
    expect(app.isPaymentPage(new URL('/v1/account', payUrl).href)).toBe(false);
    expect((await app.api['account.checkoutStatus']({ id: started.id })).state).toBe('pending');

    const page = await submitPayment(payUrl, { card: TEST_CARDS.succeeds });
    expect(page.heading).toBe('Payment complete');
    const seen = events.all('balance').length;
    const paid = await app.api['account.checkoutStatus']({ id: started.id });
    expect(paid).toMatchObject({ state: 'paid', payUrl: null, creditedBytes: 500_000_000 });
    // The status call synced the mirror and said so.
    const announced = events.all('balance').slice(seen);
    expect(announced.at(-1)!.balance.balanceBytes).toBe(before.balanceBytes + 500_000_000);
    expect(app.isPaymentPage(payUrl)).toBe(false);

    const ledger = await app.api['account.ledger']({});
    expect(ledger.balance.mismatch).toBeNull();
    expect(ledger.entries.at(-1)).toMatchObject({
      kind: 'topup',
      amountBytes: 500_000_000,
      paymentId: started.id,
      paid: { micros: started.amount.micros },
    });
    const spend = await app.api['account.spend']({});
    expect(spend.paidCurrency).toBe('USD');
  });

  it('reports a declined payment and credits nothing', async () => {
    const before = await app.api['account.balance']({});
    const started = await app.api['account.checkout']({ packId: '100MB' });
    expect((await submitPayment(started.payUrl!, { card: TEST_CARDS.declines })).heading).toBe(
      'Payment declined',
    );
    const declined = await app.api['account.checkoutStatus']({ id: started.id });
    expect(declined).toMatchObject({
      state: 'declined',
      creditedBytes: 0,
      failure: expect.stringMatching(/declined/),
    });
    expect(app.isPaymentPage(started.payUrl!)).toBe(false);
    expect((await app.api['account.balance']({})).balanceBytes).toBe(before.balanceBytes);
  });

  it('starts a new checkout for every purchase', async () => {
    const one = await app.api['account.checkout']({ packId: '100MB' });
    const two = await app.api['account.checkout']({ packId: '100MB' });
    expect(two.id).not.toBe(one.id);
    expect(app.isPaymentPage(one.payUrl!)).toBe(true);
    expect(app.isPaymentPage(two.payUrl!)).toBe(true);
  });
});
