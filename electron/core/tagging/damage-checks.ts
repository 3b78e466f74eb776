// Spots damage music-metadata parses past quietly, so readTags can fail loudly instead of returning half a tag.
import { open } from 'node:fs/promises';
import type { IAudioMetadata } from 'music-metadata';
import { hasAdtsFrames, hasMpegFrames } from './mpeg-frames.ts';

// music-metadata downgrades some failures to warnings: a parser exception mid-file ("Parse error: ...",
// typical of random bytes that happen to contain an MPEG sync) and a stream cut short (Ogg).
const FATAL_WARNINGS = [/^Parse error/i, /End-of-stream/i];

/**
 * A reason the file is damaged, or null. Scope: the tag area and the audio headers. A file cut inside
 * its audio data can still have intact tags; the download layer's size and SHA-256 checks catch that.
 */
export async function findDamage(path: string, meta: IAudioMetadata): Promise<string | null> {
  // ASF reports a codec but no sample rate, Musepack the reverse; having neither means no audio.
  if (!meta.format.sampleRate && !meta.format.codec) return 'no audio stream found';
  const fatal = meta.quality.warnings.find((w) => FATAL_WARNINGS.some((re) => re.test(w.message)));
  if (fatal) return fatal.message;
  if (meta.format.container === 'FLAC') return flacMetadataDamage(path);
  if (meta.format.container === 'MPEG') return framingDamage(path, hasMpegFrames, 'MPEG audio');
  if (meta.format.container?.startsWith('ADTS')) return framingDamage(path, hasAdtsFrames, 'ADTS');
  return null;
}

/**
 * music-metadata's MPEG and ADTS parsers accept the first frame sync they meet, so random bytes named
 * .mp3 "parse" as audio. Require a run of chained frame headers near the start of the audio instead.
 */
async function framingDamage(
  path: string,
  hasFrames: (buf: Uint8Array) => boolean,
  what: string,
): Promise<string | null> {
  const file = await open(path, 'r');
  try {
    let pos = 0;
    const head = Buffer.alloc(10);
    // Skip the ID3v2 tag(s) in front of the audio.
    for (;;) {
      const { bytesRead } = await file.read(head, 0, 10, pos);
      if (bytesRead < 10 || head.toString('latin1', 0, 3) !== 'ID3') break;
      pos += 10 + syncsafe(head, 6) + ((head[5]! & 0x10) !== 0 ? 10 : 0);
    }
    const window = Buffer.alloc(64 * 1024);
    const { bytesRead } = await file.read(window, 0, window.length, pos);
    return hasFrames(window.subarray(0, bytesRead)) ? null : `no ${what} frames found`;
  } finally {
    await file.close();
  }
}

const syncsafe = (buf: Buffer, at: number) =>
  (buf[at]! << 21) | (buf[at + 1]! << 14) | (buf[at + 2]! << 7) | buf[at + 3]!;

/**
 * music-metadata stops silently when a FLAC metadata block runs past the end of the file (it treats
 * end-of-stream as a normal end), which loses the cover or comments without a word. Walk the block
 * headers ourselves: every block must fit, the last-block flag must come, and audio must follow.
 */
async function flacMetadataDamage(path: string): Promise<string | null> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const head = Buffer.alloc(4);
    let pos = 0;
    await file.read(head, 0, 4, 0);
    // An ID3v2 tag in front of fLaC is tolerated by readers; skip it the way they do.
    if (head.toString('latin1', 0, 3) === 'ID3') {
      const id3 = Buffer.alloc(10);
      await file.read(id3, 0, 10, 0);
      pos = 10 + syncsafe(id3, 6);
    }
    pos += 4; // "fLaC"
    for (;;) {
      if (pos + 4 > size) return 'FLAC metadata is truncated';
      await file.read(head, 0, 4, pos);
      const last = (head[0]! & 0x80) !== 0;
      pos += 4 + head.readUIntBE(1, 3);
      if (pos > size) return 'FLAC metadata is truncated';
      if (last) break;
    }
    const sync = Buffer.alloc(2);
    const { bytesRead } = await file.read(sync, 0, 2, pos);
    const isFrame = bytesRead === 2 && sync[0] === 0xff && (sync[1]! & 0xfe) === 0xf8;
    return isFrame ? null : 'no FLAC audio frame after the metadata';
  } finally {
    await file.close();
  }
}
