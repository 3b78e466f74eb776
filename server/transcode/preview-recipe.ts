// The free preview of a track: which 30 seconds, and how they are encoded. One more recipe next to the
// sold encodings in recipes.ts, but never one of them: it is not in ENCODING_IDS, so nothing can order it.

import { createHash } from 'node:crypto';
import { type Binaries, decodeArgs } from './recipes.ts';
import type { Stage } from './run-pipeline.ts';

export const PREVIEW_MAX_MS = 30_000;
/** Shorter tracks get at most half of themselves, so a preview can never be the whole track. */
const SHORT_TRACK_MS = 2 * PREVIEW_MAX_MS;
const FADE_IN_MS = 1_000;
const FADE_OUT_MS = 2_000;
/** Opus in Ogg: Chromium, Firefox and Safari 17+ play it, and 96 kbit/s keeps 30 s near 360 kB. */
export const PREVIEW_MIME_TYPE = 'audio/ogg; codecs=opus';
export const PREVIEW_EXTENSION = 'ogg';
const PREVIEW_CODEC_ARGS = ['-c:a', 'libopus', '-b:a', '96k', '-f', 'ogg'];
/** Bumped when the window rule below changes, so cached previews of the old rule miss. */
const WINDOW_RULE = 1;

export interface PreviewWindow {
  startMs: number;
  lengthMs: number;
}

/**
 * 30 s from a third of the way in (past most intros), clamped to end before the track does; a track
 * under a minute gets its middle half at most.
 */
export function previewWindow(durationMs: number): PreviewWindow {
  const duration = Math.max(0, Math.floor(durationMs));
  if (duration < SHORT_TRACK_MS) {
    const lengthMs = Math.floor(duration / 2);
    return { startMs: Math.floor(duration / 4), lengthMs };
  }
  const lengthMs = PREVIEW_MAX_MS;
  return { startMs: Math.min(Math.floor(duration / 3), duration - lengthMs), lengthMs };
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** The ffmpeg run: decode the master, cut the window, fade both ends, encode. */
export function previewStages(input: string, output: string, bin: Binaries, window: PreviewWindow): Stage[] {
  const fadeIn = Math.min(FADE_IN_MS, window.lengthMs / 10);
  const fadeOut = Math.min(FADE_OUT_MS, window.lengthMs / 5);
  const filter = [
    `atrim=start=${seconds(window.startMs)}:duration=${seconds(window.lengthMs)}`,
    'asetpts=PTS-STARTPTS',
    `afade=t=in:st=0:d=${seconds(fadeIn)}`,
    `afade=t=out:st=${seconds(window.lengthMs - fadeOut)}:d=${seconds(fadeOut)}`,
  ].join(',');
  return [
    {
      name: 'ffmpeg',
      command: bin.ffmpeg,
      args: [...decodeArgs(input), '-af', filter, ...PREVIEW_CODEC_ARGS, '-y', output],
    },
  ];
}

/** Short hash of the preview's argument template and window rule: part of its cache version. */
export function previewRecipeHash(): string {
  const template = previewStages(
    '{input}',
    '{output}',
    { ffmpeg: 'ffmpeg', lame: 'lame', mpcenc: 'mpcenc' },
    {
      startMs: 0,
      lengthMs: 0,
    },
  );
  return createHash('sha256')
    .update(JSON.stringify({ template, rule: WINDOW_RULE }))
    .digest('hex')
    .slice(0, 8);
}
