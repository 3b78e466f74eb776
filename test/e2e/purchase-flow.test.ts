// The listener's path through the real app: search → album → encoding → buy → progress → library,
// with the balance reduced by exactly the settled bytes. Saves a screenshot of every view and runs
// axe-core on each.
import { expect, it } from 'vitest';
import { translator } from '../../i18n/index.ts';
import { describeE2e } from './e2e-fixture.ts';

const en = translator('en');

describeE2e('purchase flow in web mode (Chromium)', (app) => {
  it('buys an album and files it, charging exactly the settled bytes', async () => {
    const { page, service } = app;
    const nav = page.getByRole('navigation', { name: 'Sections' });
    const before = await service.api['account.balance']({});
    expect(before.reservedBytes).toBe(0);

    await page.getByRole('heading', { name: 'New releases' }).waitFor();
    await page.getByTestId('balance-available').getByText(en.mb(before.availableBytes)).waitFor();
    await app.capture('01-store-home');

    await page.getByLabel('Search the store').fill('Pixel');
    // The album among the search results (the home page behind it lists it too).
    const result = page
      .getByRole('list', { name: en.t('store.search.albumsFound') })
      .getByRole('link', { name: /Pixel Orchard/ });
    await result.waitFor();
    await app.capture('02-store-search');

    await result.click();
    await page.getByRole('heading', { level: 1, name: 'Pixel Orchard' }).waitFor();
    const v2 = page.getByRole('radio', { name: /MP3 V2/ });
    await v2.waitFor();
    await v2.check();
    await app.capture('03-store-album');

    await page.getByRole('button', { name: /^Buy/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await app.capture('04-buy-dialog');
    // Listen before buying: the album may be filed before the Downloads view is even open.
    const filed = app.albumFiled('Pixel Orchard');
    await dialog.getByRole('button', { name: 'Confirm purchase' }).click();
    await page.getByText(/It is downloading now/).waitFor();

    await nav.getByRole('link', { name: 'Downloads' }).click();
    await page.getByRole('heading', { level: 1, name: 'Downloads' }).waitFor();
    // The group shows whether it is still running or already done.
    await page.getByRole('heading', { level: 3, name: /Pixel Orchard/ }).waitFor();
    await app.capture('05-downloads');

    // The album reaches the library (the core's event, then the group's finished state on screen).
    await filed;
    await page
      .getByTestId('group-summary')
      .getByText(/^Done ·/)
      .first()
      .waitFor();
    await app.capture('06-downloads-done');

    const queue = await service.api['downloads.list']({});
    const group = queue.groups.find((g) => g.albumTitle === 'Pixel Orchard');
    expect(group?.encoding).toBe('mp3-v2');
    expect(group?.jobs.every((j) => j.state === 'done')).toBe(true);

    const { balance: after, entries } = await service.api['account.ledger']({});
    const orderIds = new Set(group!.jobs.map((j) => j.orderId));
    const settled = entries
      .filter((e) => e.kind === 'settle' && e.orderId && orderIds.has(e.orderId))
      .reduce((sum, e) => sum - e.amountBytes, 0);
    expect(settled).toBe(group!.bytesTotal);
    expect(after.balanceBytes).toBe(before.balanceBytes - settled);
    expect(after.reservedBytes).toBe(0);
    await page.getByTestId('balance-available').getByText(en.mb(after.availableBytes)).waitFor();

    await nav.getByRole('link', { name: 'Library' }).click();
    const card = page.getByRole('link', { name: /Pixel Orchard/ }).first();
    await card.waitFor();
    await app.capture('07-library-albums');
    await card.click();
    await page.getByRole('heading', { level: 1, name: 'Pixel Orchard' }).waitFor();
    await app.capture('08-library-album');

    await nav.getByRole('link', { name: 'Library' }).click();
    await page.getByRole('link', { name: 'Tracks' }).click();
    const tracks = page.getByRole('list', { name: /tracks/i }).first();
    await tracks.waitFor();
    // A two-disc album numbers its tracks disc-track on both discs.
    await tracks.getByText('1-1', { exact: true }).waitFor();
    await tracks.getByText('2-3', { exact: true }).waitFor();
    await app.capture('09-library-tracks');

    await nav.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await page
      .getByText(/Charged|Settle/i)
      .first()
      .waitFor();
    await app.capture('10-account');

    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await app.capture('11-settings');

    // The theme setting applies at once, and every view holds up in dark too.
    await page.getByRole('radio', { name: /^Dark/ }).check();
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    await expect.poll(async () => (await service.api['settings.get']({})).theme).toBe('dark');
    await app.capture('12-dark-settings');
    await nav.getByRole('link', { name: 'Library' }).click();
    await page
      .getByRole('link', { name: /Pixel Orchard/ })
      .first()
      .waitFor();
    await app.capture('13-dark-library');
    await nav.getByRole('link', { name: 'Downloads' }).click();
    await page.getByRole('heading', { level: 1, name: 'Downloads' }).waitFor();
    await app.capture('14-dark-downloads');
    await page.goto(`${app.host.origin}/#/store/album/${group!.albumId}`);
    await page.getByRole('radio', { name: /MP3 V2/ }).waitFor();
    await app.capture('15-dark-store-album');

    expect(app.findings).toEqual([]);
  }, 180_000);
});
