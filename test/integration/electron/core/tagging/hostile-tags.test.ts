// Hostile store metadata (NULs, controls, huge strings, emoji, RTL, lone surrogates) must not break files.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile } from 'music-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCODINGS, type EncodingId } from '../../../../../api/schemas/encoding-catalog.ts';
import { readTags, writeTags } from '../../../../../electron/core/tagging/index.ts';
import { MAX_TEXT_BYTES } from '../../../../../electron/core/tagging/sanitize-text.ts';
import { fullTags } from '../../../../helpers/tag-data.ts';
import { audioMd5, makeCover, makeMaster, makeStoreFiles } from './fixtures.ts';

const CASES: Array<{ name: string; id: EncodingId; id3Version?: 3 | 4 }> = [
  { name: 'mp3 (ID3v2.4)', id: 'mp3-320' },
  { name: 'mp3 (ID3v2.3)', id: 'mp3-128', id3Version: 3 },
  { name: 'aac', id: 'aac-128' },
  { name: 'alac', id: 'alac' },
  { name: 'vorbis', id: 'vorbis-q6' },
  { name: 'opus', id: 'opus-160' },
  { name: 'musepack', id: 'mpc-standard' },
  { name: 'wma', id: 'wma-192' },
  { name: 'flac', id: 'flac' },
];

const RTL = 'שלום \u202bمرحبا بالعالم\u202c';
const EMOJI = '👩‍👩‍👧‍👦🏳️‍🌈';
const hostile = fullTags({
  title: `A\0B\u0001C\u001b[31m ${RTL} ${EMOJI} ${'Ω'.repeat(300_000)}`,
  artists: ['Björk\0', '\ud800 lone', '', 'Björk', EMOJI, 'x'.repeat(5_000)],
  album: 'Line one\r\nline two\ttabbed\u2028sep',
  albumArtist: ' \t\0 ',
  genres: ['Rock (Live)', 'Jazz', '\u0000'],
  label: 'Label\u0007Bell\u007f',
  isrc: 'ZZ-not-an-isrc',
  storeIds: { trackId: -1, albumId: 2002, artistId: 3003.5, orderId: `ord_${'Q'.repeat(1_000)}\0` },
  trackNumber: 0,
  trackTotal: 99_999,
  replayGain: {
    trackGainDb: Number.NaN,
    trackPeak: 0.5,
    albumGainDb: Number.POSITIVE_INFINITY,
    albumPeak: null,
  },
});

let dir: string;
let files: Map<EncodingId, string>;
let cover: Uint8Array;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'megadisc-hostile-'));
  const master = await makeMaster(dir);
  [files, cover] = await Promise.all([
    makeStoreFiles(dir, master, [...new Set(CASES.map((c) => c.id))]),
    makeCover(dir, 600, 'jpeg'),
  ]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(CASES)('$name', ({ id, id3Version }) => {
  it('writes sanitized, bounded tags and leaves a playable file with the same audio', async () => {
    const path = join(dir, `hostile-${id}-${id3Version ?? 4}.${ENCODINGS[id].extension}`);
    await copyFile(files.get(id)!, path);
    const before = await audioMd5(path);

    await writeTags(path, id, hostile, { id3Version, cover: { data: cover, mimeType: 'image/jpeg' } });

    expect(await audioMd5(path)).toBe(before);
    await expect(parseFile(path, { skipCovers: true })).resolves.toBeTruthy();
    const read = await readTags(path);
    expect(read.title?.startsWith(`ABC[31m ${RTL} ${EMOJI} ΩΩ`)).toBe(true);
    expect(Buffer.byteLength(read.title!)).toBeLessThanOrEqual(MAX_TEXT_BYTES);
    expect([...read.title!].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)).toBe(false);
    const artists = read.artists.join('|');
    expect(artists).toContain('Björk');
    expect(artists).toContain('\ufffd lone');
    expect(artists).toContain(EMOJI);
    expect(artists).not.toContain('\0');
    expect(read.album).toBe('Line one line two tabbed sep');
    expect(read.albumArtist).toBeNull();
    // ID3v2.3 keeps genres as one '; '-joined value.
    expect(read.genres.join('; ')).toContain('Jazz');
    expect(read.label).toBe('LabelBell');
    expect(read.isrc).toBeNull();
    expect(read.trackNumber).toBeNull();
    expect(read.storeIds).toEqual({
      trackId: null,
      albumId: 2002,
      artistId: null,
      orderId: `ord_${'Q'.repeat(124)}`,
    });
    expect(read.replayGain).toEqual({
      trackGainDb: null,
      trackPeak: 0.5,
      albumGainDb: null,
      albumPeak: null,
    });
    expect(read.cover?.width).toBe(600);
  });
});
