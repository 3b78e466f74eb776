import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { fileAlbum } from '../../file-album.ts';
import { renderApp } from '../../render-app.tsx';

const cardTitles = () =>
  screen
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.album-card-link')?.textContent)
    .filter(Boolean);

describe('library albums', () => {
  it('shows the empty state with a way to the store', async () => {
    renderApp('#/library/albums');
    expect(await screen.findByText('Your library is empty. Albums you buy are filed here.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Browse the store' }).getAttribute('href')).toBe('#/store');
    expect(screen.getByRole('link', { name: 'Albums' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Tracks' }).getAttribute('aria-current')).toBeNull();
  });

  it('shows an album once the purchase is filed, with its encoding', async () => {
    const { fake } = renderApp('#/library/albums');
    await screen.findByText(/Your library is empty/);
    await act(() => fileAlbum(fake, 2, 'flac'));
    const link = await screen.findByRole('link', { name: 'Neon Cartography' });
    expect(link.getAttribute('href')).toBe(`#/library/album/${fake.state.library[0]!.id}`);
    const card = link.closest('li')!;
    expect(within(card).getByText('Marble Arcade')).toBeTruthy();
    expect(within(card).getByText('FLAC')).toBeTruthy();
    expect(within(card).queryByText(/problem/)).toBeNull();
    expect(screen.queryByText(/Your library is empty/)).toBeNull();
  });

  it('shows an album bought in two encodings once, with both', async () => {
    const { fake } = renderApp('#/library/albums');
    await act(async () => {
      await fileAlbum(fake, 1, 'mp3-v0');
      await fileAlbum(fake, 1, 'flac');
    });
    await waitFor(() => expect(screen.getAllByRole('link', { name: 'Low Tide Signals' })).toHaveLength(1));
    const card = screen.getByRole('link', { name: 'Low Tide Signals' }).closest('li')!;
    await waitFor(() => expect(within(card).getByText('FLAC')).toBeTruthy());
    expect(within(card).getByText('MP3 V0')).toBeTruthy();
  });

  it('marks albums with missing or changed files', async () => {
    const { fake } = renderApp('#/library/albums');
    await act(() => fileAlbum(fake, 1, 'mp3-v0'));
    await screen.findByRole('link', { name: 'Low Tide Signals' });
    fake.state.library[0]!.tracks[0]!.files[0]!.status = 'missing';
    fake.state.library[0]!.tracks[2]!.files[0]!.status = 'changed';
    act(() =>
      fake.emit({
        name: 'album-filed',
        payload: { purchaseId: 9, albumTitle: 'x', artistName: 'y', tracks: 1 },
      }),
    );
    expect(await screen.findByText('2 problems')).toBeTruthy();
  });

  it('filters by album or artist, debounced, and says when nothing matches', async () => {
    const { fake } = renderApp('#/library/albums');
    await act(async () => {
      await fileAlbum(fake, 1, 'mp3-v0');
      await fileAlbum(fake, 2, 'mp3-v0');
    });
    await screen.findByRole('link', { name: 'Neon Cartography' });
    const filter = screen.getByLabelText('Filter albums');
    fireEvent.change(filter, { target: { value: 'MARBLE' } });
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Low Tide Signals' })).toBeNull());
    expect(screen.getByRole('link', { name: 'Neon Cartography' })).toBeTruthy();
    const queries = fake.calls.filter((c) => c.method === 'library.albums').map((c) => c.input);
    expect(queries).toContainEqual({ q: 'MARBLE', sort: 'artist' });
    // Typing is debounced: no query for a half-typed word.
    expect(queries).not.toContainEqual(expect.objectContaining({ q: 'M' }));

    fireEvent.change(filter, { target: { value: 'zzz' } });
    expect(await screen.findByText('No albums match “zzz”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the filter' }));
    expect(await screen.findByRole('link', { name: 'Low Tide Signals' })).toBeTruthy();
  });

  it('sorts by the chosen order and groups by artist', async () => {
    const { fake } = renderApp('#/library/albums');
    await act(async () => {
      await fileAlbum(fake, 1, 'mp3-v0');
      await fileAlbum(fake, 2, 'mp3-v0');
      await fileAlbum(fake, 3, 'mp3-v0');
    });
    await screen.findByRole('link', { name: 'Pixel Orchard' });
    // By artist: Ferro & The Lows, Marble Arcade, Quiet Static.
    expect(cardTitles()).toEqual(['Pixel Orchard', 'Neon Cartography', 'Low Tide Signals']);
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'album' } });
    await waitFor(() =>
      expect(cardTitles()).toEqual(['Low Tide Signals', 'Neon Cartography', 'Pixel Orchard']),
    );
    expect(fake.calls.at(-1)?.input).toEqual({ sort: 'album' });

    fireEvent.click(screen.getByLabelText('Group by artist'));
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Ferro & The Lows', 'Marble Arcade', 'Quiet Static']);
  });
});
