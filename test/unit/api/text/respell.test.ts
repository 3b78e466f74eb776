import { describe, expect, it } from 'vitest';
import { respellings, respellText } from '../../../../api/text/respell.ts';
import { queryRespellings, searchKey, wordSpellings } from '../../../../api/text/search-fold.ts';
import { toLatin } from '../../../../api/text/transliterate.ts';

/** The Latin spelling the index holds for a Cyrillic name (the second line of its search key). */
const indexed = (cyrillic: string) => searchKey(cyrillic).split('\n')[1];

describe('respellings: other romanizations onto the indexed one', () => {
  it.each([
    // й after a vowel as i or j
    ['tsoi', 'Цой'],
    ['tsoj', 'Цой'],
    ['nikolai', 'Николай'],
    ['sergej', 'Сергей'],
    ['dmitrii', 'Дмитрий'],
    // ё as yo, jo, or o after a hushing consonant
    ['yolka', 'Ёлка'],
    ['jolka', 'Ёлка'],
    ['fyodor', 'Фёдор'],
    ['pjotr', 'Пётр'],
    ['gorbachov', 'Горбачёв'],
    ['zholtye', 'Жёлтые'],
    // е as ye at the start or after a vowel
    ['yeltsin', 'Ельцин'],
    ['fadeyev', 'Фадеев'],
    // ю, я as iu/ju, ia/ja
    ['iurii', 'Юрий'],
    ['jurij', 'Юрий'],
    ['iaroslav', 'Ярослав'],
    ['jana', 'Яна'],
    ['maria', 'Мария'],
    // -ий as -y or -i
    ['yevgeny', 'Евгений'],
    ['dostoevsky', 'Достоевский'],
    ['yury', 'Юрий'],
    // х as h, щ as sch, ч as tch, кс as x
    ['harms', 'Хармс'],
    ['mihail', 'Михаил'],
    ['schedrin', 'Щедрин'],
    ['tchaikovsky', 'Чайковский'],
    ['alexandr', 'Александр'],
  ])('%j finds «%s»', (typed, cyrillic) => {
    expect(respellings(typed)).toContain(indexed(cyrillic));
  });

  it('leaves the indexed spelling, and words with nothing to respell, alone', () => {
    for (const word of ['tsoy', 'elka', 'kino', 'zhanna', 'shchedrin', 'kharms', 'zheltye', 'daft', 'punk'])
      expect(respellings(word), word).toEqual([]);
    // Indexed spellings stay whole: "shch", "kh", "zh" are not read as an "h" that could be "kh".
    expect(toLatin('Щедрин Хармс Жанна').toLowerCase()).toBe('shchedrin kharms zhanna');
  });

  it('keeps a final i after a consonant, mostly и as in plurals', () => {
    expect(respellings('jozhiki')).toEqual(['yozhiki', 'ezhiki']);
    expect(respellings('dmitri')).toEqual([]);
  });

  it('keeps prefixes typed so far working', () => {
    expect(respellings('yol')).toEqual(['el']);
    expect(respellings('tso')).toEqual([]);
    expect(respellings('jol')).toEqual(['yol', 'el']);
  });

  it('does not respell short or non-Latin words, and caps the number of spellings', () => {
    expect(respellings('yo')).toEqual([]);
    expect(respellings('ja')).toEqual([]);
    expect(respellings('цой')).toEqual([]);
    expect(respellings('tsoi2')).toEqual([]);
    expect(respellings('xxxxxx')).toHaveLength(8);
    expect(respellings('tchaikovsky', 3)).toEqual(['chaykovskiy', 'chaykovsky', 'chaikovskiy']);
  });

  it('respells every Latin word of a text, most changes first', () => {
    expect(respellText('viktor tsoi')).toEqual(['viktor tsoy']);
    const name = respellText('fyodor schukin');
    expect(name[0]).toBe('fedor shchukin');
    expect(name.slice(1).sort()).toEqual(['fedor schukin', 'fyodor shchukin']);
    const mixed = respellText('кино tsoi, yolka!');
    expect(mixed[0]).toBe('кино tsoy, elka!');
    expect(mixed.slice(1).sort()).toEqual(['кино tsoi, elka!', 'кино tsoy, yolka!']);
    expect(respellText('kino')).toEqual([]);
  });
});

describe('query spellings', () => {
  it('try a Cyrillic word in Latin and a Latin word in other romanizations', () => {
    expect(wordSpellings('цой')).toEqual(['цой', 'tsoy']);
    expect(wordSpellings('tsoi')).toEqual(['tsoi', 'tsoy']);
    expect(wordSpellings('kino')).toEqual(['kino']);
    // A sign alone has no Latin spelling.
    expect(wordSpellings('ъ')).toEqual(['ъ']);
  });

  it('fold the whole query before respelling it', () => {
    const spelled = queryRespellings('  Tsoi   YOLKA ');
    expect(spelled[0]).toBe('  tsoy   elka ');
    expect(spelled.slice(1).sort()).toEqual(['  tsoi   elka ', '  tsoy   yolka ']);
  });
});
