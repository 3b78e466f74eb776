// Finds the WM/Picture in an ASF header: music-metadata 11.16 misreads it (see readAsfPicture).
import { open } from 'node:fs/promises';

export interface AsfPicture {
  type: number;
  mimeType: string;
  description: string;
  data: Uint8Array;
}

const guid = (hex: string) => Buffer.from(hex, 'hex');
const ASF_HEADER = guid('3026b2758e66cf11a6d900aa0062ce6c');
const EXTENDED_CONTENT = guid('40a4d0d207e3d21197f000a0c95ea850');
const HEADER_EXTENSION = guid('b503bf5f2ea9cf118ee300c00c205365');
const METADATA = guid('eacbf8c5af5b77488467aa8c44fa4cca');
const METADATA_LIBRARY = guid('941c23449894d149a1411d134e457054');
/** Headers are small; a claim beyond this is damage, not metadata. */
const MAX_HEADER_BYTES = 64 * 1024 * 1024;

/** Sniffs the header GUID: the file name may not say .wma (temp copies, user renames). */
export async function isAsfFile(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await file.read(head, 0, 16, 0);
    return bytesRead === 16 && head.equals(ASF_HEADER);
  } finally {
    await file.close();
  }
}

/**
 * music-metadata's WmPictureToken builds its DataView on `buffer.buffer` without the view's
 * byteOffset, so it reads the picture's type, size and MIME type from the wrong bytes (and can throw
 * past the end). Until that is fixed upstream we parse WM/Picture ourselves; covers up to 64 KB live
 * in the Extended Content Description object, bigger ones in the Metadata Library object.
 */
export async function readAsfPicture(path: string): Promise<AsfPicture | null> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(30);
    const { bytesRead } = await file.read(head, 0, 30, 0);
    if (bytesRead < 30 || !head.subarray(0, 16).equals(ASF_HEADER)) return null;
    const size = Number(head.readBigUInt64LE(16));
    if (size < 30 || size > MAX_HEADER_BYTES) return null;
    const header = Buffer.alloc(size);
    await file.read(header, 0, size, 0);
    const pictures = [...children(header, 30, size)].flatMap(picturesIn);
    return pictures.find((p) => p.type === 3) ?? pictures[0] ?? null;
  } finally {
    await file.close();
  }
}

function* children(buf: Buffer, start: number, end: number): Generator<{ id: Buffer; body: Buffer }> {
  let pos = start;
  while (pos + 24 <= end) {
    const size = Number(buf.readBigUInt64LE(pos + 16));
    if (size < 24 || pos + size > end) return;
    yield { id: buf.subarray(pos, pos + 16), body: buf.subarray(pos + 24, pos + size) };
    pos += size;
  }
}

function picturesIn({ id, body }: { id: Buffer; body: Buffer }): AsfPicture[] {
  if (id.equals(EXTENDED_CONTENT)) return extendedContentPictures(body);
  if (id.equals(HEADER_EXTENSION) && body.length >= 22) {
    const dataSize = body.readUInt32LE(18);
    return [...children(body, 22, Math.min(body.length, 22 + dataSize))].flatMap((child) =>
      child.id.equals(METADATA) || child.id.equals(METADATA_LIBRARY)
        ? metadataRecordPictures(child.body)
        : [],
    );
  }
  return [];
}

function extendedContentPictures(body: Buffer): AsfPicture[] {
  const found: AsfPicture[] = [];
  if (body.length < 2) return found;
  let pos = 2;
  for (let i = body.readUInt16LE(0); i > 0 && pos + 2 <= body.length; i--) {
    const nameLength = body.readUInt16LE(pos);
    const name = utf16(body.subarray(pos + 2, pos + 2 + nameLength));
    pos += 2 + nameLength;
    if (pos + 4 > body.length) break;
    const valueLength = body.readUInt16LE(pos + 2);
    const value = body.subarray(pos + 4, pos + 4 + valueLength);
    pos += 4 + valueLength;
    if (name === 'WM/Picture') pushPicture(found, value);
  }
  return found;
}

function metadataRecordPictures(body: Buffer): AsfPicture[] {
  const found: AsfPicture[] = [];
  if (body.length < 2) return found;
  let pos = 2;
  for (let i = body.readUInt16LE(0); i > 0 && pos + 12 <= body.length; i--) {
    const nameLength = body.readUInt16LE(pos + 4);
    const dataLength = body.readUInt32LE(pos + 8);
    const name = utf16(body.subarray(pos + 12, pos + 12 + nameLength));
    const data = body.subarray(pos + 12 + nameLength, pos + 12 + nameLength + dataLength);
    pos += 12 + nameLength + dataLength;
    if (name === 'WM/Picture') pushPicture(found, data);
  }
  return found;
}

/** WM/Picture: type byte, data length (LE32), MIME and description (UTF-16LE, NUL-terminated), data. */
function pushPicture(found: AsfPicture[], value: Buffer): void {
  if (value.length < 9) return;
  const type = value[0]!;
  const length = value.readUInt32LE(1);
  const mimeEnd = nulAt(value, 5);
  const descriptionEnd = mimeEnd < 0 ? -1 : nulAt(value, mimeEnd + 2);
  if (descriptionEnd < 0) return;
  const start = descriptionEnd + 2;
  if (start + length > value.length) return;
  found.push({
    type,
    mimeType: utf16(value.subarray(5, mimeEnd)),
    description: utf16(value.subarray(mimeEnd + 2, descriptionEnd)),
    data: new Uint8Array(value.subarray(start, start + length)),
  });
}

/** Offset of the UTF-16 NUL at or after `from` (2-byte aligned to `from`), or -1. */
function nulAt(buf: Buffer, from: number): number {
  for (let pos = from; pos + 1 < buf.length; pos += 2) if (buf[pos] === 0 && buf[pos + 1] === 0) return pos;
  return -1;
}

const utf16 = (bytes: Buffer) => bytes.toString('utf16le').replace(/\0+$/, '');
