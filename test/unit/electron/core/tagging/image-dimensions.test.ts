import { describe, expect, it } from 'vitest';
import { imageDimensions } from '../../../../../electron/core/tagging/image-dimensions.ts';

/** SOI, an APP0 segment, then a frame header (SOFn) with the given size. */
function jpeg(width: number, height: number, sof = 0xc0, extra: number[] = []): Uint8Array {
  const app0 = [
    0xff,
    0xe0,
    0x00,
    0x10,
    ...Array.from('JFIF\0', (c) => c.charCodeAt(0)),
    1,
    1,
    0,
    0,
    1,
    0,
    1,
    0,
    0,
  ];
  const sofSegment = [0xff, sof, 0x00, 0x11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3];
  const components = [1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...extra, ...sofSegment, ...components, 0xff, 0xd9]);
}

function png(width: number, height: number): Uint8Array {
  const out = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(out, 0);
  out.writeUInt32BE(13, 8);
  out.write('IHDR', 12, 'latin1');
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.set([8, 2, 0, 0, 0], 24);
  return out;
}

describe('imageDimensions', () => {
  it('reads baseline and progressive JPEG frame headers', () => {
    expect(imageDimensions(jpeg(600, 600))).toEqual({ width: 600, height: 600, mimeType: 'image/jpeg' });
    expect(imageDimensions(jpeg(1200, 800, 0xc2))).toEqual({
      width: 1200,
      height: 800,
      mimeType: 'image/jpeg',
    });
  });

  it('skips segments that share the SOF range but are not frame headers (DHT) and fill bytes', () => {
    const dht = [0xff, 0xc4, 0x00, 0x06, 0, 0, 0, 0];
    expect(imageDimensions(jpeg(300, 150, 0xc0, [0xff, ...dht]))).toMatchObject({ width: 300, height: 150 });
  });

  it('reads PNG IHDR', () => {
    expect(imageDimensions(png(1000, 999))).toEqual({ width: 1000, height: 999, mimeType: 'image/png' });
  });

  it('returns null for truncated, damaged or other data', () => {
    const full = jpeg(600, 600);
    expect(imageDimensions(full.subarray(0, 20))).toBeNull();
    expect(imageDimensions(png(10, 10).subarray(0, 20))).toBeNull();
    expect(imageDimensions(png(0, 10))).toBeNull();
    expect(imageDimensions(jpeg(0, 600))).toBeNull();
    expect(imageDimensions(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 4, 0, 0]))).toBeNull();
    expect(imageDimensions(new TextEncoder().encode('GIF89a not supported'))).toBeNull();
    expect(imageDimensions(new Uint8Array(0))).toBeNull();
  });

  it('respects the view it is given (byteOffset), not the whole underlying buffer', () => {
    const big = new Uint8Array(1000);
    const image = png(64, 32);
    big.set(image, 500);
    expect(imageDimensions(big.subarray(500, 500 + image.length))).toMatchObject({ width: 64, height: 32 });
  });
});
