import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATE,
  fitPathBudget,
  renderPath,
  validateTemplate,
} from '../../../../../electron/core/library/index.ts';
import { addFile, sandbox, tags } from '../../../../helpers/library-fixtures.ts';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

const length = (components: string[]) => components.join('/').length;

describe('renderPath', () => {
  it('renders the default template for a single-disc album without the disc number', () => {
    expect(renderPath(DEFAULT_TEMPLATE, tags({ trackNumber: 3, title: 'Intro' }), 'flac', 'flac')).toEqual([
      'Artist',
      '1999 - Album [flac]',
      '03 Intro.flac',
    ]);
  });

  it('adds the disc number on multi-disc albums', () => {
    const t = tags({ discNumber: 2, discTotal: 3, trackNumber: 7 });
    expect(renderPath(DEFAULT_TEMPLATE, t, 'mp3-v0', 'mp3')).toEqual([
      'Artist',
      '1999 - Album [mp3-v0]',
      '2-07 Song.mp3',
    ]);
  });

  it('drops optional segments whose fields are empty', () => {
    const t = tags({ year: null, label: null });
    expect(renderPath('{albumartist}/<{year} - >{album}< ({label})>/{title}', t, 'flac', 'flac')).toEqual([
      'Artist',
      'Album',
      'Song.flac',
    ]);
  });

  it('lets an optional segment add a folder level', () => {
    const template = '{album}/<Disc {disc}/>{track:02}';
    expect(renderPath(template, tags({ discTotal: 2, discNumber: 1 }), 'flac', 'flac')).toEqual([
      'Album',
      'Disc 1',
      '01.flac',
    ]);
    expect(renderPath(template, tags(), 'flac', 'flac')).toEqual(['Album', '01.flac']);
  });

  it('knows every field and format a user expects', () => {
    const t = tags({
      artists: ['A', 'B'],
      trackNumber: 4,
      trackTotal: 12,
      discNumber: 1,
      discTotal: 1,
    });
    const template =
      '{albumartist:initial}/{artist} {album:upper} {title:lower} {track:03}of{tracktotal} {disc}of{disctotal} ' +
      '{year} {date} {genre} {label} {isrc} {encoding} {codec} {ext}{{x}}';
    expect(renderPath(template, t, 'alac', 'm4a')).toEqual([
      'A',
      'A, B ALBUM song 004of12 1of1 1999 1999-05-01 Rock Label USABC9900001 alac alac m4a{x}.m4a',
    ]);
  });

  it('falls back to the track artists when the album artist is empty', () => {
    expect(
      renderPath('{albumartist}/{title}', tags({ albumArtist: ' ', artists: ['X', 'Y'] }), 'flac', 'flac')[0],
    ).toBe('X, Y');
  });

  it('always ends with the extension, even when the template leaves it out', () => {
    expect(renderPath('{title}', tags(), 'opus-160', 'opus')).toEqual(['Song.opus']);
  });

  it('neutralizes metadata that tries to climb out or add folders', () => {
    const t = tags({ albumArtist: '../../etc', album: '..', title: 'passwd/../../x\\y' });
    const out = renderPath(DEFAULT_TEMPLATE, t, 'flac', 'flac');
    expect(out).toHaveLength(3);
    for (const c of out) {
      expect(c).not.toMatch(/[/\\]/);
      expect(c).not.toMatch(/^\.\.?$/);
      expect(c.startsWith('.')).toBe(false);
    }
    expect(out[0]).toBe('__.._etc');
  });

  it('sanitizes each component: reserved names, bidi controls, trailing dots', () => {
    const t = tags({ albumArtist: 'CON', album: 'Nul.', title: '\u202Eevil\u202C...', year: null });
    expect(renderPath(DEFAULT_TEMPLATE, t, 'flac', 'flac')).toEqual(['_CON', '_Nul. [flac]', '01 evil.flac']);
  });

  it.each([
    ['{albumartist}/{nope}', /unknown field \{nope\}/],
    ['{title:02}', /not a number/],
    ['{track:x}', /unknown format/],
    ['{title', /unclosed "\{"/],
    ['title}', /unmatched "\}"/],
    ['<{disc}-', /unclosed "</],
    ['{disc}>', /unmatched ">"/],
    ['<<{disc}>>', /do not nest/],
    ['/abs/{title}', /empty folder name/],
    ['{album}//{title}', /empty folder name/],
    ['{album}/', /empty folder name/],
    ['{album}\\{title}', /use "\/"/],
    ['', /empty/],
  ])('refuses template %j', (template, message) => {
    expect(() => validateTemplate(template)).toThrow(message);
    expect(() => renderPath(template, tags(), 'flac', 'flac')).toThrow(message);
  });

  it('accepts the default template and case-insensitive field names', () => {
    expect(() => validateTemplate(DEFAULT_TEMPLATE)).not.toThrow();
    expect(renderPath('{AlbumArtist}/{TITLE}', tags(), 'flac', 'flac')).toEqual(['Artist', 'Song.flac']);
  });
});

describe('whole-path budget', () => {
  it('leaves short paths alone', () => {
    expect(fitPathBudget(['a', 'b', 'c.flac'], 240, 'flac')).toEqual(['a', 'b', 'c.flac']);
  });

  it('shortens the longest components first and keeps the extension', () => {
    const out = fitPathBudget(['Artist', 'x'.repeat(150), `01 ${'y'.repeat(150)}.flac`], 120, 'flac');
    expect(length(out)).toBeLessThanOrEqual(120);
    expect(out[0]).toBe('Artist');
    expect(out[2]!.endsWith('.flac')).toBe(true);
    // Water filling: both long names end up at the same cap.
    expect(out[1]!.length).toBe(out[2]!.length - 5);
  });

  it('is applied by renderPath with the budget as a parameter', () => {
    const t = tags({ album: 'Ä'.repeat(120), title: '🎵'.repeat(100) });
    for (const budget of [240, 120, 60]) {
      const out = renderPath(DEFAULT_TEMPLATE, t, 'flac', 'flac', { budget });
      expect(length(out)).toBeLessThanOrEqual(budget);
      expect(out[0]).toBe('Artist');
      expect(out[2]).toMatch(/^01 🎵*\.flac$/u);
      expect(out[2]).not.toContain('\uFFFD');
    }
  });

  it('re-sanitizes a shortened name (no trailing dot, no reserved name)', () => {
    const out = fitPathBudget(['CONSOLE', 'ab. cdefgh', 'x.flac'], 15, 'flac');
    expect(length(out)).toBeLessThanOrEqual(15);
    for (const c of out) expect(c).not.toMatch(/[. ]$|^CON$/i);
  });

  it('refuses a budget nothing fits in', () => {
    expect(() => fitPathBudget(['a', 'b', 'c', 'long.flac'], 8, 'flac')).toThrow(/cannot fit/);
  });
});

describe('Cyrillic names', () => {
  const kino = tags({
    title: 'Звезда по имени Солнце',
    album: 'Звезда по имени Солнце',
    albumArtist: 'Кино',
    artists: ['Кино'],
    trackNumber: 1,
  });

  it('keeps Cyrillic by default', () => {
    expect(renderPath('{albumartist}/{album}/{track:02} {title}', kino, 'flac', 'flac')).toEqual([
      'Кино',
      'Звезда по имени Солнце',
      '01 Звезда по имени Солнце.flac',
    ]);
  });

  it('spells one field in ASCII with {field:ascii}', () => {
    expect(renderPath('{albumartist:ascii}/{album}/{title:ascii}', kino, 'flac', 'flac')).toEqual([
      'Kino',
      'Звезда по имени Солнце',
      'Zvezda po imeni Solntse.flac',
    ]);
    expect(renderPath('{title:ascii}', tags({ title: 'ЁЛКА — Прованс «Live»' }), 'flac', 'flac')).toEqual([
      'ELKA - Provans _Live_.flac',
    ]);
    expect(() => validateTemplate('{track:ascii}')).not.toThrow();
  });

  it('spells the whole path in ASCII with the ascii option, template text included', () => {
    expect(renderPath('Музыка/{albumartist}/{title}', kino, 'flac', 'flac', { ascii: true })).toEqual([
      'Muzyka',
      'Kino',
      'Zvezda po imeni Solntse.flac',
    ]);
  });

  it('cuts a long Cyrillic title on a character boundary within the byte limit', () => {
    const title = 'Щёлкнул замок, и все мои дороги разошлись '.repeat(10);
    const t = tags({ title });
    for (const maxComponentBytes of [100, 101, 255]) {
      const [name] = renderPath('{title}', t, 'flac', 'flac', { maxComponentBytes, budget: 1000 });
      expect(bytes(name!)).toBeLessThanOrEqual(maxComponentBytes);
      expect(bytes(name!)).toBeGreaterThan(maxComponentBytes - 8);
      expect(name).toMatch(/\.flac$/);
      const stem = name!.slice(0, -'.flac'.length);
      expect(title.startsWith(stem)).toBe(true);
      expect(stem).not.toContain('\uFFFD');
    }
  });

  it('cuts the transliterated spelling within the byte limit too', () => {
    const title = 'Щёлкнул замок, и все мои дороги разошлись '.repeat(10);
    for (const template of ['{title:ascii}', '{title}']) {
      const [name] = renderPath(template, tags({ title }), 'flac', 'flac', {
        maxComponentBytes: 101,
        budget: 1000,
        ascii: template === '{title}',
      });
      expect(name).toMatch(/^[\x20-\x7e]+\.flac$/);
      expect(bytes(name!)).toBeLessThanOrEqual(101);
      expect(name!.startsWith('Shchelknul zamok, i vse moi dorogi razoshlis Shchelknul')).toBe(true);
    }
  });

  it('keeps a Cyrillic path within the default path budget', () => {
    const long = 'Очень длинное название альбома '.repeat(8);
    const t = tags({ album: long, albumArtist: long, title: long });
    for (const ascii of [false, true]) {
      const components = renderPath(DEFAULT_TEMPLATE, t, 'flac', 'flac', { ascii });
      expect(length(components)).toBeLessThanOrEqual(240);
      for (const c of components) expect(bytes(c)).toBeLessThanOrEqual(255);
    }
  });
});

describe('the ASCII option on the library', () => {
  const kino = tags({ title: 'Пачка сигарет', album: 'Ёлка', albumArtist: 'Кино', artists: ['Кино'] });

  it('names new files and reorganizes in ASCII when asked, and in Cyrillic otherwise', async () => {
    const box = sandbox();
    try {
      const template = '{albumartist}/{album}/{title}';
      expect((await box.index.newFilePath(box.root, template, kino, 'flac')).relative).toBe(
        'Кино/Ёлка/Пачка сигарет.flac',
      );
      expect((await box.index.newFilePath(box.root, template, kino, 'flac', { ascii: true })).relative).toBe(
        'Kino/Elka/Pachka sigaret.flac',
      );
      addFile(box, 'Кино/Ёлка/Пачка сигарет.flac', 'x', kino);
      const plan = await box.index.reorganize(box.root, template, { dryRun: true, ascii: true });
      expect(plan.moves.map((m) => m.to)).toEqual(['Kino/Elka/Pachka sigaret.flac']);
      expect((await box.index.reorganize(box.root, template, { dryRun: true })).moves).toEqual([]);
    } finally {
      box.cleanup();
    }
  });
});
