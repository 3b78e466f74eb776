import { describe, expect, it } from 'vitest';
import { foldForSearch, querySpellings, searchKey } from '../../../../api/text/search-fold.ts';
import { toAscii, toLatin } from '../../../../api/text/transliterate.ts';

describe('foldForSearch', () => {
  it.each([
    ['Ёлка', 'елка'],
    ['ЁЛКА', 'елка'],
    ['ёлка', 'елка'],
    ['Йошкар-Ола', 'йошкар-ола'],
    ['за́мок', 'замок'],
    ['Björk CAFÉ', 'bjork cafe'],
    ['ﬁve ＡＢ', 'five ab'],
  ])('%j -> %j', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });
});

describe('toLatin (BGN/PCGN, simplified to ASCII)', () => {
  it.each([
    ['Кино', 'Kino'],
    ['Виктор Цой', 'Viktor Tsoy'],
    ['Щука', 'Shchuka'],
    ['ЩИТ', 'SHCHIT'],
    ['Жанна Агузарова', 'Zhanna Aguzarova'],
    ['Любовь', 'Lyubov'],
    ['Подъезд', 'Podezd'],
    ['Хорошо', 'Khorosho'],
    ['Ёлка', 'Elka'],
    ['Kino', 'Kino'],
  ])('%j -> %j', (input, expected) => {
    expect(toLatin(input)).toBe(expected);
  });
});

describe('toAscii', () => {
  it('spells Cyrillic, drops accents and simplifies punctuation', () => {
    expect(toAscii('Кино — «Группа крови»')).toBe('Kino - "Gruppa krovi"');
    expect(toAscii('Sigur Rós – Ágætis byrjun')).toBe('Sigur Ros - Agaetis byrjun');
    expect(toAscii('東京 Tokyo')).toBe('_ Tokyo');
  });
});

describe('search keys', () => {
  it('hold the folded text and, for Cyrillic, its Latin spelling', () => {
    expect(searchKey('Ёлка')).toBe('елка\nelka');
    expect(searchKey('Björk')).toBe('bjork');
    expect(querySpellings('КИН')).toEqual(['кин', 'kin']);
    expect(querySpellings('kino')).toEqual(['kino']);
  });
});
