// The library player over the fake API: play an album, a file, a selection; play/pause, next and
// previous, shuffle and repeat order; a format the UI cannot decode offers the system player.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EncodingId } from '../../../../api/schemas/encoding-catalog.ts';
import {
  newQueue,
  nextPosition,
  type PlayerItem,
  previousPosition,
  withShuffle,
} from '../../../../renderer/features/player/player-queue.ts';
import { elementVolume, replayGainFor } from '../../../../renderer/features/player/replay-gain.ts';
import { fileAlbum } from '../../file-album.ts';
import { renderApp } from '../../render-app.tsx';

const audio = () => screen.getByTestId('player-audio') as HTMLAudioElement;
const bar = () => screen.getByRole('region', { name: 'Player' });
const title = () => screen.getByTestId('now-playing-title').textContent;

beforeEach(() => {
  // jsdom has no decoders: say what Chromium says (no WMA, Musepack or ALAC).
  vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockImplementation((type: string) =>
    /wma|musepack|alac/.test(type) ? '' : 'probably',
  );
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
    this.dispatchEvent(new Event('playing'));
    return Promise.resolve();
  });
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (this: HTMLMediaElement) {
    this.dispatchEvent(new Event('pause'));
  });
});
afterEach(() => vi.restoreAllMocks());

