// The store's album page for releases it does not sell: taken down ("Not for sale", the reason and
// the notice), or not licensed in the listener's country; never a Buy button or an encoding choice.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeAppApi } from '../../fake/fake-app-api.ts';
import { notInTerritory, takenDown } from '../../fake/fake-availability.ts';
import { fileAlbum } from '../../file-album.ts';
import { callsOf, renderWithFake } from '../../render-with-fake.tsx';

const noBuyControls = () => {
  expect(screen.queryByRole('button', { name: /^Buy/ })).toBeNull();
  expect(screen.queryByRole('radio')).toBeNull();
  expect(screen.queryByRole('table', { name: /Encodings, sizes and prices/ })).toBeNull();
  expect(screen.queryByRole('checkbox')).toBeNull();
};

describe('store album page: not for sale', () => {
  it('says a taken-down album is not for sale, why, and links the notice; nothing to buy', async () => {
    const fake = new FakeAppApi();
    fake.setAvailability(
      2,
      takenDown('Taken down on 2026-11-20 after a notice on behalf of Ferro Publishing'),
    );
    renderWithFake('#/store/album/2', fake);

    const notice = await screen.findByRole('region', { name: 'Not for sale' });
    expect(within(notice).getByText(/was taken down and is no longer sold here/)).toBeTruthy();
    expect(within(notice).getByText(/on behalf of Ferro Publishing/)).toBeTruthy();
    const link = within(notice).getByRole('link', { name: 'Read the takedown notice' });
    expect(link.getAttribute('href')).toBe('http://127.0.0.1:8700/v1/takedowns/TD-7Q2M9K4X');
    expect(link.getAttribute('rel')).toContain('noopener');
    // The store shows the album no more, and the listener owns none of it.
    expect(screen.getByRole('heading', { level: 1, name: 'Album no longer sold' })).toBeTruthy();
    expect(within(notice).queryByText(/You own/)).toBeNull();
    noBuyControls();
    expect(callsOf(fake, 'store.quotes')).toEqual([]);
  });

  it('leaves the notice link out when the store names no notice', async () => {
    const fake = new FakeAppApi();
    fake.setAvailability(2, takenDown('Withdrawn by the label', { noticeUrl: null }));
    renderWithFake('#/store/album/2', fake);
    const notice = await screen.findByRole('region', { name: 'Not for sale' });
    expect(within(notice).getByText('Withdrawn by the label')).toBeTruthy();
    expect(within(notice).queryByRole('link', { name: /notice/ })).toBeNull();
  });

  it('shows an album not licensed here with its tracks, but nothing to buy', async () => {
    const fake = new FakeAppApi();
    fake.setAvailability(1, notInTerritory());
    renderWithFake('#/store/album/1', fake);

    expect(await screen.findByRole('heading', { level: 1, name: 'Low Tide Signals' })).toBeTruthy();
    const notice = screen.getByRole('region', { name: 'Not available in your country' });
    expect(within(notice).getByText(/not licensed for sale where your account is/)).toBeTruthy();
    expect(within(notice).getByText(/Licensed for sale only in DE, AT, CH/)).toBeTruthy();
    expect(within(notice).queryByRole('link')).toBeNull();
    const tracks = screen.getByRole('region', { name: 'Tracks' });
    expect(
      within(tracks)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual([
      expect.stringContaining('Harbor Lights'),
      expect.stringContaining('Undertow'),
      expect.stringContaining('Salt Glass'),
      expect.stringContaining('Beacon'),
    ]);
    noBuyControls();
    expect(callsOf(fake, 'store.quotes')).toEqual([]);
  });

  it('offers an owner "Download again" for the files missing from the library', async () => {
    const fake = new FakeAppApi();
    await fileAlbum(fake, 3, 'flac');
    const files = fake.state.library[0]!.tracks.flatMap((t) => t.files);
    files[0]!.status = 'missing';
    files[1]!.status = 'missing';
    fake.setAvailability(3, takenDown());
    renderWithFake('#/store/album/3', fake);

    // The listener's copy names the album the store no longer shows.
    expect(await screen.findByRole('heading', { level: 1, name: 'Pixel Orchard' })).toBeTruthy();
    expect(screen.getByText('by Ferro & The Lows')).toBeTruthy();
    const notice = screen.getByRole('region', { name: 'Not for sale' });
    expect(
      within(notice).getByText('You own 6 files of this album; they stay in your library.'),
    ).toBeTruthy();
    expect(within(notice).getByText('2 files missing from your library at the last check.')).toBeTruthy();
    expect(within(notice).getByRole('link', { name: 'Open in your library' }).getAttribute('href')).toBe(
      `#/library/album/${fake.state.library[0]!.id}`,
    );
    noBuyControls();

    await userEvent.click(within(notice).getByRole('button', { name: 'Download again' }));
    const status = await within(notice).findByRole('status');
    expect(status.textContent).toBe('Downloading 2 files again at no charge. Go to Downloads');
    expect(within(status).getByRole('link', { name: 'Go to Downloads' }).getAttribute('href')).toBe(
      '#/downloads',
    );
    expect(callsOf(fake, 'library.redownload')).toEqual([{ albumId: fake.state.library[0]!.id }]);
  });

  it('tells an owner when the store withdrew re-downloads, and keeps the files', async () => {
    const fake = new FakeAppApi();
    await fileAlbum(fake, 1, 'mp3-v0');
    fake.setAvailability(1, takenDown(undefined, { redownload: false }));
    renderWithFake('#/store/album/1', fake);

    const notice = await screen.findByRole('region', { name: 'Not for sale' });
    expect(
      within(notice).getByText(
        'The store withdrew re-downloads of this release. The files you have stay in your library, untouched.',
      ),
    ).toBeTruthy();
    expect(within(notice).queryByRole('button', { name: 'Download again' })).toBeNull();
  });

  it('turns from on sale to not for sale when opened again after a takedown', async () => {
    const fake = new FakeAppApi();
    const view = renderWithFake('#/store/album/2', fake);
    await screen.findByRole('button', { name: 'Buy album' });
    fake.setAvailability(2, takenDown());
    view.unmount();
    renderWithFake('#/store/album/2', fake);
    await screen.findByRole('region', { name: 'Not for sale' });
    noBuyControls();
  });
});
