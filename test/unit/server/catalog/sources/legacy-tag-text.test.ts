import { describe, expect, it } from 'vitest';
import {
  decodeLegacyFields,
  decodeLegacyText,
  looksLikeCp1251Mojibake,
  singleByteView,
} from '../../../../../server/catalog/sources/legacy-tag-text.ts';
import { cp1251Bytes } from '../../../../helpers/legacy-id3.ts';

/** What a parser shows for Windows-1251 bytes in a field it believes is ISO-8859-1. */
const mojibake = (text: string) => cp1251Bytes(text).toString('latin1');
/** The same through a WHATWG "latin1" decoder, which is really Windows-1252 for 0x80-0x9F. */
const mojibake1252 = (text: string) => new TextDecoder('windows-1252').decode(cp1251Bytes(text));

const CYRILLIC = [
  'Кино',
  'Группа крови',
  'ДДТ',
  'Ёжик в тумане',
  'Ёлочка',
  'Всё идёт по плану',
  'Звёзды и ёлки',
  'Наутилус Помпилиус',
  'Песня без слов (1988)',
  'DJ Грув',
  'Сплин — Выхода нет',
  '«Тёплый» март',
  'Трек № 5',
  'Київ', // Ukrainian і and ї live in 0xA0-0xBF
  'Ґанок',
  'Ђорђе Балашевић', // Serbian: ђ, ћ from the 0x80-0x9F range
  'Љубав',
  'ВИА Гра',
  'Сектор Газа - Лирика',
  'Мумий Тролль',
  'Би-2',
  'Rock-н-ролл мёртв',
];

const LATIN1 = [
  'Björk',
  'Café Tacuba',
  'Mötley Crüe',
  'Ñandú',
  'Sigur Rós',
  'Motörhead',
  'Beyoncé',
  'Hüsker Dü',
  'Françoise Hardy',
  'Ólafur Arnalds',
  'À bout de souffle',
  'Le Café à Paris',
  'Ça plane pour moi',
  'Mañana',
  'Blue Öyster Cult',
  'Åsa',
  'Straße',
  'ÉTÉ',
  'Ådalen',
  'Ænima',
  'µ-Ziq',
  'Øystein Ødegård',
  'Señor Coconut',
  '½ Gentlemen',
  '¿Dónde están?',
  'Édith Piaf — « Non, je ne regrette rien »',
];

describe('looksLikeCp1251Mojibake', () => {
  it.each(CYRILLIC)('recognises %s read as Latin-1', (text) => {
    expect(looksLikeCp1251Mojibake(mojibake(text))).toBe(true);
    expect(decodeLegacyText(mojibake(text), 'auto')).toBe(text);
  });

  it.each(CYRILLIC)('recognises %s read as Windows-1252', (text) => {
    expect(decodeLegacyText(mojibake1252(text), 'auto')).toBe(text);
  });

  it.each(LATIN1)('leaves real Latin-1 %s alone', (text) => {
    expect(looksLikeCp1251Mojibake(text)).toBe(false);
    expect(decodeLegacyText(text, 'auto')).toBe(text);
  });

  it.each([
    'Plain ASCII',
    '',
    'Кино', // already Unicode Cyrillic: not a byte view
    '日本語',
    'Café Кино', // mixed scripts above 0xFF
    'A\u0098B', // the byte Windows-1251 leaves unassigned
    'Ê', // one letter proves nothing
    'À', // ditto
    'ÊÈíî', // "КИно": implausible case
    'êÈÍÎ', // "кИНО"
  ])('leaves %j alone', (text) => {
    expect(looksLikeCp1251Mojibake(text)).toBe(false);
    expect(decodeLegacyText(text, 'auto')).toBe(text);
  });

  it('cannot tell a word made only of accented letters from Cyrillic (hence --tag-encoding latin1)', () => {
    expect(decodeLegacyText('Ôôô', 'auto')).toBe('Ффф');
    expect(decodeLegacyText('Ôôô', 'latin1')).toBe('Ôôô');
  });

  it('reads the issue example', () => {
    expect(decodeLegacyText('Êèíî', 'auto')).toBe('Кино');
  });
});

describe('singleByteView', () => {
  it('gives the bytes behind a Latin-1 or Windows-1252 reading, and nothing for other text', () => {
    expect([...singleByteView('Aé')!]).toEqual([0x41, 0xe9]);
    expect([...singleByteView('—€')!]).toEqual([0x97, 0x80]);
    expect(singleByteView('Кино')).toBeUndefined();
  });
});

describe('forced encodings', () => {
  it('cp1251 re-decodes every single-byte text, latin1 none', () => {
    expect(decodeLegacyText('Café', 'cp1251')).toBe('Cafй');
    expect(decodeLegacyText('Ê', 'cp1251')).toBe('К');
    expect(decodeLegacyText('Кино', 'cp1251')).toBe('Кино');
    expect(decodeLegacyText('ASCII', 'cp1251')).toBe('ASCII');
    expect(decodeLegacyText('Êèíî', 'latin1')).toBe('Êèíî');
  });
});

describe('decodeLegacyFields', () => {
  const keys = ['title', 'artist', 'artists', 'album', 'genres'] as const;

  it('lets one clearly Cyrillic field vouch for the short ones of the same file', () => {
    const file = {
      title: mojibake('Я'),
      artist: mojibake('Ёжики на пару'),
      artists: [mojibake('Ёжики на пару')],
      album: mojibake('Ёж'),
      genres: ['Rock'],
      trackNo: 1,
    };
    expect(decodeLegacyFields(file, keys, 'auto')).toEqual({
      title: 'Я',
      artist: 'Ёжики на пару',
      artists: ['Ёжики на пару'],
      album: 'Ёж',
      genres: ['Rock'],
      trackNo: 1,
    });
  });

  it('keeps short fields as they are when nothing in the file is clearly Cyrillic', () => {
    const file = { title: 'À', artist: 'Björk', artists: [], album: 'Post', genres: [] };
    expect(decodeLegacyFields(file, keys, 'auto')).toEqual(file);
  });

  it('never turns real Latin-1 into Cyrillic even in a vouched file', () => {
    const file = { title: 'Café', artist: mojibake('Кино'), artists: [], album: 'X', genres: [] };
    expect(decodeLegacyFields(file, keys, 'auto')).toMatchObject({ title: 'Café', artist: 'Кино' });
  });

  it('follows a forced mode', () => {
    const file = { title: 'Ê', artist: 'Êèíî', artists: [], album: 'X', genres: [] };
    expect(decodeLegacyFields(file, keys, 'cp1251')).toMatchObject({ title: 'К', artist: 'Кино' });
    expect(decodeLegacyFields(file, keys, 'latin1')).toEqual(file);
  });
});
