// Tells real MPEG audio (MP1-3, ADTS AAC) from noise: frame headers that chain, as sniffers require.

// kbit/s by [version group][layer]: V1 = MPEG-1, V2 = MPEG-2 and 2.5 (which share tables).
const BITRATES = {
  v1: {
    1: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
    2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
    3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  },
  v2: {
    1: [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    3: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  },
} as const;
const SAMPLE_RATES = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] } as const;

interface FrameHeader {
  length: number;
  /** Version, layer and sample rate: fixed for a whole stream. */
  signature: number;
}

function frameAt(buf: Uint8Array, pos: number): FrameHeader | null {
  if (pos + 4 > buf.length || buf[pos] !== 0xff || (buf[pos + 1]! & 0xe0) !== 0xe0) return null;
  const b1 = buf[pos + 1]!;
  const b2 = buf[pos + 2]!;
  const version = (b1 >> 3) & 3; // 0 = 2.5, 1 = reserved, 2 = MPEG-2, 3 = MPEG-1
  const layer = 4 - ((b1 >> 1) & 3); // 1..3; 4 = reserved
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (version === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
    return null;
  const kbps = BITRATES[version === 3 ? 'v1' : 'v2'][layer as 1 | 2 | 3][bitrateIndex]!;
  const rate = SAMPLE_RATES[version as 0 | 2 | 3][rateIndex]!;
  const padding = (b2 >> 1) & 1;
  const length =
    layer === 1
      ? (Math.floor((12_000 * kbps) / rate) + padding) * 4
      : Math.floor(((layer === 3 && version !== 3 ? 72_000 : 144_000) * kbps) / rate) + padding;
  return { length, signature: (b1 & 0xfe) * 4 + rateIndex };
}

/**
 * True when, somewhere in `buf`, `run` frame headers follow each other exactly (each one where the
 * previous frame's length says the next begins) with the same version, layer and sample rate. Noise
 * passes a single sync check often, four chained ones practically never.
 */
export function hasMpegFrames(buf: Uint8Array, run = 4): boolean {
  return hasChainedFrames(buf, frameAt, run);
}

/** The same for ADTS, the framing of raw .aac streams, which music-metadata also accepts on one sync. */
export function hasAdtsFrames(buf: Uint8Array, run = 4): boolean {
  return hasChainedFrames(buf, adtsFrameAt, run);
}

function adtsFrameAt(buf: Uint8Array, pos: number): FrameHeader | null {
  if (pos + 7 > buf.length || buf[pos] !== 0xff || (buf[pos + 1]! & 0xf6) !== 0xf0) return null;
  const rateIndex = (buf[pos + 2]! >> 2) & 0x0f;
  const length = ((buf[pos + 3]! & 0x03) << 11) | (buf[pos + 4]! << 3) | (buf[pos + 5]! >> 5);
  if (rateIndex > 12 || length < 7) return null;
  return { length, signature: (buf[pos + 1]! & 0x08) * 16 + rateIndex };
}

function hasChainedFrames(
  buf: Uint8Array,
  parse: (buf: Uint8Array, pos: number) => FrameHeader | null,
  run: number,
): boolean {
  for (let start = 0; start + 4 <= buf.length; start++) {
    const first = parse(buf, start);
    if (!first) continue;
    let pos = start + first.length;
    let chained = 1;
    while (chained < run) {
      const next = parse(buf, pos);
      if (!next || next.signature !== first.signature) break;
      pos += next.length;
      chained++;
    }
    if (chained === run) return true;
  }
  return false;
}
