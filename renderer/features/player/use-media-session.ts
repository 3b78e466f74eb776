// The OS media controls and media keys (Media Session API): what is playing, with the album cover,
// and play/pause/next/previous/seek wired to the player. Absent where the browser lacks the API.
import { useEffect, useRef } from 'react';
import type { Player } from './player-context.tsx';

type Session = MediaSession & { setPositionState?: (state?: MediaPositionState) => void };

function session(): Session | null {
  return typeof navigator !== 'undefined' && 'mediaSession' in navigator
    ? (navigator.mediaSession as Session)
    : null;
}

export function useMediaSession(player: Player): void {
  const ref = useRef(player);
  ref.current = player;
  const { item, status, currentTime, duration } = player;

  useEffect(() => {
    const media = session();
    if (!media) return;
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => ref.current.status !== 'playing' && ref.current.toggle()],
      ['pause', () => ref.current.status === 'playing' && ref.current.toggle()],
      ['nexttrack', () => ref.current.next()],
      ['previoustrack', () => ref.current.previous()],
      ['seekto', (details) => details.seekTime !== undefined && ref.current.seek(details.seekTime)],
      ['seekbackward', (details) => ref.current.seek(ref.current.currentTime - (details.seekOffset ?? 10))],
      ['seekforward', (details) => ref.current.seek(ref.current.currentTime + (details.seekOffset ?? 10))],
      ['stop', () => ref.current.stop()],
    ];
    for (const [action, handler] of handlers) {
      try {
        media.setActionHandler(action, handler);
      } catch {
        // An action this browser does not know.
      }
    }
    return () => {
      for (const [action] of handlers) {
        try {
          media.setActionHandler(action, null);
        } catch {
          // As above.
        }
      }
    };
  }, []);

  useEffect(() => {
    const media = session();
    if (!media || typeof MediaMetadata === 'undefined') return;
    media.metadata = item
      ? new MediaMetadata({
          title: item.title,
          artist: item.artist,
          album: item.album,
          artwork: [{ src: new URL(`/covers/library/${item.albumId}`, location.href).href }],
        })
      : null;
  }, [item]);

  useEffect(() => {
    const media = session();
    if (!media) return;
    media.playbackState = status === 'playing' ? 'playing' : item ? 'paused' : 'none';
  }, [status, item]);

  useEffect(() => {
    const media = session();
    if (!media?.setPositionState || !Number.isFinite(duration) || duration <= 0) return;
    try {
      media.setPositionState({ duration, position: Math.min(currentTime, duration), playbackRate: 1 });
    } catch {
      // A position the browser finds inconsistent for a moment (during a seek).
    }
  }, [currentTime, duration]);
}
