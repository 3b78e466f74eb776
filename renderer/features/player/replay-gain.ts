// ReplayGain as a volume factor: the track's or the album's gain from the file's tags (the other
// when one is missing), never loud enough to push the known peak past full scale.
import type { ReplayGainMode } from '../../../electron/shared/app-api/domain.ts';
import type { ReplayGainTags } from './player-queue.ts';

export interface AppliedGain {
  /** Multiplies the listener's volume. */
  factor: number;
  /** The gain actually applied in dB (after the peak limit), or null when none applies. */
  db: number | null;
}

const NONE: AppliedGain = { factor: 1, db: null };

export function replayGainFor(mode: ReplayGainMode, tags: ReplayGainTags): AppliedGain {
  if (mode === 'off') return NONE;
  const track = { db: tags.trackGainDb, peak: tags.trackPeak };
  const album = { db: tags.albumGainDb, peak: tags.albumPeak };
  const [first, second] = mode === 'album' ? [album, track] : [track, album];
  const chosen = first.db !== null ? first : second;
  if (chosen.db === null || !Number.isFinite(chosen.db)) return NONE;
  let factor = 10 ** (chosen.db / 20);
  if (chosen.peak !== null && chosen.peak > 0) factor = Math.min(factor, 1 / chosen.peak);
  return { factor, db: Math.round(20 * Math.log10(factor) * 10) / 10 };
}

/** The element's volume (0..1): an element cannot amplify, so a positive gain uses the headroom left. */
export function elementVolume(volume: number, muted: boolean, gain: AppliedGain): number {
  if (muted) return 0;
  return Math.max(0, Math.min(1, volume * gain.factor));
}
