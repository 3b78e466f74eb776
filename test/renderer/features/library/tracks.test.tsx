import { fireEvent, screen, waitFor } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { TRACK_ROW_HEIGHT } from '../../../../renderer/features/library/TracksTab.tsx';
import { TRACK_PAGE_SIZE } from '../../../../renderer/features/library/use-track-pages.ts';
import { generatedTrackRow } from '../../fake/fake-track-rows.ts';
import { fileAlbum } from '../../file-album.ts';
import { renderApp } from '../../render-app.tsx';

const trackList = () => screen.getByRole('region', { name: 'Tracks in your library' });
const rows = () => Array.from(trackList().querySelectorAll('li'));
const pageCalls = (fake: { calls: { method: string; input: unknown }[] }) =>
  fake.calls
    .filter((c) => c.method === 'library.tracks')
    .map((c) => c.input as { offset: number; q?: string });

function scrollTo(element: HTMLElement, top: number) {
  Object.defineProperty(element, 'scrollTop', { value: top, configurable: true, writable: true });
  fireEvent.scroll(element);
}

describe('library tracks', () => {
  it('lists the filed files with their columns', async () => {
    const { fake } = renderApp('#/library/tracks');
    await act(() => fileAlbum(fake, 2, 'flac'));
    expect((await screen.findByTestId('track-count')).textContent).toBe('4 tracks');
    await waitFor(() => expect(rows()[0]!.textContent).toContain('Grid North'));
    const first = rows()[0]!.textContent!;
    for (const text of ['Marble Arcade', 'Neon Cartography', 'FLAC', 'OK']) expect(first).toContain(text);
  });

  it('renders only a window of a 100k-track library and fetches pages for the range in view', async () => {
    const { fake } = renderApp('#/library/tracks');
    fake.generateTracks(100_000);
    await waitFor(() => expect(screen.getByTestId('track-count').textContent).toBe('100,000 tracks'));
    await waitFor(() => expect(rows()[0]!.textContent).toContain(generatedTrackRow(0).title));
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(80);
    expect(pageCalls(fake)).toEqual([{ offset: 0, limit: TRACK_PAGE_SIZE }]);

    // Jump to the middle: only the pages around row 50,000 are asked for, not the 250 in between.
    scrollTo(trackList(), 50_000 * TRACK_ROW_HEIGHT);
    const target = rows().find((li) => li.getAttribute('aria-posinset') === '50001')!;
    expect(target.textContent).toContain('Loading…');
    await waitFor(() => expect(target.textContent).toContain(generatedTrackRow(50_000).title));
    expect(target.textContent).toContain(generatedTrackRow(50_000).album);
    const offsets = pageCalls(fake).map((c) => c.offset);
    expect(offsets).toContain(Math.floor(50_000 / TRACK_PAGE_SIZE) * TRACK_PAGE_SIZE);
    expect(offsets.length).toBeLessThanOrEqual(4);
    expect(rows().length).toBeLessThan(80);
  });

  it('filters the list, debounced, and shows how many tracks match', async () => {
    const { fake } = renderApp('#/library/tracks');
    await act(async () => {
      await fileAlbum(fake, 1, 'mp3-v0');
      await fileAlbum(fake, 3, 'opus-160');
    });
    await waitFor(() => expect(screen.getByTestId('track-count').textContent).toBe('10 tracks'));
    fireEvent.change(screen.getByLabelText('Filter tracks'), { target: { value: 'glass' } });
    await waitFor(() =>
      expect(screen.getByTestId('track-count').textContent).toBe('1 track matches “glass”'),
    );
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]!.textContent).toContain('Salt Glass');
    expect(pageCalls(fake).at(-1)).toEqual({ q: 'glass', offset: 0, limit: TRACK_PAGE_SIZE });

    fireEvent.change(screen.getByLabelText('Filter tracks'), { target: { value: 'nothing like it' } });
    expect(await screen.findByText('No tracks match “nothing like it”.')).toBeTruthy();
  });

  it('keeps the filter when switching between the tabs', async () => {
    const { fake } = renderApp('#/library/albums');
    await act(() => fileAlbum(fake, 1, 'mp3-v0'));
    fireEvent.change(await screen.findByLabelText('Filter albums'), { target: { value: 'tide' } });
    fireEvent.click(screen.getByRole('link', { name: 'Tracks' }));
    act(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
    expect(((await screen.findByLabelText('Filter tracks')) as HTMLInputElement).value).toBe('tide');
  });
});
