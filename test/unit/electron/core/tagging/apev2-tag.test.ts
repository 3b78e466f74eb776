import { describe, expect, it } from 'vitest';
import {
  findTrailingTags,
  isValidApeKey,
  renderApeTag,
} from '../../../../../electron/core/tagging/apev2-tag.ts';

const u32 = (buf: Buffer, at: number) => buf.readUInt32LE(at);

describe('renderApeTag', () => {
  const tag = Buffer.from(
    renderApeTag([
      { key: 'Title', value: 'Héllo' },
      { key: 'Cover Art (Front)', value: Uint8Array.from([1, 2, 3]) },
      { key: 'Artist', value: 'A\0B' },
    ]),
  );

  it('has a 32-byte header and footer with version 2000, size and item count', () => {
    for (const at of [0, tag.length - 32]) {
      expect(tag.toString('latin1', at, at + 8)).toBe('APETAGEX');
      expect(u32(tag, at + 8)).toBe(2000);
      expect(u32(tag, at + 12)).toBe(tag.length - 32); // items + footer, header excluded
      expect(u32(tag, at + 16)).toBe(3);
      expect(tag.subarray(at + 24, at + 32).every((b) => b === 0)).toBe(true);
    }
    // Header: "has header" + "is header"; footer: "has header" only (bit 30 clear = has footer).
    expect(u32(tag, 20)).toBe(0xa000_0000);
    expect(u32(tag, tag.length - 12)).toBe(0x8000_0000);
  });

  it('writes items as size, flags, key, NUL, value; binary items flagged, smallest first', () => {
    const items: Array<{ key: string; flags: number; value: Buffer }> = [];
    let pos = 32;
    while (pos < tag.length - 32) {
      const size = u32(tag, pos);
      const flags = u32(tag, pos + 4);
      const keyEnd = tag.indexOf(0, pos + 8);
      items.push({
        key: tag.toString('latin1', pos + 8, keyEnd),
        flags,
        value: tag.subarray(keyEnd + 1, keyEnd + 1 + size),
      });
      pos = keyEnd + 1 + size;
    }
    expect(pos).toBe(tag.length - 32);
    expect(items.map((i) => i.key)).toEqual(['Artist', 'Title', 'Cover Art (Front)']);
    expect(items[0]).toMatchObject({ flags: 0, value: Buffer.from('A\0B') });
    expect(items[1]!.value.toString('utf8')).toBe('Héllo');
    expect(items[2]).toMatchObject({ flags: 2, value: Buffer.from([1, 2, 3]) });
  });

  it('rejects invalid and duplicate (case-insensitive) keys', () => {
    expect(isValidApeKey('Album Artist')).toBe(true);
    expect(isValidApeKey('X')).toBe(false);
    expect(isValidApeKey('TAG')).toBe(false);
    expect(isValidApeKey('Tïtle')).toBe(false);
    expect(() =>
      renderApeTag([
        { key: 'Title', value: 'a' },
        { key: 'TITLE', value: 'b' },
      ]),
    ).toThrow(RangeError);
  });
});

describe('findTrailingTags', () => {
  const audio = Buffer.alloc(1000, 0x55);
  const tag = Buffer.from(renderApeTag([{ key: 'Title', value: 'x' }]));
  const id3v1 = Buffer.concat([Buffer.from('TAG'), Buffer.alloc(125)]);
  const cut = (file: Buffer) => findTrailingTags(file.subarray(Math.max(0, file.length - 160)), file.length);

  it('finds nothing on bare audio', () => {
    expect(cut(audio)).toBe(1000);
    expect(cut(Buffer.alloc(10))).toBe(10);
  });

  it('cuts an APEv2 tag with its header, and an ID3v1 tag behind it', () => {
    expect(cut(Buffer.concat([audio, tag]))).toBe(1000);
    expect(cut(Buffer.concat([audio, tag, id3v1]))).toBe(1000);
    expect(cut(Buffer.concat([audio, id3v1]))).toBe(1000);
  });

  it('cuts an APEv1 tag (footer only)', () => {
    const v1 = Buffer.from(tag.subarray(32));
    v1.writeUInt32LE(1000, v1.length - 24);
    v1.writeUInt32LE(0, v1.length - 12);
    expect(cut(Buffer.concat([audio, v1]))).toBe(1000);
  });

  it('leaves the file alone when the footer claims more than the file holds', () => {
    const bad = Buffer.from(tag);
    bad.writeUInt32LE(1_000_000, bad.length - 20);
    const file = Buffer.concat([audio, bad]);
    expect(cut(file)).toBe(file.length);
  });
});
