// Owned albums the store took down keep their place in the library, marked "No longer sold" in the
// grid and the album view, offline too; the files are never hidden.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeAppApi } from '../../fake/fake-app-api.ts';
import { notInTerritory, takenDown } from '../../fake/fake-availability.ts';
import { fileAlbum } from '../../file-album.ts';
import { callsOf, renderWithFake } from '../../render-with-fake.tsx';

const cardOf = (title: string) => screen.getByRole('link', { name: title }).closest('li')!;

describe('library: albums no longer sold', () => {
  it('marks a taken-down album in the grid with words, and leaves the others alone', async () => {
    const fake = new FakeAppApi();
    await fileAlbum(fake, 1, 'mp3-v0');
    await fileAlbum(fake, 2, 'flac');
    fake.setAvailability(2, takenDown());
    renderWithFake('#/library/albums', fake);

    await screen.findByRole('link', { name: 'Neon Cartography' });
    expect(within(cardOf('Neon Cartography')).getByText('No longer sold')).toBeTruthy();
    expect(within(cardOf('Low Tide Signals')).queryByText('No longer sold')).toBeNull();
    // The library asked the store once on the way in.
    expect(callsOf(fake, 'library.availability')).toHaveLength(1);
  });

  it('adds the mark when the store takes an album down while the grid is open', async () => {
    const fake = new FakeAppApi();
    await fileAlbum(fake, 1, 'mp3-v0');
    renderWithFake('#/library/albums', fake);
    await screen.findByRole('link', { name: 'Low Tide Signals' });
    expect(within(cardOf('Low Tide Signals')).queryByText('No longer sold')).toBeNull();
    act(() => fake.setAvailability(1, takenDown()));
    await waitFor(() => expect(within(cardOf('Low Tide Signals')).getByText('No longer sold')).toBeTruthy());
  });

  it('shows the last known mark offline, and asks again when the store is back', async () => {
    const fake = new FakeAppApi();
    await fileAlbum(fake, 3, 'flac');
    fake.setAvailability(3, takenDown());
    fake.state.online = false;
    renderWithFake('#/library/albums', fake);
    await screen.findByRole('link', { name: 'Pixel Orchard' });
    expect(within(cardOf('Pixel Orchard')).getByText('No longer sold')).toBeTruthy();
    expect(callsOf(fake, 'library.availability')).toHaveLength(1);
    act(() => fake.setOnline(true));
    await waitFor(() => expect(callsOf(fake, 'library.availability')).toHaveLength(2));
  });

  it('says in the album view why, whether re-downloads remain, and keeps every file listed', async () => {
    const fake = new FakeAppApi();
    await fileAlbum(fake, 1, 'mp3-v0');
    fake.setAvailability(
      1,
      takenDown('Taken down on 2026-11-20 after a notice on behalf of Ferro Publishing'),
    );
    const id = fake.state.library[0]!.id;
    renderWithFake(`#/library/album/${id}`, fake);

    const notice = await screen.findByRole('region', { name: 'No longer sold' });
    expect(within(notice).getByText(/Your files stay in your library/)).toBeTruthy();
    expect(within(notice).getByText(/on behalf of Ferro Publishing/)).toBeTruthy();
    expect(within(notice).getByText(/can still be downloaded again/)).toBeTruthy();
    expect(within(notice).getByText(/As the store said on Nov 20, 2026/)).toBeTruthy();
    expect(within(notice).getByRole('link', { name: 'Read the takedown notice' }).getAttribute('href')).toBe(
      'http://127.0.0.1:8700/v1/takedowns/TD-7Q2M9K4X',
    );
    expect(within(notice).getByRole('link', { name: 'Its page in the store' }).getAttribute('href')).toBe(
      '#/store/album/1',
    );
    // The badge beside the encodings, and all four files still there.
    expect(screen.getAllByText('No longer sold').length).toBeGreaterThanOrEqual(2);
    for (const title of ['Harbor Lights', 'Undertow', 'Salt Glass', 'Beacon']) {
      expect(screen.getAllByText(new RegExp(title)).length).toBeGreaterThan(0);
    }
  });

  it('says so when the store withdrew re-downloads', async () => {
    const fake = new FakeAppApi();
    await fileAlbum(fake, 2, 'flac');
    fake.setAvailability(2, takenDown(undefined, { redownload: false }));
    renderWithFake(`#/library/album/${fake.state.library[0]!.id}`, fake);
    const notice = await screen.findByRole('region', { name: 'No longer sold' });
    expect(within(notice).getByText(/withdrew re-downloads of this release/)).toBeTruthy();
  });

  it('marks an album not sold in the listener’s country apart from a takedown', async () => {
    const fake = new FakeAppApi();
    await fileAlbum(fake, 1, 'mp3-v0');
    fake.setAvailability(1, notInTerritory());
    renderWithFake('#/library/albums', fake);
    await screen.findByRole('link', { name: 'Low Tide Signals' });
    const card = cardOf('Low Tide Signals');
    expect(within(card).getByText('Not sold in your country')).toBeTruthy();
    expect(within(card).queryByText('No longer sold')).toBeNull();
  });
});