async function openAlbum(encoding: EncodingId = 'mp3-v0') {
  const { fake } = renderApp('#/library/albums');
  await act(() => fileAlbum(fake, 1, encoding));
  const album = fake.state.library[0]!;
  act(() => {
    window.location.hash = `#/library/album/${album.id}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await screen.findByRole('heading', { level: 1, name: 'Low Tide Signals' });
  return { fake, album };
}

describe('library player', () => {
  it('plays the album from its first track, pauses and resumes, and stays while browsing', async () => {
    const { album } = await openAlbum();
    expect(screen.queryByRole('region', { name: 'Player' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Play album' }));
    await waitFor(() => expect(within(bar()).getByRole('button', { name: 'Pause' })).toBeTruthy());
    const first = album.tracks[0]!;
    expect(title()).toBe(first.title);
    expect(audio().getAttribute('src')).toBe(`/library/files/${first.files[0]!.id}`);
    expect(within(bar()).getByText('Track 1 of 4')).toBeTruthy();

    fireEvent.click(within(bar()).getByRole('button', { name: 'Pause' }));
    expect(within(bar()).getByRole('button', { name: 'Play' })).toBeTruthy();
    fireEvent.click(within(bar()).getByRole('button', { name: 'Play' }));
    expect(within(bar()).getByRole('button', { name: 'Pause' })).toBeTruthy();

    act(() => {
      window.location.hash = '#/store';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() =>
      expect(screen.queryByRole('heading', { name: 'Low Tide Signals', level: 1 })).toBeNull(),
    );
    expect(title()).toBe(first.title);
  });

  it('goes to the next and previous track, and on by itself when a track ends', async () => {
    const { album } = await openAlbum();
    fireEvent.click(screen.getByRole('button', { name: 'Play album' }));
    fireEvent.click(within(bar()).getByRole('button', { name: 'Next track' }));
    expect(title()).toBe(album.tracks[1]!.title);
    act(() => void audio().dispatchEvent(new Event('ended')));
    expect(title()).toBe(album.tracks[2]!.title);
    fireEvent.click(within(bar()).getByRole('button', { name: 'Previous track' }));
    expect(title()).toBe(album.tracks[1]!.title);
    expect(within(bar()).getByText('Track 2 of 4')).toBeTruthy();
  });

  it('stops after the last track with repeat off, wraps with repeat all, and repeats one track', async () => {
    const { album } = await openAlbum();
    const last = album.tracks.at(-1)!;
    fireEvent.click(screen.getByRole('button', { name: `Play ${last.title} (MP3 V0)` }));
    expect(title()).toBe(last.title);
    act(() => void audio().dispatchEvent(new Event('ended')));
    expect(title()).toBe(last.title);
    expect(within(bar()).getByRole('button', { name: 'Play' })).toBeTruthy();

    const repeat = () => within(bar()).getByRole('button', { name: /^Repeat/ });
    fireEvent.click(repeat());
    expect(repeat().getAttribute('aria-label')).toBe('Repeat: all tracks');
    fireEvent.click(within(bar()).getByRole('button', { name: 'Next track' }));
    expect(title()).toBe(album.tracks[0]!.title);

    fireEvent.click(repeat());
    expect(repeat().getAttribute('aria-label')).toBe('Repeat: this track');
    act(() => void audio().dispatchEvent(new Event('ended')));
    expect(title()).toBe(album.tracks[0]!.title);
    fireEvent.click(repeat());
    expect(repeat().getAttribute('aria-pressed')).toBe('false');
  });

  it('plays only the ticked files, in album order', async () => {
    const { album } = await openAlbum();
    const [a, , c] = album.tracks;
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${c!.title} (MP3 V0)` }));
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${a!.title} (MP3 V0)` }));
    fireEvent.click(screen.getByRole('button', { name: 'Play selected (2)' }));
    expect(title()).toBe(a!.title);
    expect(within(bar()).getByText('Track 1 of 2')).toBeTruthy();
    fireEvent.click(within(bar()).getByRole('button', { name: 'Next track' }));
    expect(title()).toBe(c!.title);
  });

  it('shuffles the rest around the playing track, and has seek and volume sliders with spoken values', async () => {
    await openAlbum();
    fireEvent.click(screen.getByRole('button', { name: 'Play album' }));
    const shuffle = within(bar()).getByRole('button', { name: 'Shuffle' });
    fireEvent.click(shuffle);
    expect(shuffle.getAttribute('aria-pressed')).toBe('true');
    expect(within(bar()).getByText('Track 1 of 4')).toBeTruthy();
    const volume = within(bar()).getByRole('slider', { name: 'Volume' });
    fireEvent.change(volume, { target: { value: '40' } });
    expect(volume.getAttribute('aria-valuetext')).toBe('40 percent');
    expect(audio().volume).toBeCloseTo(0.4);
    const seek = within(bar()).getByRole('slider', { name: 'Position in the track' });
    expect(seek.getAttribute('aria-valuetext')).toBe('0:00 of –:––');
  });

  it('says a WMA file cannot play here and opens it in the system player', async () => {
    const { fake, album } = await openAlbum('wma-192');
    fireEvent.click(screen.getByRole('button', { name: 'Play album' }));
    const alert = within(bar()).getByRole('alert');
    expect(alert.textContent).toContain('This app can’t play WMA files.');
    expect(audio().getAttribute('src')).toBeNull();
    expect(within(bar()).getByRole('button', { name: 'Play' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(alert).getByRole('button', { name: 'Open in system player' }));
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.method === 'library.openFile').map((c) => c.input)).toEqual([
        { fileId: album.tracks[0]!.files[0]!.id },
      ]),
    );
  });
});

describe('play queue', () => {
  const items = Array.from({ length: 5 }, (_, i) => ({ fileId: i + 1 }) as PlayerItem);
  const fixed = () => 0.5;

  it('shuffles with the chosen track first and visits every track once', () => {
    const q = newQueue(items, 2, { shuffle: true, repeat: 'off' }, fixed);
    expect(q.order[0]).toBe(2);
    expect(q.position).toBe(0);
    expect([...q.order].sort()).toEqual([0, 1, 2, 3, 4]);
    const back = withShuffle({ ...q, position: 3 }, false, fixed);
    expect(back.order).toEqual([0, 1, 2, 3, 4]);
    expect(back.order[back.position]).toBe(q.order[3]);
  });

  it('moves under each repeat mode', () => {
    const end = { ...newQueue(items, 4, { shuffle: false, repeat: 'off' }, fixed) };
    expect(nextPosition(end, 'ended')).toBeNull();
    expect(nextPosition({ ...end, repeat: 'all' }, 'ended')).toBe(0);
    expect(nextPosition({ ...end, repeat: 'one' }, 'ended')).toBe(4);
    expect(nextPosition({ ...end, repeat: 'one' }, 'skip')).toBe(0);
    expect(previousPosition({ ...end, position: 0 })).toBe(0);
    expect(previousPosition({ ...end, position: 0, repeat: 'all' })).toBe(4);
  });
});

describe('ReplayGain', () => {
  const tags = { trackGainDb: -6, trackPeak: 0.9, albumGainDb: -3, albumPeak: 0.95 };
  it('applies the track or album gain, falling back to the other', () => {
    expect(replayGainFor('off', tags).factor).toBe(1);
    expect(replayGainFor('track', tags).factor).toBeCloseTo(10 ** (-6 / 20));
    expect(replayGainFor('album', tags).factor).toBeCloseTo(10 ** (-3 / 20));
    expect(replayGainFor('album', { ...tags, albumGainDb: null }).db).toBe(-6);
  });
  it('never lifts a peak past full scale', () => {
    const loud = replayGainFor('track', { ...tags, trackGainDb: 6, trackPeak: 0.8 });
    expect(loud.factor).toBeCloseTo(1.25);
    expect(elementVolume(1, false, loud)).toBe(1);
    expect(elementVolume(0.5, false, loud)).toBeCloseTo(0.625);
    expect(elementVolume(0.5, true, loud)).toBe(0);
  });
});
