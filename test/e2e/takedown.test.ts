// Takedowns in Chromium through web mode with the demo store: an owned album taken down is marked
// "No longer sold" in the library with its files untouched on disk; an album the listener does not
// own says "Not for sale" in the store, with no Buy button. Screenshots of each, axe on each.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { OperatorToken } from '../../server/accounts/operator-token.ts';
import { openSqliteDatabase } from '../../server/db/sqlite/sqlite-database.ts';
import { takeDown } from '../helpers/takedown-notices.ts';
import { describeE2e } from './e2e-fixture.ts';

describeE2e('takedowns in web mode (Chromium)', (app) => {
  it('marks an owned album no longer sold, leaves its files be, and sells neither', async () => {
    const { page, service, home } = app;
    const api = service.api;
    const storeUrl = service.demo!.url;
    const idOf = async (title: string) => (await api['store.search']({ q: title })).albums.items[0]!.id;
    const owned = await idOf('Static Psalms');
    const unowned = await idOf('Nuits Électriques');

    // Own one album (the purchase itself is the purchase flow's test).
    const filed = app.albumFiled('Static Psalms');
    await api['store.buy']({ albumId: owned, encoding: 'mp3-v2' });
    await filed;
    const libraryId = (await api['library.albums']({})).find((a) => a.title === 'Static Psalms')!.id;
    const root = (await api['settings.get']({})).libraryDir;
    const hashes = async () => {
      const album = await api['library.album']({ id: libraryId });
      return album.tracks
        .flatMap((t) => t.files)
        .map((f) => [
          f.path,
          createHash('sha256')
            .update(readFileSync(join(root, f.path)))
            .digest('hex'),
        ]);
    };
    const before = await hashes();
    expect(before.length).toBeGreaterThan(0);

    // The store's operator takes both down, as after an approved notice.
    const db = openSqliteDatabase(join(home, 'demo-store', 'store.db'));
    const operatorToken = await new OperatorToken(db).issue();
    await db.close();
    await takeDown(storeUrl, operatorToken, [{ type: 'album', id: owned }]);
    const notice = await takeDown(storeUrl, operatorToken, [{ type: 'album', id: unowned }]);

    // Library: the grid marks it (the library asks the store on the way in), then the album view.
    await page.goto(`${app.host.origin}/#/library/albums`);
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Static Psalms' }) });
    await card.getByText('No longer sold').waitFor();
    await app.capture('takedown-01-library-albums');
    await card.getByRole('link', { name: 'Static Psalms' }).click();
    const libraryNotice = page.getByRole('region', { name: 'No longer sold' });
    await libraryNotice.waitFor();
    await libraryNotice.getByText(/Your files stay in your library/).waitFor();
    await app.capture('takedown-02-library-album');

    // Store: the album nobody here owns is not for sale, with the reason and the notice.
    await page.goto(`${app.host.origin}/#/store/album/${unowned}`);
    const storeNotice = page.getByRole('region', { name: 'Not for sale' });
    await storeNotice.waitFor();
    await storeNotice.getByText(/Nuits Électriques.*no longer sold here/).waitFor();
    expect(
      await storeNotice.getByRole('link', { name: 'Read the takedown notice' }).getAttribute('href'),
    ).toBe(`${storeUrl}/v1/takedowns/${notice}`);
    expect(await page.getByRole('button', { name: /^Buy/ }).count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    await app.capture('takedown-03-store-not-for-sale');

    // The owned one's store page offers the listener's copy instead of a purchase.
    await page.goto(`${app.host.origin}/#/store/album/${owned}`);
    await page.getByRole('heading', { level: 1, name: 'Static Psalms' }).waitFor();
    await page.getByRole('button', { name: 'Download again' }).waitFor();
    expect(await page.getByRole('button', { name: /^Buy/ }).count()).toBe(0);
    await app.capture('takedown-04-store-owned-not-for-sale');

    // The notice holds up in the dark theme too.
    await api['settings.update']({ theme: 'dark' });
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Download again' }).waitFor();
    await app.capture('takedown-05-dark-store-owned');
    await page.goto(`${app.host.origin}/#/library/album/${libraryId}`);
    await page.getByRole('region', { name: 'No longer sold' }).waitFor();
    await app.capture('takedown-06-dark-library-album');

    // Nothing local was touched: same files, same bytes.
    expect(await hashes()).toEqual(before);
    expect(app.findings).toEqual([]);
  }, 180_000);
});
