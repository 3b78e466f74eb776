// The library player: one audio element for the whole window (so music keeps playing while the
// listener browses), the queue, and the controls the now-playing bar and the library call.
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReplayGainMode } from '../../../electron/shared/app-api/domain.ts';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import { useApi } from '../../app/api-context.tsx';
import { claimAudioFocus, releaseAudioFocus } from '../../app/audio-focus.ts';
import { useEvent } from '../../app/use-event.ts';
import { browserCanPlay, type CanPlay } from './playable-formats.ts';
import {
  currentItem,
  newQueue,
  nextPosition,
  type PlayerItem,
  type PlayQueue,
  previousPosition,
  REPEAT_CYCLE,
  withShuffle,
} from './player-queue.ts';
import { type AppliedGain, elementVolume, replayGainFor } from './replay-gain.ts';
import { useMediaSession } from './use-media-session.ts';

export type PlayerStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'unsupported' | 'failed';

export interface Player {
  queue: PlayQueue | null;
  item: PlayerItem | null;
  status: PlayerStatus;
  currentTime: number;
  /** Seconds; NaN until known (and Infinity for a stream without a length). */
  duration: number;
  volume: number;
  muted: boolean;
  gain: AppliedGain;
  canPlay: CanPlay;
  openError: MegadiscError | null;
  playItems(items: PlayerItem[], start?: number): void;
  toggle(): void;
  next(): void;
  previous(): void;
  seek(seconds: number): void;
  setVolume(volume: number): void;
  toggleMute(): void;
  toggleShuffle(): void;
  cycleRepeat(): void;
  stop(): void;
  openInSystemPlayer(): void;
}

const PlayerContext = createContext<Player | null>(null);

export function usePlayer(): Player {
  const player = useContext(PlayerContext);
  if (!player) throw new Error('usePlayer outside PlayerProvider');
  return player;
}

export const libraryFileUrl = (fileId: number) => `/library/files/${fileId}`;

/** Pressing Previous this far into a track starts it again instead. */
const RESTART_AFTER_S = 3;
const VOLUME_KEY = 'megadisc.player.volume';
const NO_GAIN: AppliedGain = { factor: 1, db: null };

function storedVolume(): number {
  try {
    const value = Number(globalThis.localStorage?.getItem(VOLUME_KEY));
    return Number.isFinite(value) && value > 0 && value <= 1 ? value : 1;
  } catch {
    return 1;
  }
}

