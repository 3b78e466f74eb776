// Every store encoding: make it as the store does, tag it, read it back with music-metadata, check the audio.
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile } from 'music-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCODING_IDS, ENCODINGS, type EncodingId } from '../../../../../api/schemas/encoding-catalog.ts';
import { readTags, writeTags } from '../../../../../electron/core/tagging/index.ts';
import { fullTags } from '../../../../helpers/tag-data.ts';
import { audioMd5, id3v2Size, makeCover, makeMaster, makeStoreFiles } from './fixtures.ts';

let dir: string;
let untagged: Map<EncodingId, string>;
let jpeg: Uint8Array;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'megadisc-tagging-'));
  const master = await makeMaster(dir);
  [untagged, jpeg] = await Promise.all([
    makeStoreFiles(dir, master, ENCODING_IDS),
    makeCover(dir, 600, 'jpeg'),
  ]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fresh copy of the store's untagged file, so every test starts from what a download delivers. */
async function download(id: EncodingId, name: string = id): Promise<string> {
  const path = join(dir, `${name}.${ENCODINGS[id].extension}`);
  await copyFile(untagged.get(id)!, path);
  return path;
}

describe.each(ENCODING_IDS)('%s', (id) => {
  it('writes every field natively, reads back identically, and leaves the audio alone', async () => {
    const path = await download(id);
    const before = await audioMd5(path);
    const original = await readFile(path);

    await writeTags(path, id, fullTags(), { cover: { data: jpeg, mimeType: 'image/jpeg' } });

    const system = ENCODINGS[id].container;
    // music-metadata 11.16 misparses WM/Picture (see asf-picture.ts), so ASF covers are checked via readTags.
    const meta = await parseFile(path, { skipCovers: system === 'asf' });
    const c = meta.common;
    expect(meta.format.tagTypes).toEqual([
      { mp3: 'ID3v2.4', mp4: 'iTunes', ogg: 'vorbis', flac: 'vorbis', mpc: 'APEv2', asf: 'asf' }[system],
    ]);
    expect(c.title).toBe('Night Drive ✓ 🌙');
    expect(c.artists).toEqual(['Ana Lima', 'The Echo Unit']);
    expect(c.album).toBe('Megadisc Sessions');
    expect(c.albumartist).toBe('Various Artists');
    expect(c.track).toEqual({ no: 3, of: system === 'asf' ? null : 12 });
    expect(c.disk).toEqual({ no: 1, of: 2 });
    expect(c.year).toBe(2021);
    expect(c.date).toBe(system === 'asf' ? '2021' : '2021-05-07');
    expect(c.genre).toEqual(['Electronic', 'Ambient']);
    expect(c.label).toEqual(['Megadisc Records']);
    expect(c.isrc).toEqual(['USRC17607839']);
    // music-metadata maps no ReplayGain at all for ASF and no album gain for APEv2; readTags below
    // takes those from the native fields.
    if (system !== 'asf') {
      expect(c.replaygain_track_gain?.dB).toBeCloseTo(-6.52, 6);
      expect(c.replaygain_track_peak?.ratio).toBeCloseTo(0.987654, 6);
    }
    if (system !== 'asf' && system !== 'mpc') {
      expect(c.replaygain_album_gain?.dB).toBeCloseTo(-7.1, 6);
      expect(c.replaygain_album_peak?.ratio).toBeCloseTo(0.999123, 6);
    }
    if (system !== 'asf') {
      // For SV8 Musepack music-metadata parses the APE tag twice (mpcenc's own tags too), hence >= 1.
      expect(c.picture?.length).toBeGreaterThanOrEqual(1);
      expect(c.picture![0]!.format).toBe('image/jpeg');
      expect(Buffer.from(c.picture![0]!.data).equals(jpeg)).toBe(true);
    }

    // The normalized view: store ids, album gain and the cover for every format, ASF's track total.
    const read = await readTags(path);
    expect(read.storeIds).toEqual({
      trackId: 1001,
      albumId: 2002,
      artistId: 3003,
      orderId: 'ord_AbCdEfGhIj0123',
    });
    expect(read.replayGain).toEqual({
      trackGainDb: -6.52,
      trackPeak: 0.987654,
      albumGainDb: -7.1,
      albumPeak: 0.999123,
    });
    expect(read.trackTotal).toBe(12);
    expect(read.cover).toMatchObject({ mimeType: 'image/jpeg', width: 600, height: 600 });
    expect(Buffer.from(read.cover!.data).equals(jpeg)).toBe(true);

    expect(await audioMd5(path)).toBe(before);
    expect((await readdir(dir)).filter((name) => name.includes('.tagging-'))).toEqual([]);

    const tagged = await readFile(path);
    if (system === 'mp3') {
      // A real 2.4 header, and after it the untouched original: Xing/Info + LAME frame and all the audio.
      expect(tagged[3]).toBe(4);
      expect(tagged.subarray(id3v2Size(tagged)).equals(original)).toBe(true);
      expect(original.includes('LAME')).toBe(true);
    }
    if (system === 'mpc') {
      expect(tagged.subarray(0, original.length).equals(original)).toBe(true);
      expect(tagged.toString('latin1').split('Cover Art (Front)')).toHaveLength(2); // one cover item
      expect(tagged.toString('latin1', original.length, original.length + 8)).toBe('APETAGEX');
      expect(tagged.toString('latin1', tagged.length - 32, tagged.length - 24)).toBe('APETAGEX');
    }
    if (system === 'flac') expect(flacBlockTypes(tagged)).toContain(6); // native PICTURE block
    if (id === 'opus-160') {
      const opus = meta.native.vorbis!;
      expect(opus.find((t) => t.id === 'R128_TRACK_GAIN')?.value).toBe(String(Math.round((-6.52 - 5) * 256)));
      expect(opus.find((t) => t.id === 'ENCODER')?.value).toMatch(/libopus/);
    }
  });
});

describe('options and re-tagging', () => {
  it('writes a real ID3v2.3 tag on request, with "/"-joined artists and TYER/TDAT', async () => {
    const path = await download('mp3-v0', 'v23');
    const before = await audioMd5(path);
    await writeTags(path, 'mp3-v0', fullTags(), {
      id3Version: 3,
      cover: { data: jpeg, mimeType: 'image/jpeg' },
    });
    const tagged = await readFile(path);
    expect(tagged.toString('latin1', 0, 3)).toBe('ID3');
    expect(tagged[3]).toBe(3);
    const meta = await parseFile(path);
    expect(meta.format.tagTypes).toEqual(['ID3v2.3']);
    const frames = new Map(meta.native['ID3v2.3']!.map((t) => [t.id, t.value]));
    expect(frames.get('TYER')).toBe('2021');
    expect(frames.get('TDAT')).toBe('0705');
    expect(frames.has('TDRC')).toBe(false);
    expect(meta.common.artists).toEqual(['Ana Lima', 'The Echo Unit']);
    expect(meta.common.genre).toEqual(['Electronic; Ambient']);
    expect(Buffer.from(meta.common.picture![0]!.data).equals(jpeg)).toBe(true);
    expect(await audioMd5(path)).toBe(before);
  });

  it('replaces earlier tags instead of stacking them', async () => {
    for (const id of ['mp3-320', 'mpc-standard', 'flac', 'aac-128', 'wma-192', 'vorbis-q6'] as const) {
      const path = await download(id, `retag-${id}`);
      await writeTags(path, id, fullTags({ title: 'First', genres: ['Rock', 'Pop', 'Jazz'] }), {
        cover: { data: jpeg, mimeType: 'image/jpeg' },
      });
      await writeTags(path, id, fullTags({ title: 'Second', genres: ['Folk'], label: null }));
      const meta = await parseFile(path, { skipCovers: id === 'wma-192' });
      expect(meta.common.title, id).toBe('Second');
      expect(meta.common.genre, id).toEqual(['Folk']);
      expect(meta.common.label, id).toBeUndefined();
      expect((await readTags(path)).cover, id).toBeNull();
      expect(meta.format.tagTypes, id).toHaveLength(1);
    }
  });

  it('writes a PNG cover too', async () => {
    const png = await makeCover(dir, 300, 'png');
    for (const id of ['mp3-128', 'alac', 'opus-160', 'mpc-standard', 'wma-192'] as const) {
      const path = await download(id, `png-${id}`);
      await writeTags(path, id, fullTags(), { cover: { data: png, mimeType: 'image/png' } });
      const read = await readTags(path);
      expect(read.cover, id).toMatchObject({ mimeType: 'image/png', width: 300, height: 300 });
      expect(Buffer.from(read.cover!.data).equals(png), id).toBe(true);
    }
  });
});

/** Metadata block types of a FLAC file, in order. */
function flacBlockTypes(file: Buffer): number[] {
  const types: number[] = [];
  let pos = 4;
  for (;;) {
    const header = file[pos]!;
    types.push(header & 0x7f);
    pos += 4 + file.readUIntBE(pos + 1, 3);
    if (header & 0x80) return types;
  }
}
