// Encodes one tagged 3-second master into every store encoding with the real tools and inspects the files.

import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ENCODING_IDS,
  ENCODINGS,
  type EncodingId,
  type EncodingSpec,
} from '../../../../api/schemas/encoding-catalog.ts';
import { type EncodeRecord, probeEncoders, Transcoder } from '../../../../server/transcode/index.ts';
import { MemoryEncodeIndex } from '../../../../server/transcode/memory-encode-index.ts';
import {
  ffprobe,
  fileSha256,
  type Inspection,
  inspect,
  MASTER_TAGS,
  makeMaster,
  pcmMd5,
} from './audio-fixtures.ts';

const FFPROBE_CODEC: Record<EncodingSpec['codec'], string> = {
  mp3: 'mp3',
  aac: 'aac',
  vorbis: 'vorbis',
  opus: 'opus',
  musepack: 'musepack8',
  wma: 'wmav2',
  flac: 'flac',
  alac: 'alac',
};
const FFPROBE_FORMAT: Record<EncodingSpec['container'], string> = {
  mp3: 'mp3',
  mp4: 'mp4',
  ogg: 'ogg',
  mpc: 'mpc8',
  asf: 'asf',
  flac: 'flac',
};
const MP3_IDS = ENCODING_IDS.filter((id) => ENCODINGS[id].codec === 'mp3');
const LOSSLESS_IDS = ENCODING_IDS.filter((id) => ENCODINGS[id].mode === 'lossless');
const TRACK_ID = 7;

let dir: string;
let master: string;
const records = new Map<EncodingId, EncodeRecord>();
const inspections = new Map<EncodingId, Inspection>();

async function encodeAll(cacheDir: string): Promise<Map<EncodingId, EncodeRecord>> {
  const transcoder = new Transcoder({
    cacheDir,
    index: new MemoryEncodeIndex(),
    availability: await probeEncoders(),
    concurrency: 2,
  });
  try {
    const encoded = await Promise.all(
      ENCODING_IDS.map((encoding) =>
        transcoder.ensure({ trackId: TRACK_ID, masterPath: master, durationMs: 3000, encoding }),
      ),
    );
    return new Map(encoded.map((record) => [record.encoding, record]));
  } finally {
    await transcoder.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'megadisc-encodings-'));
  master = join(dir, 'master.flac');
  await makeMaster(master, { seconds: 3, tagged: true });
  for (const [encoding, record] of await encodeAll(join(dir, 'cache'))) records.set(encoding, record);
  await Promise.all(
    [...records].map(async ([encoding, record]) => inspections.set(encoding, await inspect(record.path))),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('encoding a master into every store encoding', () => {
  it('starts from a master that really has tags and a cover', async () => {
    const probed = await ffprobe(master);
    expect(probed.format.tags?.title ?? probed.format.tags?.TITLE).toBe(MASTER_TAGS.title);
    expect(probed.streams.some((stream) => stream.disposition?.attached_pic === 1)).toBe(true);
  });

  it.each(ENCODING_IDS)('%s has the right codec and container, lasts ~3 s', async (encoding) => {
    const spec = ENCODINGS[encoding];
    const { probe: probed, decodedSeconds } = inspections.get(encoding)!;
    expect(probed.streams).toHaveLength(1);
    expect(probed.streams[0]!.codec_type).toBe('audio');
    expect(probed.streams[0]!.codec_name).toBe(FFPROBE_CODEC[spec.codec]);
    expect(probed.streams[0]!.channels).toBe(2);
    expect(probed.streams[0]!.sample_rate).toBe(spec.codec === 'opus' ? '48000' : '44100');
    expect(probed.format.format_name.split(',')).toContain(FFPROBE_FORMAT[spec.container]);
    expect(decodedSeconds).toBeCloseTo(3, 1);
  });

  it.each(ENCODING_IDS)('%s carries no tags and no cover', async (encoding) => {
    const record = records.get(encoding)!;
    const probed = inspections.get(encoding)!.probe;
    const keys = [probed.format.tags, ...probed.streams.map((stream) => stream.tags)]
      .flatMap((tags) => Object.keys(tags ?? {}))
      .map((key) => key.toLowerCase());
    for (const tag of Object.keys(MASTER_TAGS)) expect(keys).not.toContain(tag);
    // Whatever the tag format, the values themselves must not be anywhere in the file.
    const bytes = await readFile(record.path);
    for (const value of Object.values(MASTER_TAGS)) expect(bytes.includes(value)).toBe(false);
  });

  it.each(MP3_IDS)('%s is a lame encode with the LAME header and no ID3 tag', async (encoding) => {
    const bytes = await readFile(records.get(encoding)!.path);
    const firstFrame = bytes.subarray(0, 2048);
    expect(firstFrame.includes('LAME3.100')).toBe(true);
    expect(firstFrame.includes('Xing') || firstFrame.includes('Info')).toBe(true);
    expect(bytes.subarray(0, 3).toString('latin1')).not.toBe('ID3');
    expect(bytes.subarray(-128, -125).toString('latin1')).not.toBe('TAG');
  });

  it.each(ENCODING_IDS)('%s record matches the file on disk', async (encoding) => {
    const record = records.get(encoding)!;
    expect(record).toMatchObject({ trackId: TRACK_ID, encoding });
    // Named by track, encoder version and content: a name is only ever given to one content.
    expect(record.path).toMatch(
      new RegExp(
        `/cache/${encoding}/${TRACK_ID}-[0-9a-f]{10}-[0-9a-f]{16}\\.${ENCODINGS[encoding].extension}$`,
      ),
    );
    expect(record.path).toContain(`-${record.sha256.slice(0, 16)}.`);
    expect(record.bytes).toBe((await stat(record.path)).size);
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.sha256).toBe(await fileSha256(record.path));
    expect(Number.isNaN(Date.parse(record.createdAt))).toBe(false);
  });

  it.each(LOSSLESS_IDS)('%s decodes to exactly the master samples', async (encoding) => {
    expect(await pcmMd5(records.get(encoding)!.path)).toBe(await pcmMd5(master));
  });

  it('gives byte-identical files when encoding again', async () => {
    const again = await encodeAll(join(dir, 'cache-again'));
    for (const encoding of ENCODING_IDS) {
      expect({ encoding, sha256: again.get(encoding)!.sha256 }).toEqual({
        encoding,
        sha256: records.get(encoding)!.sha256,
      });
    }
  });
});
