// Preview buttons on the album page and in search results: one preview at a time, aria-pressed, a
// progress ring that follows the audio, keyboard use, polite errors, and the shared audio focus.
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimAudioFocus, releaseAudioFocus } from '../../../../renderer/app/audio-focus.ts';
import { previewPlayer } from '../../../../renderer/features/previews/preview-player.ts';
import { renderApp } from '../../render-app.tsx';

let audio: HTMLMediaElement | null;
let position: number;
let playResult: () => Promise<void>;

beforeEach(() => {
  audio = null;
  position = 0;
  playResult = () => Promise.resolve();
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
    audio = this;
    const result = playResult();
    result.then(() => this.dispatchEvent(new Event('playing'))).catch(() => {});
    return result;
  });
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => {});
  vi.spyOn(HTMLMediaElement.prototype, 'duration', 'get').mockReturnValue(30);
  vi.spyOn(HTMLMediaElement.prototype, 'currentTime', 'get').mockImplementation(() => position);
});
afterEach(() => {
  previewPlayer.stop();
  vi.restoreAllMocks();
});

const play = (title: string) => screen.findByRole('button', { name: `Play a preview of “${title}”` });
const pause = (title: string) => screen.findByRole('button', { name: `Pause the preview of “${title}”` });

describe('store previews', () => {
  it('plays one preview at a time from the album page, with aria-pressed', async () => {
    const { fake } = renderApp('#/store/album/1');
    const [first, second] = fake.albums.find((a) => a.id === 1)!.discs[0]!.tracks;
    const user = userEvent.setup();
    const firstButton = await play(first!.title);
    expect(firstButton.getAttribute('aria-pressed')).toBe('false');
    await user.click(firstButton);
    expect((await pause(first!.title)).getAttribute('aria-pressed')).toBe('true');
    expect(audio?.getAttribute('src')).toBe(`/previews/${first!.id}`);

    await user.click(await play(second!.title));
    expect((await pause(second!.title)).getAttribute('aria-pressed')).toBe('true');
    expect((await play(first!.title)).getAttribute('aria-pressed')).toBe('false');
    expect(audio?.getAttribute('src')).toBe(`/previews/${second!.id}`);
    expect(screen.getAllByRole('button', { pressed: true })).toHaveLength(1);

    // Pressing the playing one pauses it.
    await user.click(await pause(second!.title));
    expect((await play(second!.title)).getAttribute('aria-pressed')).toBe('false');
  });

  it('draws progress around the button as the preview plays', async () => {
    const { fake } = renderApp('#/store/album/1');
    const track = fake.albums.find((a) => a.id === 1)!.discs[0]!.tracks[0]!;
    await userEvent.setup().click(await play(track.title));
    const button = await pause(track.title);
    const ring = button.querySelector('.preview-ring')!;
    const full = Number(ring.getAttribute('stroke-dasharray'));
    expect(Number(ring.getAttribute('stroke-dashoffset'))).toBeCloseTo(full);
    position = 15;
    act(() => {
      audio!.dispatchEvent(new Event('timeupdate'));
    });
    expect(button.getAttribute('data-progress')).toBe('0.50');
    expect(Number(ring.getAttribute('stroke-dashoffset'))).toBeCloseTo(full / 2);
  });

  it('works from the keyboard', async () => {
    const { fake } = renderApp('#/store/album/1');
    const track = fake.albums.find((a) => a.id === 1)!.discs[0]!.tracks[0]!;
    const user = userEvent.setup();
    (await play(track.title)).focus();
    await user.keyboard('{Enter}');
    expect((await pause(track.title)).getAttribute('aria-pressed')).toBe('true');
    await user.keyboard(' ');
    expect((await play(track.title)).getAttribute('aria-pressed')).toBe('false');
  });

  it('says politely why a preview cannot play', async () => {
    const { fake } = renderApp('#/store/album/1');
    const track = fake.albums.find((a) => a.id === 1)!.discs[0]!.tracks[0]!;
    playResult = () => Promise.reject(Object.assign(new Error('no source'), { name: 'NotSupportedError' }));
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}', { status: 429 }));
    await userEvent.setup().click(await play(track.title));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Too many previews for now; try again in a few minutes.',
    );
    expect(fetchSpy).toHaveBeenCalledWith(`/previews/${track.id}`, expect.anything());
    expect((await play(track.title)).getAttribute('aria-pressed')).toBe('false');
  });

  it('pauses when the library player takes the audio focus', async () => {
    const { fake } = renderApp('#/store/album/1');
    const track = fake.albums.find((a) => a.id === 1)!.discs[0]!.tracks[0]!;
    await userEvent.setup().click(await play(track.title));
    await pause(track.title);
    const player = {};
    act(() => claimAudioFocus(player, () => {}));
    await waitFor(async () => expect((await play(track.title)).getAttribute('aria-pressed')).toBe('false'));
    releaseAudioFocus(player);
  });

  it('has a preview button per track in search results', async () => {
    renderApp('#/store/search?q=graft');
    const button = await play('Graft');
    await userEvent.setup().click(button);
    expect((await pause('Graft')).getAttribute('aria-pressed')).toBe('true');
  });
});
