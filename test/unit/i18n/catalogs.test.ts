// Both catalogs have exactly the same keys, every message compiles in its locale, a translation
// uses the same arguments as the English text, and Russian plurals have every form Russian needs.
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGS, LOCALES, translator } from '../../../i18n/index.ts';

/** Every argument name in a parsed message, with the plural categories of each plural argument. */
function argumentsOf(
  elements: MessageFormatElement[],
  names = new Set<string>(),
  plurals = new Map<string, string[]>(),
) {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if ('value' in el && typeof el.value === 'string') names.add(el.value);
    if (el.type === TYPE.plural) plurals.set(el.value, Object.keys(el.options));
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) argumentsOf(option.value, names, plurals);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, names, plurals);
  }
  return { names, plurals };
}

const en = CATALOGS.en;

describe('message catalogs', () => {
  it('every locale has exactly the English keys', () => {
    const keys = Object.keys(en).sort();
    expect(keys.length).toBeGreaterThan(30);
    for (const locale of LOCALES) expect(Object.keys(CATALOGS[locale]).sort(), locale).toEqual(keys);
  });

  it('every message compiles for its locale, with the English arguments and the locale’s plural forms', () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const required = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, text] of Object.entries(CATALOGS[locale])) {
        try {
          const own = argumentsOf(parse(text, { requiresOtherClause: true }));
          const source = argumentsOf(parse(en[key as keyof typeof en]));
          const mine = [...own.names].sort().join(',');
          const theirs = [...source.names].sort().join(',');
          if (mine !== theirs)
            problems.push(`${locale} ${key}: arguments {${mine}} but English has {${theirs}}`);
          for (const [name, categories] of own.plurals) {
            const missing = required.filter((c) => c !== 'other' && !categories.includes(c));
            // "=0"-style exact matches are extra; a missing CLDR category falls back to "other", which is wrong in Russian.
            if (missing.length > 0)
              problems.push(`${locale} ${key}: plural {${name}} lacks ${missing.join(', ')}`);
          }
        } catch (error) {
          problems.push(`${locale} ${key}: ${(error as Error).message}`);
        }
        if (text.trim() === '') problems.push(`${locale} ${key}: empty`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('an accessible label holds the visible text of its control (WCAG 2.5.3, label in name)', () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const t = translator(locale);
      const catalog = CATALOGS[locale] as Record<string, string>;
      for (const key of Object.keys(catalog)) {
        const visibleKey = key.replace(/Label$/, '');
        if (visibleKey === key || !(visibleKey in catalog)) continue;
        const sample = (k: string) => {
          const names = [...argumentsOf(parse(catalog[k]!)).names];
          return (t.t as (k: string, v: object) => string)(k, Object.fromEntries(names.map((n) => [n, 'X'])));
        };
        const visible = sample(visibleKey).toLocaleLowerCase(locale);
        const label = sample(key).toLocaleLowerCase(locale);
        if (!label.includes(visible))
          problems.push(`${locale} ${key}: "${label}" does not contain "${visible}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every message formats in every locale with sample values', () => {
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const [key, text] of Object.entries(CATALOGS[locale])) {
        const values = Object.fromEntries([...argumentsOf(parse(text)).names].map((n) => [n, 2]));
        const out = (t.t as (k: string, v: object) => string)(key, values);
        expect(out, `${locale} ${key}`).not.toBe(key);
        expect(out, `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });
});

describe('Russian plurals', () => {
  const ru = translator('ru');
  const forms = (key: Parameters<typeof ru.t>[0]) =>
    [1, 2, 5, 11, 21, 22, 25, 111, 1001].map((count) =>
      (ru.t as (k: string, v: object) => string)(key, { count }),
    );

  it.each([
    [
      'common.count.tracks',
      [
        '1 трек',
        '2 трека',
        '5 треков',
        '11 треков',
        '21 трек',
        '22 трека',
        '25 треков',
        '111 треков',
        '1001 трек',
      ],
    ],
    [
      'common.count.albums',
      [
        '1 альбом',
        '2 альбома',
        '5 альбомов',
        '11 альбомов',
        '21 альбом',
        '22 альбома',
        '25 альбомов',
        '111 альбомов',
        '1001 альбом',
      ],
    ],
    [
      'common.count.files',
      [
        '1 файл',
        '2 файла',
        '5 файлов',
        '11 файлов',
        '21 файл',
        '22 файла',
        '25 файлов',
        '111 файлов',
        '1001 файл',
      ],
    ],
    [
      'common.count.megabytes',
      [
        '1 мегабайт',
        '2 мегабайта',
        '5 мегабайт',
        '11 мегабайт',
        '21 мегабайт',
        '22 мегабайта',
        '25 мегабайт',
        '111 мегабайт',
        '1001 мегабайт',
      ],
    ],
  ] as const)('%s', (key, expected) => {
    // Intl groups thousands with a no-break space in Russian: "1 001".
    expect(forms(key).map((s) => s.replace(/[\u00a0\u202f]/g, ''))).toEqual(expected);
  });

  it('English keeps one and other', () => {
    const t = translator('en');
    expect([1, 2, 21].map((count) => t.t('common.count.tracks', { count }))).toEqual([
      '1 track',
      '2 tracks',
      '21 tracks',
    ]);
  });
});

describe('typed keys and arguments', () => {
  it('the compiler asks for exactly the arguments a message uses', () => {
    const t = translator('en');
    expect(t.t('common.count.files', { count: 3 })).toBe('3 files');
    expect(t.t('common.cancel')).toBe('Cancel');
    // @ts-expect-error: the count is missing
    expect(t.t('common.count.files', {})).toBe('{count, plural, one {# file} other {# files}}');
    // @ts-expect-error: no such key
    expect(t.t('common.nope')).toBe('common.nope');
    // @ts-expect-error: a message without arguments takes none
    t.t('common.cancel', { count: 1 });
  });
});

describe('formats follow the locale', () => {
  const en = translator('en');
  const ru = translator('ru');
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

  it('sizes and speeds', () => {
    expect(en.mb(12_345_678)).toBe('12.3 MB');
    expect(plain(ru.mb(12_345_678))).toBe('12,3 МБ');
    expect(plain(ru.mb(1_234_500_000))).toBe('1 234,5 МБ');
    expect(plain(ru.bytes(2_500_000_000))).toBe('2,50 ГБ');
    expect(plain(en.bytes(999))).toBe('999 B');
    expect(plain(ru.bytes(999))).toBe('999 Б');
    expect(plain(ru.speed(1_500_000))).toMatch(/^1,5 МБ\/[сc]$/);
  });

  it('money and dates', () => {
    expect(en.money(1_234_567, 'USD')).toBe('$1.23');
    expect(plain(ru.money(1_234_567, 'USD'))).toBe('1,23 $');
    expect(plain(ru.money(5_000_000, 'RUB'))).toBe('5,00 ₽');
    const day = '2026-03-05T12:00:00Z';
    expect(en.date(day, { dateStyle: 'long', timeZone: 'UTC' })).toBe('March 5, 2026');
    expect(ru.date(day, { dateStyle: 'long', timeZone: 'UTC' })).toBe('5 марта 2026 г.');
  });
});
