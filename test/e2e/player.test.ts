// The library player in Chromium through web mode: buy an album in the store's UI, open it in the
// library, play a track (the audio element's time must advance), browse away with the bar staying,
// and a WMA file saying it needs the system player. Screenshots in light and dark; axe-core clean.
import { expect, it } from 'vitest';
import { describeE2e } from './e2e-fixture.ts';

const ALBUM = 'Static Psalms';
/** The audio element's fields read here (this project's Node types have no DOM). */
type AudioLike = { currentTime: number; duration: number; currentSrc: string; error: unknown };

describeE2e('library player in web mode (Chromium)', (app) => {
  it('plays a bought track, keeps playing while browsing, and offers the system player for WMA', async () => {
    const { page, service } = app;
    const { api } = service;
    const nav = page.getByRole('navigation', { name: 'Sections' });
    const albumId = (await api['store.search']({ q: ALBUM })).albums.items[0]!.id;
    const firstFiled = app.albumFiled(ALBUM);

    // Buy it in the store's UI.
    await page.goto(`${app.host.origin}/#/store/album/${albumId}`);
    await page.getByRole('heading', { level: 1, name: ALBUM }).waitFor();
    await page.getByRole('radio', { name: /MP3 V2/ }).check();
    await page.getByRole('button', { name: /^Buy/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm purchase' }).click();
    await page.getByText(/It is downloading now/).waitFor();
    await firstFiled;

    // One track again in WMA, which Chromium cannot decode (bought through the API: the store UI's
    // purchase is the test above).
    const album = await api['store.album']({ id: albumId });
    const secondFiled = app.albumFiled(ALBUM);
    await api['store.buy']({
      albumId,
      encoding: 'wma-192',
      trackIds: [album.album!.discs[0]!.tracks[0]!.id],
    });
    await secondFiled;

    await nav.getByRole('link', { name: 'Library' }).click();
    await page
      .getByRole('link', { name: new RegExp(ALBUM) })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: ALBUM }).waitFor();

    await page.getByRole('button', { name: 'Play album' }).click();
    const bar = page.getByRole('region', { name: 'Player' });
    await bar.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    const audio = page.getByTestId('player-audio');
    // The MP3 plays (not the WMA of the same track): its time advances.
    expect(await audio.evaluate((el) => (el as unknown as AudioLike).currentSrc)).toMatch(
      /\/library\/files\/\d+$/,
    );
    const t0 = await audio.evaluate((el) => (el as unknown as AudioLike).currentTime);
    await expect
      .poll(async () => audio.evaluate((el) => (el as unknown as AudioLike).currentTime), { timeout: 15_000 })
      .toBeGreaterThan(t0 + 0.5);
    expect(await audio.evaluate((el) => (el as unknown as AudioLike).error)).toBeNull();
    await app.capture('player-01-library-album-playing');

    // Seeking by keyboard on the slider moves the audio (the demo's tracks last a few seconds).
    await page
      .getByRole('button', { name: /^Play .*\(MP3 V2\)$/ })
      .nth(1)
      .click();
    await bar.getByRole('button', { name: 'Pause', exact: true }).click();
    const seek = bar.getByRole('slider', { name: 'Position in the track' });
    await expect.poll(async () => seek.isEnabled()).toBe(true);
    const before = await audio.evaluate((el) => (el as unknown as AudioLike).currentTime);
    expect(before).toBeLessThan(1);
    await seek.focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () => audio.evaluate((el) => (el as unknown as AudioLike).currentTime))
      .toBeGreaterThanOrEqual(1);
    expect(await seek.getAttribute('aria-valuetext')).toMatch(/^0:01 of 0:0\d$/);
    await bar.getByRole('button', { name: 'Play', exact: true }).click();

    // The bar stays while browsing.
    await nav.getByRole('link', { name: 'Store' }).click();
    await page.getByRole('heading', { name: 'New releases' }).waitFor();
    await bar
      .getByRole('button', { name: /Pause|Play/ })
      .first()
      .waitFor();
    await app.capture('player-02-store-with-bar');

    // The WMA file: said clearly, with the system player offered.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: ALBUM }).waitFor();
    await page.getByRole('button', { name: /^Play .*\(WMA 192\)$/ }).click();
    const problem = bar.getByRole('alert');
    await problem.getByText('This app can’t play WMA files. Your system’s player can.').waitFor();
    await problem.getByRole('button', { name: 'Open in system player' }).waitFor();
    await app.capture('player-03-wma-unsupported');

    // Dark theme.
    await page
      .getByRole('button', { name: /^Play .*\(MP3 V2\)$/ })
      .first()
      .click();
    await bar.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await api['settings.update']({ theme: 'dark' });
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    await app.capture('player-04-dark-playing');
    await bar.getByRole('button', { name: 'Pause', exact: true }).click();
    await bar.getByRole('button', { name: 'Play', exact: true }).waitFor();

    expect(app.findings).toEqual([]);
  }, 240_000);
});
