// Which encodings the UI's own audio element can decode. Chromium plays MP3, AAC, Vorbis, Opus and
// FLAC; it has no decoder for WMA or Musepack, and ALAC in MP4 depends on the build: each is asked.
import { ENCODINGS, type EncodingId, type EncodingSpec } from '../../../api/schemas/encoding-catalog.ts';

/** The type with codecs, as canPlayType needs it: "audio/mp4" alone cannot tell AAC from ALAC. */
const PROBE_TYPES: Record<EncodingSpec['codec'], string> = {
  mp3: 'audio/mpeg',
  aac: 'audio/mp4; codecs="mp4a.40.2"',
  vorbis: 'audio/ogg; codecs="vorbis"',
  opus: 'audio/ogg; codecs="opus"',
  flac: 'audio/flac',
  alac: 'audio/mp4; codecs="alac"',
  wma: 'audio/x-ms-wma',
  musepack: 'audio/x-musepack',
};

/** Format names as the formats call themselves (not translated). */
export const FORMAT_NAMES: Record<EncodingSpec['codec'], string> = {
  mp3: 'MP3',
  aac: 'AAC',
  vorbis: 'Ogg Vorbis',
  opus: 'Opus',
  flac: 'FLAC',
  alac: 'ALAC',
  wma: 'WMA',
  musepack: 'Musepack',
};

export type CanPlay = (encoding: EncodingId) => boolean;

export function formatName(encoding: EncodingId): string {
  return FORMAT_NAMES[ENCODINGS[encoding].codec];
}

/** Asks a real audio element, once per codec. */
export function browserCanPlay(): CanPlay {
  const answers = new Map<string, boolean>();
  return (encoding) => {
    const codec = ENCODINGS[encoding].codec;
    let answer = answers.get(codec);
    if (answer === undefined) {
      answer =
        typeof document !== 'undefined' &&
        document.createElement('audio').canPlayType(PROBE_TYPES[codec]) !== '';
      answers.set(codec, answer);
    }
    return answer;
  };
}
