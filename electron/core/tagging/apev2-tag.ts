// APEv2 tag bytes: render a tag (header, items, footer) and find an existing one at the end of a file.

export interface ApeItem {
  key: string;
  /** UTF-8 text (several values joined with NUL) or binary data. */
  value: string | Uint8Array;
}

const PREAMBLE = 'APETAGEX';
const VERSION_2 = 2000;
const FRAME_BYTES = 32;
const ID3V1_BYTES = 128;
// Tag flags (header and footer): bit 31 "has a header", bit 29 "this is the header". Bit 30 clear = has a footer.
const HAS_HEADER = 0x8000_0000;
const IS_HEADER = 0x2000_0000;
// Item flags, bits 1-2: 0 = UTF-8 text, 1 = binary.
const ITEM_BINARY = 1 << 1;

/** Spec: 2-255 printable ASCII characters, and not the names other tag formats start with. */
export function isValidApeKey(key: string): boolean {
  return /^[\x20-\x7e]{2,255}$/.test(key) && !['ID3', 'TAG', 'OggS', 'MP+'].includes(key);
}

export function renderApeTag(items: readonly ApeItem[]): Uint8Array {
  const seen = new Set<string>();
  const rendered = items.map(({ key, value }) => {
    // Keys are case-insensitive and must be unique: a duplicate would make readers pick either one.
    if (!isValidApeKey(key) || seen.has(key.toLowerCase())) throw new RangeError(`bad APEv2 key: ${key}`);
    seen.add(key.toLowerCase());
    const data = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    const item = Buffer.alloc(8 + key.length + 1 + data.length);
    item.writeUInt32LE(data.length, 0);
    item.writeUInt32LE(typeof value === 'string' ? 0 : ITEM_BINARY, 4);
    item.write(key, 8, 'latin1');
    item.set(data, 8 + key.length + 1);
    return item;
  });
  // The spec recommends smallest items first, so a reader that stops early still gets the text fields.
  rendered.sort((a, b) => a.length - b.length);
  const itemBytes = rendered.reduce((sum, item) => sum + item.length, 0);
  const size = itemBytes + FRAME_BYTES;
  if (size > 0xffff_ffff) throw new RangeError('APEv2 tag too large');
  const frame = (flags: number) => {
    const out = Buffer.alloc(FRAME_BYTES);
    out.write(PREAMBLE, 0, 'latin1');
    out.writeUInt32LE(VERSION_2, 8);
    out.writeUInt32LE(size, 12);
    out.writeUInt32LE(rendered.length, 16);
    out.writeUInt32LE(flags >>> 0, 20);
    return out;
  };
  return Buffer.concat([frame(HAS_HEADER | IS_HEADER), ...rendered, frame(HAS_HEADER)]);
}

/**
 * Where the audio ends, given the last bytes of a file: before an APE tag (v1 or v2) and an ID3v1
 * tag behind it, if present. `tail` must be the file's last min(fileSize, 160) bytes. Returns the
 * offset at which to cut the file, or fileSize when there is nothing to remove.
 */
export function findTrailingTags(tail: Uint8Array, fileSize: number): number {
  const at = (offset: number) => offset - (fileSize - tail.length);
  const text = (offset: number, length: number) =>
    Buffer.from(tail.buffer, tail.byteOffset + at(offset), length).toString('latin1');
  let end = fileSize;
  if (end >= ID3V1_BYTES && at(end - ID3V1_BYTES) >= 0 && text(end - ID3V1_BYTES, 3) === 'TAG') {
    end -= ID3V1_BYTES;
  }
  if (end < FRAME_BYTES || at(end - FRAME_BYTES) < 0 || text(end - FRAME_BYTES, 8) !== PREAMBLE) return end;
  const footer = Buffer.from(tail.buffer, tail.byteOffset + at(end - FRAME_BYTES), FRAME_BYTES);
  const size = footer.readUInt32LE(12);
  const flags = footer.readUInt32LE(20);
  if ((flags & IS_HEADER) !== 0) return end; // a stray header is not a tag we can bound
  const version = footer.readUInt32LE(8);
  // APEv1 tags have no header; APEv2 has one when bit 31 says so.
  const header = version >= VERSION_2 && (flags & HAS_HEADER) !== 0 ? FRAME_BYTES : 0;
  const start = end - size - header;
  return size >= FRAME_BYTES && start >= 0 ? start : end;
}
