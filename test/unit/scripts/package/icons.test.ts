// The committed installer icons (scripts/package/make-icons.ts) are what each target expects:
// a large PNG for Linux, an .ico with a 256 px image for Windows, an .icns with retina sizes for macOS.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawIcon } from '../../../../scripts/package/icon-art.ts';
import { encodeIcns, encodeIco, encodePng, ICNS_TYPES } from '../../../../scripts/package/icon-formats.ts';
import { ICNS_SIZES, ICO_SIZES } from '../../../../scripts/package/make-icons.ts';

const resources = resolve(import.meta.dirname, '..', '..', '..', '..', 'resources');

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function icoSizes(ico: Buffer): number[] {
  expect(ico.readUInt16LE(2)).toBe(1);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
}

function icnsEntries(icns: Buffer): Map<string, Buffer> {
  expect(icns.toString('latin1', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const entries = new Map<string, Buffer>();
  for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
    entries.set(icns.toString('latin1', at, at + 4), icns.subarray(at + 8, at + icns.readUInt32BE(at + 4)));
  }
  return entries;
}

describe('installer icons in resources/', () => {
  it('icon.png is 1024 px square (electron-builder wants at least 512 for macOS, 256 for Windows)', () => {
    expect(pngSize(readFileSync(join(resources, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it('icon.ico holds every size Windows picks from, up to 256 px', () => {
    expect(icoSizes(readFileSync(join(resources, 'icon.ico')))).toEqual(ICO_SIZES);
  });

  it('icon.icns holds a PNG of the right size for each type, up to 1024 px', () => {
    const entries = icnsEntries(readFileSync(join(resources, 'icon.icns')));
    expect([...entries.keys()]).toEqual(ICNS_TYPES.map(([type]) => type));
    for (const [type, size] of ICNS_TYPES) {
      expect(pngSize(entries.get(type)!), type).toEqual({ width: size, height: size });
    }
  });
});

describe('icon encoders', () => {
  it('round-trip small bitmaps through the three formats', () => {
    const pngs = new Map(
      ICNS_SIZES.map((size) => [size, encodePng({ size, pixels: new Uint8Array(size * size * 4) })]),
    );
    expect(icnsEntries(encodeIcns(pngs)).size).toBe(ICNS_TYPES.length);
    expect(icoSizes(encodeIco([drawIcon(16), drawIcon(256)]))).toEqual([16, 256]);
    const art = drawIcon(32);
    // Transparent corners and centre hole, an opaque disc between.
    expect(art.pixels[3]).toBe(0);
    expect(art.pixels[(16 * 32 + 16) * 4 + 3]).toBeLessThan(255);
    expect(art.pixels[(16 * 32 + 4) * 4 + 3]).toBe(255);
  });
});
