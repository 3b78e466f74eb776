// Buying megabytes in the real app: the Account screen's pack table, the test provider's page in a
// new tab, and the balance rising by exactly the pack once the store's webhook lands.
import { expect, it } from 'vitest';
import { translator } from '../../i18n/index.ts';
import { TEST_CARDS } from '../../server/payments/test-provider/test-provider.ts';
import { describeE2e } from './e2e-fixture.ts';

const en = translator('en');

describeE2e('buying a pack in web mode (Chromium)', (app) => {
  it('buys 500 MB through the test provider and sees the balance rise by exactly 500 MB', async () => {
    const { page, service } = app;
    const before = await service.api['account.balance']({});

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    const packs = page.getByRole('table', { name: 'Top-up packs at your price' });
    await packs.waitFor();
    await packs
      .getByRole('row', { name: /500 MB/ })
      .getByText('$5.00')
      .first()
      .waitFor();
    await page.getByText(/Spend \$25\.00 more for 5% off/).waitFor();
    await app.capture('20-account-packs');

    const popup = page.context().waitForEvent('page');
    await packs.getByRole('button', { name: 'Buy 500 MB for $5.00' }).click();
    const provider = await popup;
    await page.getByText(/Waiting for payment/).waitFor();
    await app.capture('21-account-waiting');

    await provider.getByLabel('Card number').waitFor();
    await app.capture('22-provider-page', provider);
    await provider.getByLabel('Card number').fill(TEST_CARDS.succeeds);
    await provider.getByRole('button', { name: /^Pay/ }).click();
    await provider.getByRole('heading', { name: 'Payment complete' }).waitFor();
    await app.capture('22-provider-paid', provider);
    await provider.close();

    await page.getByText('500 MB added to your balance.').waitFor({ timeout: 30_000 });
    const after = await service.api['account.balance']({});
    expect(after.balanceBytes - before.balanceBytes).toBe(500_000_000);
    await page.getByTestId('balance-available').getByText(en.mb(after.availableBytes)).waitFor();
    // The ledger shows what was paid for the top-up.
    await page
      .getByText(/\$5\.00/)
      .first()
      .waitFor();
    await app.capture('23-account-paid');
    const { entries } = await service.api['account.ledger']({});
    expect(entries.at(-1)).toMatchObject({ kind: 'topup', amountBytes: 500_000_000 });

    expect(app.findings).toEqual([]);
  }, 180_000);
});
