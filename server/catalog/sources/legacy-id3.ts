// Writes tags the way old Windows taggers did: Windows-1251 bytes in ID3v2.3 frames marked ISO-8859-1
// and in ID3v1 tags. The demo catalog's legacy-tagged album is made with these, and tests build their
// fixtures from them; legacy-tag-text.ts is the reading side.
import { readFile, writeFile } from 'node:fs/promises';

const CP1251_BYTES = (() => {
  const decoder = new TextDecoder('windows-1251');
  const map = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) map.set(decoder.decode(Uint8Array.of(byte)), byte);
  return map;
})();

/** Whether every character of `text` has a Windows-1251 byte (Russian, Ukrainian, Belarusian, ASCII, «»…). */
export function isCp1251Encodable(text: string): boolean {
  return [...text].every((c) => CP1251_BYTES.has(c));
}

export function cp1251Bytes(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const byte = CP1251_BYTES.get(c);
      if (byte === undefined) throw new Error(`${c} has no Windows-1251 byte`);
      return byte;
    }),
  );
}

export interface LegacyTags {
  /** The bytes the tagger wrote: Windows-1251 (the legacy case) or real ISO-8859-1. Default cp1251. */
  charset?: 'cp1251' | 'latin1';
  title: string;
  artist: string;
  album: string;
  albumArtist?: string;
  track?: number;
  year?: string;
  /** ID3v2 only (TCON, free text); ID3v1 has a fixed list of genre numbers and gets none. */
  genre?: string;
  /** ID3v2 only (TPUB). */
  label?: string;
  /** ID3v2 only (TSRC). */
  isrc?: string;
}

/** The most an ID3v1 text field holds; old taggers cut longer text there. */
export const ID3V1_FIELD_BYTES = 30;

function encode(text: string, charset: LegacyTags['charset']): Buffer {
  if (charset !== 'latin1') return cp1251Bytes(text);
  if ([...text].some((c) => c.charCodeAt(0) > 0xff)) throw new Error(`${text} is not ISO-8859-1`);
  return Buffer.from(text, 'latin1');
}

function synchsafe(n: number): Buffer {
  return Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
}

/** ID3v2.3 with every text frame in encoding 0x00 ("ISO-8859-1") holding Windows-1251 bytes. */
export function legacyId3v23(tags: LegacyTags): Buffer {
  const text: [string, string | undefined][] = [
    ['TIT2', tags.title],
    ['TPE1', tags.artist],
    ['TALB', tags.album],
    ['TPE2', tags.albumArtist],
    ['TRCK', tags.track === undefined ? undefined : String(tags.track)],
    ['TYER', tags.year],
    ['TCON', tags.genre],
    ['TPUB', tags.label],
    ['TSRC', tags.isrc],
  ];
  const frames = text
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([id, value]) => {
      const body = Buffer.concat([Buffer.from([0x00]), encode(value, tags.charset)]);
      const header = Buffer.alloc(10);
      header.write(id, 0, 'latin1');
      header.writeUInt32BE(body.length, 4); // v2.3 frame sizes are plain, not synchsafe
      return Buffer.concat([header, body]);
    });
  const body = Buffer.concat(frames);
  return Buffer.concat([Buffer.from('ID3\x03\x00\x00', 'latin1'), synchsafe(body.length), body]);
}

/** The 128-byte ID3v1.1 tag, fields in Windows-1251 and cut at 30 bytes as old taggers did. */
export function legacyId3v1(tags: LegacyTags): Buffer {
  const tag = Buffer.alloc(128);
  tag.write('TAG', 0, 'latin1');
  const field = (value: string | undefined, offset: number, length: number) =>
    encode(value ?? '', tags.charset)
      .subarray(0, length)
      .copy(tag, offset);
  field(tags.title, 3, ID3V1_FIELD_BYTES);
  field(tags.artist, 33, ID3V1_FIELD_BYTES);
  field(tags.album, 63, ID3V1_FIELD_BYTES);
  field(tags.year, 93, 4);
  tag[126] = tags.track ?? 0;
  tag[127] = 255; // no genre
  return tag;
}

/** Appends an `id3 ` chunk to a RIFF/WAVE file (fixing the RIFF size), then optionally an ID3v1 tag after it. */
export async function addLegacyTags(
  path: string,
  tags: LegacyTags,
  opts: { v1?: boolean; v2?: boolean } = {},
): Promise<void> {
  let wav = await readFile(path);
  if (wav.toString('latin1', 0, 4) !== 'RIFF') throw new Error(`${path} is not a RIFF file`);
  if (opts.v2 ?? true) {
    const id3 = legacyId3v23(tags);
    const chunk = Buffer.alloc(8 + id3.length + (id3.length % 2));
    chunk.write('id3 ', 0, 'latin1');
    chunk.writeUInt32LE(id3.length, 4);
    id3.copy(chunk, 8);
    wav = Buffer.concat([wav, chunk]);
    wav.writeUInt32LE(wav.length - 8, 4);
  }
  if (opts.v1 ?? true) wav = Buffer.concat([wav, legacyId3v1(tags)]);
  await writeFile(path, wav);
}

/** Appends an ID3v1 tag to any file: what the oldest taggers did to FLAC files as well as MP3s. */
export async function appendLegacyId3v1(path: string, tags: LegacyTags): Promise<void> {
  await writeFile(path, legacyId3v1(tags), { flag: 'a' });
}
