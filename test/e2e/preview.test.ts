// Previews in Chromium through web mode with the demo store: an album page's preview button plays the
// store's clip through the app's proxy (the audio's time advances), one at a time. Screenshot, axe.
import { expect, it } from 'vitest';
import { describeE2e } from './e2e-fixture.ts';

describeE2e('previews in web mode (Chromium)', (app) => {
  it('plays a preview from the album page, and the audio time advances', async () => {
    const { page, service } = app;
    const album = (await service.api['store.search']({ q: 'Static Psalms' })).albums.items[0]!;
    const detail = await service.api['store.album']({ id: album.id });
    const [first, second] = detail.album!.discs[0]!.tracks;
    await page.goto(`${app.host.origin}/#/store/album/${album.id}`);
    const play = page.getByRole('button', { name: `Play a preview of “${first!.title}”` });
    await play.click();
    const playing = page.getByRole('button', { name: `Pause the preview of “${first!.title}”` });
    await playing.waitFor();
    expect(await playing.getAttribute('aria-pressed')).toBe('true');
    const src = `/previews/${first!.id}`;
    // The audio element's own clock, read in the page (this file compiles without the DOM's types).
    const audio = page.locator('audio[data-preview-player]');
    expect(await audio.getAttribute('src')).toBe(src);
    await expect
      .poll(() => audio.evaluate((el) => (el as unknown as { currentTime: number }).currentTime), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0.5);
    const earlier = await audio.evaluate((el) => (el as unknown as { currentTime: number }).currentTime);
    await expect
      .poll(() => audio.evaluate((el) => (el as unknown as { currentTime: number }).currentTime))
      .toBeGreaterThan(earlier);
    // Let the ring move a little before the picture.
    await page.waitForTimeout(500);
    await app.capture('preview-01-album-playing');

    // Another track's button stops the first.
    await page.getByRole('button', { name: `Play a preview of “${second!.title}”` }).click();
    await page.getByRole('button', { name: `Pause the preview of “${second!.title}”` }).waitFor();
    expect(await page.getByRole('button', { pressed: true }).count()).toBe(1);
    expect(app.findings).toEqual([]);
  }, 90_000);
});