export function PlayerProvider({
  children,
  canPlay: canPlayOverride,
  random = Math.random,
}: {
  children: ReactNode;
  /** Tests say which encodings "decode"; the app asks the audio element. */
  canPlay?: CanPlay;
  random?: () => number;
}) {
  const api = useApi();
  const audioRef = useRef<HTMLAudioElement>(null);
  const owner = useRef({}).current;
  const canPlay = useMemo(() => canPlayOverride ?? browserCanPlay(), [canPlayOverride]);
  const [queue, setQueue] = useState<PlayQueue | null>(null);
  const queueRef = useRef<PlayQueue | null>(null);
  const [status, setStatus] = useState<PlayerStatus>('idle');
  const [currentTime, setCurrentTime] = useState(0);
  const [duration, setDuration] = useState(Number.NaN);
  const [volume, setVolumeState] = useState(storedVolume);
  const [muted, setMuted] = useState(false);
  const [mode, setMode] = useState<ReplayGainMode>('off');
  const [openError, setOpenError] = useState<MegadiscError | null>(null);

  useEffect(() => {
    api['settings.get']({}).then(
      (s) => setMode(s.replayGain ?? 'off'),
      () => undefined,
    );
  }, [api]);
  useEvent('settings', (e) => setMode(e.settings.replayGain ?? 'off'));

  const item = queue ? currentItem(queue) : null;
  const gain = useMemo(() => (item ? replayGainFor(mode, item.replayGain) : NO_GAIN), [item, mode]);

  useEffect(() => {
    const audio = audioRef.current;
    if (audio) audio.volume = elementVolume(volume, muted, gain);
  }, [volume, muted, gain]);

  const startPlayback = useCallback(() => {
    const audio = audioRef.current;
    if (!audio) return;
    claimAudioFocus(owner, () => audio.pause());
    audio.play()?.catch((error: unknown) => {
      // A newer load interrupted this play(): that load plays instead.
      if ((error as DOMException)?.name !== 'AbortError') setStatus('paused');
    });
  }, [owner]);

  /** Points the element at the queue's current item, playing it when asked. */
  const load = useCallback(
    (next: PlayQueue | null, autoplay: boolean) => {
      queueRef.current = next;
      setQueue(next);
      setOpenError(null);
      setCurrentTime(0);
      setDuration(Number.NaN);
      const audio = audioRef.current;
      const chosen = next ? currentItem(next) : null;
      if (!audio) return;
      if (!chosen) {
        audio.pause();
        audio.removeAttribute('src');
        releaseAudioFocus(owner);
        setStatus('idle');
        return;
      }
      if (!canPlay(chosen.encoding)) {
        audio.pause();
        audio.removeAttribute('src');
        setStatus('unsupported');
        return;
      }
      audio.src = libraryFileUrl(chosen.fileId);
      setStatus(autoplay ? 'loading' : 'paused');
      if (autoplay) startPlayback();
    },
    [canPlay, owner, startPlayback],
  );

  const advance = useCallback(
    (why: 'ended' | 'skip') => {
      const q = queueRef.current;
      if (!q) return;
      const position = nextPosition(q, why);
      if (position === null) {
        // The end of the queue: stay on the last track, stopped at its start.
        const audio = audioRef.current;
        if (audio) audio.currentTime = 0;
        setStatus('paused');
        return;
      }
      if (position === q.position && why === 'ended') {
        const audio = audioRef.current;
        if (audio) audio.currentTime = 0;
        startPlayback();
        return;
      }
      load({ ...q, position }, true);
    },
    [load, startPlayback],
  );

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    const on: Record<string, () => void> = {
      playing: () => setStatus('playing'),
      pause: () => setStatus((s) => (s === 'playing' || s === 'loading' ? 'paused' : s)),
      ended: () => advance('ended'),
      timeupdate: () => setCurrentTime(audio.currentTime),
      durationchange: () => setDuration(audio.duration),
      error: () => {
        if (audio.getAttribute('src')) setStatus('failed');
      },
    };
    for (const [name, handler] of Object.entries(on)) audio.addEventListener(name, handler);
    return () => {
      for (const [name, handler] of Object.entries(on)) audio.removeEventListener(name, handler);
    };
  }, [advance]);

  useEffect(() => () => releaseAudioFocus(owner), [owner]);

  const player: Player = {
    queue,
    item,
    status,
    currentTime,
    duration,
    volume,
    muted,
    gain,
    canPlay,
    openError,
    playItems: (items, start = 0) => {
      if (items.length === 0) return;
      const settings = {
        shuffle: queueRef.current?.shuffle ?? false,
        repeat: queueRef.current?.repeat ?? 'off',
      };
      load(newQueue(items, start, settings, random), true);
    },
    toggle: () => {
      const audio = audioRef.current;
      if (!audio || !item || status === 'unsupported') return;
      if (status === 'playing' || status === 'loading') audio.pause();
      else if (status === 'failed') load(queueRef.current, true);
      else startPlayback();
    },
    next: () => advance('skip'),
    previous: () => {
      const q = queueRef.current;
      const audio = audioRef.current;
      if (!q || !audio) return;
      if (audio.currentTime > RESTART_AFTER_S || (q.position === 0 && q.repeat === 'off')) {
        audio.currentTime = 0;
        setCurrentTime(0);
        return;
      }
      load({ ...q, position: previousPosition(q) }, status === 'playing' || status === 'loading');
    },
    seek: (seconds) => {
      const audio = audioRef.current;
      if (!audio || !Number.isFinite(seconds)) return;
      audio.currentTime = Math.max(0, seconds);
      setCurrentTime(audio.currentTime);
    },
    setVolume: (value) => {
      const clamped = Math.max(0, Math.min(1, value));
      setVolumeState(clamped);
      setMuted(false);
      try {
        globalThis.localStorage?.setItem(VOLUME_KEY, String(clamped));
      } catch {
        // Storage may be off: the volume holds for this session.
      }
    },
    toggleMute: () => setMuted((m) => !m),
    toggleShuffle: () => {
      const q = queueRef.current;
      if (!q) return;
      const next = withShuffle(q, !q.shuffle, random);
      queueRef.current = next;
      setQueue(next);
    },
    cycleRepeat: () => {
      const q = queueRef.current;
      if (!q) return;
      const next = { ...q, repeat: REPEAT_CYCLE[q.repeat] };
      queueRef.current = next;
      setQueue(next);
    },
    stop: () => load(null, false),
    openInSystemPlayer: () => {
      if (!item) return;
      setOpenError(null);
      api['library.openFile']({ fileId: item.fileId }).catch((e: MegadiscError) => setOpenError(e));
    },
  };

  useMediaSession(player);

  return (
    <PlayerContext.Provider value={player}>
      {children}
      {/* biome-ignore lint/a11y/useMediaCaption: music from the listener's own library has no captions */}
      <audio ref={audioRef} preload="auto" data-testid="player-audio" hidden />
    </PlayerContext.Provider>
  );
}
