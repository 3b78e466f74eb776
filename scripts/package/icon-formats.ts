// Encodes icon bitmaps as PNG, Windows .ico and macOS .icns, the three files the installers take.
import { crc32, deflateSync } from 'node:zlib';
import type { Bitmap } from './icon-art.ts';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** 8-bit RGBA PNG, no filtering (the art is flat colour: deflate alone does well). */
export function encodePng({ size, pixels }: Bitmap): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) {
    rows.set(pixels.subarray(row * size * 4, (row + 1) * size * 4), row * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/**
 * A 32-bit BMP entry as .ico files hold it: a BITMAPINFOHEADER of twice the height (colour rows then
 * the AND mask), rows bottom-up, BGRA. Windows reads PNG entries too, but tools such as NSIS's resource
 * writer are happiest with bitmaps below 256 px, which is how Windows' own icons come.
 */
function icoBitmap({ size, pixels }: Bitmap): Buffer {
  const maskRow = Math.ceil(size / 32) * 4;
  const out = Buffer.alloc(40 + size * size * 4 + maskRow * size);
  out.writeUInt32LE(40, 0);
  out.writeInt32LE(size, 4);
  out.writeInt32LE(size * 2, 8);
  out.writeUInt16LE(1, 12);
  out.writeUInt16LE(32, 14);
  out.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const from = (row * size + col) * 4;
      const to = 40 + ((size - 1 - row) * size + col) * 4;
      out[to] = pixels[from + 2]!;
      out[to + 1] = pixels[from + 1]!;
      out[to + 2] = pixels[from]!;
      out[to + 3] = pixels[from + 3]!;
    }
  }
  // The AND mask stays all zeros: the alpha channel already says what is transparent.
  return out;
}

/** Sizes at or above 256 px go in as PNG (Vista and later), the rest as bitmaps. */
export function encodeIco(bitmaps: Bitmap[]): Buffer {
  const images = bitmaps.map((b) => (b.size >= 256 ? encodePng(b) : icoBitmap(b)));
  const header = Buffer.alloc(6 + 16 * bitmaps.length);
  header.writeUInt16LE(1, 2); // type 1: icon
  header.writeUInt16LE(bitmaps.length, 4);
  let offset = header.length;
  bitmaps.forEach((b, i) => {
    const at = 6 + 16 * i;
    header[at] = b.size >= 256 ? 0 : b.size; // 0 means 256
    header[at + 1] = b.size >= 256 ? 0 : b.size;
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(images[i]!.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += images[i]!.length;
  });
  return Buffer.concat([header, ...images]);
}

/** The PNG-holding .icns types (macOS 10.7 and later) by pixel size; @2x variants share the bitmaps. */
export const ICNS_TYPES: ReadonlyArray<readonly [type: string, size: number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

export function encodeIcns(pngBySize: ReadonlyMap<number, Buffer>): Buffer {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = pngBySize.get(size);
    if (!png) throw new Error(`no ${size} px PNG for the .icns ${type} entry`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}
