import { describe, expect, it } from 'vitest';
import { pathKey, uniquePath } from '../../../../../electron/core/library/index.ts';

function takenSet(...paths: string[]) {
  const keys = new Set(paths.map(pathKey));
  return (key: string) => keys.has(key);
}

describe('uniquePath', () => {
  it('keeps a free path', () => {
    expect(uniquePath('A/01 Song.flac', takenSet('A/02 Song.flac'))).toBe('A/01 Song.flac');
  });

  it('numbers a taken path before the extension', () => {
    expect(uniquePath('A/01 Song.flac', takenSet('A/01 Song.flac'))).toBe('A/01 Song (2).flac');
    expect(uniquePath('A/01 Song.flac', takenSet('A/01 Song.flac', 'A/01 Song (2).flac'))).toBe(
      'A/01 Song (3).flac',
    );
  });

  it('treats names differing only by case (or normalization) as the same', () => {
    expect(uniquePath('A/intro.flac', takenSet('a/INTRO.flac'))).toBe('A/intro (2).flac');
    expect(uniquePath('Cafe\u0301.flac', takenSet('CAFÉ.flac'))).toBe('Cafe\u0301 (2).flac');
  });

  it('gives every one of many colliding tracks its own name', () => {
    const keys = new Set<string>();
    const names = Array.from({ length: 5 }, () => {
      const name = uniquePath('Album/Untitled.mp3', (key) => keys.has(key));
      keys.add(pathKey(name));
      return name;
    });
    expect(names).toEqual([
      'Album/Untitled.mp3',
      'Album/Untitled (2).mp3',
      'Album/Untitled (3).mp3',
      'Album/Untitled (4).mp3',
      'Album/Untitled (5).mp3',
    ]);
  });

  it('stays within 255 bytes when the name is already at the limit', () => {
    const long = `${'é'.repeat(125)}.flac`;
    const out = uniquePath(long, takenSet(long));
    expect(out.endsWith(' (2).flac')).toBe(true);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(255);
  });

  it('passes the candidate too, for a disk check', () => {
    const seen: string[] = [];
    uniquePath('X/a.flac', (_key, candidate) => {
      seen.push(candidate);
      return seen.length < 2;
    });
    expect(seen).toEqual(['X/a.flac', 'X/a (2).flac']);
  });
});
