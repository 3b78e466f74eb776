// The main flow once in Russian: the browser prefers Russian and the language setting is "System",
// so the whole app speaks Russian from the first screen. Every view is saved as a screenshot,
// checked for text that does not fit its box (Russian words are long), and run through axe-core
// with <html lang="ru">. Then English is picked in Settings and applies at once.
import { expect, it } from 'vitest';
import { translator } from '../../i18n/index.ts';
import { type Clipped, clippedText } from '../helpers/chromium.ts';
import { describeE2e } from './e2e-fixture.ts';

const ru = translator('ru');
const en = translator('en');
const ALBUM = 'Тёплые сумерки';

describeE2e('the main flow in Russian (Chromium)', { locale: 'ru-RU' }, (app) => {
  const clipped: (Clipped & { view: string })[] = [];

  /** A screenshot, axe, the page language and a look for text that overflows its box. */
  async function look(name: string, lang = 'ru') {
    await app.capture(name);
    expect(await app.page.locator('html').getAttribute('lang')).toBe(lang);
    clipped.push(...(await clippedText(app.page)).map((c) => ({ view: name, ...c })));
  }

  it('buys and files an album with every screen in Russian', async () => {
    const { page, service } = app;
    expect((await service.api['settings.get']({})).language).toBe('system');
    const nav = page.getByRole('navigation', { name: ru.t('shell.nav.label') });
    const before = await service.api['account.balance']({});

    await page.getByRole('heading', { name: ru.t('store.home.newReleases') }).waitFor();
    await page.getByTestId('balance-available').getByText(ru.mb(before.availableBytes)).waitFor();
    await look('ru-01-store-home');

    // Typed in Latin letters, found in Cyrillic: the store matches across scripts.
    await page.getByLabel(ru.t('shell.search.label')).fill('teplye');
    await page
      .getByRole('heading', { level: 1, name: ru.t('store.search.titleFor', { query: 'teplye' }) })
      .waitFor();
    // The album among the search results (the home page behind it lists it too).
    const result = page
      .getByRole('list', { name: ru.t('store.search.albumsFound') })
      .getByRole('link', { name: new RegExp(ALBUM) });
    await result.waitFor();
    await look('ru-02-store-search');

    await result.click();
    await page.getByRole('heading', { level: 1, name: ALBUM }).waitFor();
    const opus = page.getByRole('radio', { name: /Opus/ });
    await opus.waitFor();
    await opus.check();
    await page.getByRole('button', { name: ru.t('store.purchase.buyAlbum') }).waitFor();
    await look('ru-03-store-album');

    await page.getByRole('button', { name: ru.t('store.purchase.buyAlbum') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await look('ru-04-buy-dialog');
    const filed = app.albumFiled(ALBUM);
    await dialog.getByRole('button', { name: ru.t('store.buy.confirm') }).click();
    await nav.getByRole('link', { name: ru.t('shell.nav.downloads') }).click();
    await page.getByRole('heading', { level: 1, name: ru.t('downloads.title') }).waitFor();
    await page.getByRole('heading', { level: 3, name: new RegExp(ALBUM) }).waitFor();
    await look('ru-05-downloads');

    await filed;
    const queue = await service.api['downloads.list']({});
    const group = queue.groups.find((g) => g.albumTitle === ALBUM)!;
    const total = group.jobs.length;
    await page
      .getByTestId('group-summary')
      .getByText(ru.t('downloads.summary.done', { done: total, total }))
      .first()
      .waitFor();
    await look('ru-06-downloads-done');

    const after = await service.api['account.balance']({});
    expect(after.reservedBytes).toBe(0);
    // The balance in Russian: megabytes as «МБ» with a decimal comma.
    const shown = ru.mb(after.availableBytes);
    expect(shown).toMatch(/^\d[\d\u00a0\u202f ]*,\d МБ$/);
    await page.getByTestId('balance-available').getByText(shown).waitFor();

    await nav.getByRole('link', { name: ru.t('shell.nav.library') }).click();
    const card = page.getByRole('link', { name: new RegExp(ALBUM) }).first();
    await card.waitFor();
    await look('ru-07-library-albums');
    await card.click();
    await page.getByRole('heading', { level: 1, name: ALBUM }).waitFor();
    // A Russian plural of the album's track count, as the catalog spells it.
    await page
      .getByText(ru.t('common.count.tracks', { count: total }), { exact: false })
      .first()
      .waitFor();
    await look('ru-08-library-album');

    await nav.getByRole('link', { name: ru.t('shell.nav.library') }).click();
    await page.getByRole('link', { name: ru.t('library.tab.tracks') }).click();
    await page.getByRole('list', { name: ru.t('library.tracks.list') }).waitFor();
    await look('ru-09-library-tracks');

    await nav.getByRole('link', { name: ru.t('shell.nav.account') }).click();
    await page.getByRole('heading', { level: 1, name: ru.t('account.title') }).waitFor();
    await page.getByText(ru.t('account.ledger.kind.settle')).first().waitFor();
    await look('ru-10-account');

    await nav.getByRole('link', { name: ru.t('shell.nav.settings') }).click();
    await page.getByRole('heading', { level: 1, name: ru.t('settings.title') }).waitFor();
    await look('ru-11-settings');

    // English, picked in Settings, applies at once: no reload, the same page.
    const marker = await page.evaluate(() => {
      (globalThis as unknown as { stillHere: boolean }).stillHere = true;
      return true;
    });
    expect(marker).toBe(true);
    await page.getByLabel(ru.t('settings.language')).selectOption('en');
    await page.getByRole('heading', { level: 1, name: en.t('settings.title') }).waitFor();
    await page
      .getByRole('navigation', { name: en.t('shell.nav.label') })
      .getByRole('link', { name: en.t('shell.nav.library') })
      .waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(
      true,
    );
    await expect.poll(async () => (await service.api['settings.get']({})).language).toBe('en');
    await look('ru-12-switched-to-english', 'en');

    expect(clipped).toEqual([]);
    expect(app.findings).toEqual([]);
  }, 180_000);
});
