import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { FakeAppApi } from '../../fake/fake-app-api.ts';
import { fileAlbum } from '../../file-album.ts';
import { renderApp } from '../../render-app.tsx';

async function openAlbum(state: Parameters<typeof renderApp>[1] = {}) {
  const { fake } = renderApp('#/library/albums', state);
  await act(() => fileAlbum(fake, 1, 'mp3-v0'));
  const id = fake.state.library[0]!.id;
  act(() => {
    window.location.hash = `#/library/album/${id}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await screen.findByRole('heading', { level: 1, name: 'Low Tide Signals' });
  return fake;
}

const filesTable = () => screen.getByRole('table', { name: 'Files of Low Tide Signals' });

function markFile(fake: FakeAppApi, track: number, status: 'missing' | 'changed') {
  fake.state.library[0]!.tracks[track]!.files[0]!.status = status;
}

describe('library album', () => {
  it('lists each file with its number, encoding, size, status and path', async () => {
    const fake = await openAlbum();
    const rows = within(filesTable()).getAllByRole('row').slice(1);
    const files = fake.state.library[0]!.tracks.map((t) => t.files[0]!);
    expect(rows).toHaveLength(files.length);
    // The first two cells are the player's: select and play.
    const cells = within(rows[1]!)
      .getAllByRole('cell')
      .slice(2)
      .map((c) => c.textContent);
    expect(cells).toEqual([
      '02',
      'Undertow',
      'MP3 V0',
      `${(files[1]!.bytes / 1e6).toFixed(1)} MB`,
      'OK',
      files[1]!.path,
    ]);
    expect(screen.getByText('Quiet Static')).toBeTruthy();
  });

  it('verifies the album and sums up what it found', async () => {
    const fake = await openAlbum();
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('4 files OK')).toBeTruthy();
    expect(
      fake.calls.some((c) => c.method === 'library.verify' && (c.input as { albumId: number }).albumId === 1),
    ).toBe(true);

    markFile(fake, 1, 'missing');
    markFile(fake, 3, 'changed');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('2 files OK, 1 missing, 1 changed')).toBeTruthy();
    const paths = fake.state.library[0]!.tracks.map((t) => t.files[0]!.path);
    const result = screen
      .getByText('2 files OK, 1 missing, 1 changed')
      .closest('.verify-result') as HTMLElement;
    expect(within(result).getByText(paths[1]!)).toBeTruthy();
    expect(within(result).getByText(paths[3]!)).toBeTruthy();
    // The table follows the statuses the check recorded.
    await waitFor(() => expect(within(filesTable()).getAllByText('Missing')).toHaveLength(1));
    expect(within(filesTable()).getAllByText('Changed')).toHaveLength(1);
  });

  it('hides Open folder in the browser and says where the album is instead', async () => {
    const fake = await openAlbum({ transport: 'web' });
    await waitFor(() => expect(screen.getByText(/In your library folder under/)).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Open folder' })).toBeNull();
    const folder = fake.state.library[0]!.tracks[0]!.files[0]!.path.split('/').slice(0, -1).join('/');
    expect(screen.getByText(folder)).toBeTruthy();
  });

  it('opens the folder in the desktop app, and explains when the host cannot', async () => {
    const fake = await openAlbum({ transport: 'electron' });
    fireEvent.click(await screen.findByRole('button', { name: 'Open folder' }));
    await waitFor(() =>
      expect(fake.calls.at(-1)).toEqual({ method: 'library.openFolder', input: { albumId: 1 } }),
    );
    expect(screen.queryByRole('alert')).toBeNull();

    fake.failNext('library.openFolder', 'INVALID_STATE');
    fireEvent.click(screen.getByRole('button', { name: 'Open folder' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Opening folders works in the desktop app/,
    );
  });

  it('says so when the album is no longer in the library', async () => {
    renderApp('#/library/album/42');
    expect(await screen.findByRole('heading', { name: 'Album not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '← Albums' }).getAttribute('href')).toBe('#/library/albums');
  });
});
