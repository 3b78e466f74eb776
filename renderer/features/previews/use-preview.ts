// One track's view of the shared preview player: its state, progress and a play/pause toggle.
import { useCallback, useSyncExternalStore } from 'react';
import { type PreviewProblem, previewPlayer } from './preview-player.ts';

export interface TrackPreview {
  status: 'idle' | 'loading' | 'playing' | 'paused' | 'error';
  /** 0..1 of the preview heard so far. */
  progress: number;
  problem: PreviewProblem | null;
  toggle(): void;
}

export function usePreview(trackId: number): TrackPreview {
  const state = useSyncExternalStore(previewPlayer.subscribe, previewPlayer.snapshot);
  const toggle = useCallback(() => previewPlayer.toggle(trackId), [trackId]);
  const mine = state.trackId === trackId;
  return {
    status: mine ? state.status : 'idle',
    progress: mine ? state.progress : 0,
    problem: mine ? state.problem : null,
    toggle,
  };
}

/** Stops whatever preview plays when the page showing its buttons goes away. */
export function stopPreviews(): void {
  previewPlayer.stop();
}
