import { describe, expect, it } from 'vitest';
import { isWindowsReserved, sanitizeComponent } from '../../../../../electron/core/library/index.ts';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('sanitizeComponent', () => {
  it.each([
    // Windows device names, with and without extensions, any case, trailing spaces
    ['CON', {}, '_CON'],
    ['con', {}, '_con'],
    ['Aux', {}, '_Aux'],
    ['NUL', { ext: 'flac' }, '_NUL.flac'],
    ['CON.txt', {}, '_CON.txt'],
    ['nul.tar.gz', {}, '_nul.tar.gz'],
    ['PRN   ', {}, '_PRN'],
    ['Con .flac', {}, '_Con .flac'],
    ['com1', {}, '_com1'],
    ['COM9', { ext: 'mp3' }, '_COM9.mp3'],
    ['LPT1', {}, '_LPT1'],
    ['lPt9.x', {}, '_lPt9.x'],
    ['COM¹', {}, '_COM¹'],
    ['CONSOLE', {}, 'CONSOLE'],
    ['COM10', {}, 'COM10'],
    ['Icon', {}, 'Icon'],
    // dot components, leading dots (hidden files), trailing dots and spaces
    ['.', {}, '_'],
    ['..', {}, '_'],
    ['...', {}, '_'],
    ['.hidden', {}, '_hidden'],
    ['Album.', {}, 'Album'],
    ['Album. . ', {}, 'Album'],
    ['Title.', { ext: 'flac' }, 'Title.flac'],
    ['  padded  ', {}, 'padded'],
    // separators and characters Windows forbids
    ['AC/DC', {}, 'AC_DC'],
    ['back\\slash', {}, 'back_slash'],
    ['../../etc', {}, '__.._etc'],
    ['a<b>c:d"e|f?g*h', {}, 'a_b_c_d_e_f_g_h'],
    // C0, DEL, C1, NUL, line breaks, bidi controls
    ['nul\0byte', {}, 'nulbyte'],
    ['bell\x07del\x7fc1\x9b', {}, 'belldelc1'],
    ['line\nbreak\ttab', {}, 'line break tab'],
    ['\u202Eevil\u202C.exe', {}, 'evil.exe'],
    ['a\u200Eb\u200Fc\u061Cd\u2066e\u2067f\u2068g\u2069h', {}, 'abcdefgh'],
    ['\u202Egalf.exe', { ext: 'flac' }, 'galf.exe.flac'],
    // Unicode: NFC, emoji kept whole
    ['Cafe\u0301', {}, 'Café'],
    ['e\u0301\u200E\u0301', {}, 'é\u0301'],
    ['🎸 Rock 👩‍👩‍👧', {}, '🎸 Rock 👩‍👩‍👧'],
    ['日本語', { ext: 'm4a' }, '日本語.m4a'],
    // empty results
    ['', {}, '_'],
    ['   ', {}, '_'],
    ['\u202E\u202C', { ext: 'flac' }, '_.flac'],
    ['\x00\x01', {}, '_'],
    // lone surrogates cannot be written as UTF-8
    ['bad\uD800half', {}, 'bad\uFFFDhalf'],
  ] as const)('%j %j -> %j', (input, options, expected) => {
    expect(sanitizeComponent(input, options)).toBe(expected);
  });

  it.each([
    ['300 bytes of é', 'é'.repeat(150), 'flac'],
    ['300 bytes of 3-byte CJK', '日'.repeat(100), 'flac'],
    ['emoji with modifiers', '👍🏽'.repeat(40), 'm4a'],
    ['family emoji (ZWJ sequences)', '👩‍👩‍👧'.repeat(20), 'opus'],
    ['one letter with 400 combining marks', `a${'\u0301'.repeat(400)}`, 'mp3'],
  ])('keeps %s within 255 bytes with the extension', (_name, input, ext) => {
    const out = sanitizeComponent(input, { ext });
    expect(bytes(out)).toBeLessThanOrEqual(255);
    expect(out.endsWith(`.${ext}`)).toBe(true);
    expect(out).not.toContain('\uFFFD');
    // A prefix of the (NFC) input: no character was split or replaced.
    expect(input.normalize('NFC').startsWith(out.slice(0, -ext.length - 1))).toBe(true);
    expect(out.length).toBeGreaterThan(ext.length + 10);
  });

  it('cuts on grapheme boundaries when it can', () => {
    const out = sanitizeComponent('👍🏽'.repeat(40));
    expect(bytes(out)).toBeLessThanOrEqual(255);
    expect(out.length % 4).toBe(0); // whole thumbs-up + skin-tone pairs only
  });

  it('does not leave a trailing dot or space after truncation', () => {
    const out = sanitizeComponent(`${'a'.repeat(245)} . . . b`, { ext: 'flac' });
    expect(out).toBe(`${'a'.repeat(245)}.flac`);
  });

  it('is idempotent', () => {
    for (const input of ['CON', '..', '\u202Eevil', 'a'.repeat(300), '  x. ', 'nul.txt']) {
      const once = sanitizeComponent(input, { ext: 'flac' });
      expect(sanitizeComponent(once.slice(0, -5), { ext: 'flac' })).toBe(once);
    }
  });

  it('refuses a limit too small for any name', () => {
    expect(() => sanitizeComponent('x', { maxBytes: 4 })).toThrow(/too small/);
  });

  it('recognises reserved names as Windows does', () => {
    expect(isWindowsReserved('aux.flac')).toBe(true);
    expect(isWindowsReserved('auxiliary.flac')).toBe(false);
  });
});
