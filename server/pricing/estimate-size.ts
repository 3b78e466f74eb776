// Size estimates per encoding, before a track has been encoded. The high end is what an order
// reserves, so it is deliberately generous; the settle charges the exact size and releases the rest.
import { ENCODINGS, type EncodingId } from '../../api/schemas/encoding-catalog.ts';

export interface TrackAudio {
  durationMs: number;
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  masterBytes: number;
  /** Whether the master is FLAC (its size is then a good guide to a lossless encode). */
  masterIsFlac: boolean;
}

export interface SizeEstimate {
  bytes: number;
  lowBytes: number;
  highBytes: number;
}

/** Fixed per-file overhead by container: headers, seek tables, atoms. */
const CONTAINER_OVERHEAD: Record<string, number> = {
  // LAME's Info frame plus encoder delay and padding frames.
  mp3: 4_096,
  mp4: 8_192,
  ogg: 8_192,
  mpc: 2_048,
  asf: 8_192,
  flac: 16_384,
};

export function estimateSize(encoding: EncodingId, audio: TrackAudio): SizeEstimate {
  const spec = ENCODINGS[encoding];
  const seconds = audio.durationMs / 1000;
  const overhead = CONTAINER_OVERHEAD[spec.container] ?? 8_192;
  if (spec.mode === 'lossless') {
    const pcm = seconds * audio.sampleRate * audio.channels * (audio.bitsPerSample / 8);
    // Lossless coders fall back to verbatim frames, so raw PCM plus framing bounds the size.
    const ceiling = pcm * 1.02 + overhead;
    const guess = audio.masterIsFlac ? audio.masterBytes * (encoding === 'alac' ? 1.04 : 1) : pcm * 0.6;
    const mid = Math.min(guess, ceiling);
    return {
      bytes: Math.round(mid),
      lowBytes: Math.round(mid * 0.85),
      highBytes: Math.round(audio.masterIsFlac ? Math.min(mid * 1.15 + overhead, ceiling) : ceiling),
    };
  }
  // Containers add a little per packet on top of the codec bitrate (ogg pages, mp4 sample tables).
  const framing = spec.container === 'mp3' || spec.container === 'mpc' ? 1.0 : 1.02;
  const bytesAt = (kbps: number) => ((kbps * 1000) / 8) * seconds * framing + overhead;
  return {
    bytes: Math.round(bytesAt(spec.nominalKbps!)),
    lowBytes: Math.round(bytesAt(spec.minKbps!) * (spec.mode === 'cbr' ? 0.98 : 1)),
    highBytes: Math.round(bytesAt(spec.maxKbps!) * 1.02),
  };
}
