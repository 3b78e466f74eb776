// The one preview that plays at a time: a single <audio> for every preview button on screen. Starting
// another stops the first; the library player and previews pause each other through the audio focus.
import { claimAudioFocus, releaseAudioFocus } from '../../app/audio-focus.ts';

/** Why a preview could not play, as the store or the app's transport said it. */
export type PreviewProblem = 'RATE_LIMITED' | 'UNAVAILABLE' | 'OFFLINE' | 'FAILED';

export interface PreviewState {
  trackId: number | null;
  status: 'idle' | 'loading' | 'playing' | 'paused' | 'error';
  /** 0..1 of the preview heard so far. */
  progress: number;
  problem: PreviewProblem | null;
}

const IDLE: PreviewState = { trackId: null, status: 'idle', progress: 0, problem: null };

/** The address the app's transports serve a track's preview at (web host route or app:// protocol). */
export const previewUrl = (trackId: number) => `/previews/${trackId}`;

class PreviewPlayer {
  #state: PreviewState = IDLE;
  #audio: HTMLAudioElement | null = null;
  readonly #listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly snapshot = () => this.#state;

  /** Plays the track's preview, or pauses/resumes it if it is the current one. */
  toggle(trackId: number): void {
    const audio = this.#element();
    if (this.#state.trackId === trackId && this.#state.status !== 'error') {
      if (this.#state.status === 'playing' || this.#state.status === 'loading') this.pause();
      else this.#play(audio);
      return;
    }
    audio.pause();
    audio.src = previewUrl(trackId);
    this.#set({ trackId, status: 'loading', progress: 0, problem: null });
    this.#play(audio);
  }

  readonly pause = () => {
    this.#audio?.pause();
    if (this.#state.status === 'playing' || this.#state.status === 'loading')
      this.#set({ ...this.#state, status: 'paused' });
    releaseAudioFocus(this);
  };

  /** Stops and forgets the current preview (the page that showed it went away). */
  stop(): void {
    this.#audio?.pause();
    this.#audio?.removeAttribute('src');
    releaseAudioFocus(this);
    this.#set(IDLE);
  }

  #play(audio: HTMLAudioElement): void {
    claimAudioFocus(this, this.pause);
    const trackId = this.#state.trackId;
    audio.play().catch((error: unknown) => {
      // A pause before playback started rejects play() too; only a real failure is a problem.
      if ((error as { name?: string }).name === 'AbortError' || this.#state.trackId !== trackId) return;
      void this.#fail(trackId);
    });
  }

  #element(): HTMLAudioElement {
    if (this.#audio) return this.#audio;
    const audio = new Audio();
    audio.preload = 'auto';
    // In the page (without controls, so unseen): tests and devtools can find what plays.
    audio.dataset.previewPlayer = '';
    document.body.append(audio);
    audio.addEventListener('playing', () => this.#set({ ...this.#state, status: 'playing' }));
    audio.addEventListener('timeupdate', () => {
      const duration = audio.duration;
      if (Number.isFinite(duration) && duration > 0)
        this.#set({ ...this.#state, progress: Math.min(1, audio.currentTime / duration) });
    });
    audio.addEventListener('ended', () => {
      releaseAudioFocus(this);
      this.#set({ ...this.#state, status: 'idle', progress: 0 });
    });
    audio.addEventListener('error', () => void this.#fail(this.#state.trackId));
    this.#audio = audio;
    return audio;
  }

  /** The audio element only says "error": ask the same address once more for the code behind it. */
  async #fail(trackId: number | null): Promise<void> {
    if (trackId === null || this.#state.trackId !== trackId) return;
    releaseAudioFocus(this);
    let problem: PreviewProblem = 'FAILED';
    try {
      const res = await fetch(previewUrl(trackId), { headers: { range: 'bytes=0-0' } });
      if (res.status === 429) problem = 'RATE_LIMITED';
      else if (res.status === 451) problem = 'UNAVAILABLE';
      else if (res.status === 502 || res.status === 503) problem = 'OFFLINE';
    } catch {
      problem = 'OFFLINE';
    }
    if (this.#state.trackId === trackId) this.#set({ trackId, status: 'error', progress: 0, problem });
  }

  #set(next: PreviewState): void {
    this.#state = next;
    for (const listener of this.#listeners) listener();
  }
}

export const previewPlayer = new PreviewPlayer();
