// How `megadisc` picks its language: --lang anywhere before "--", else the POSIX environment.
import { describe, expect, it } from 'vitest';
import { environmentLocale, takeLangFlag } from '../../../../../electron/cli/context/cli-locale.ts';

describe('takeLangFlag', () => {
  it('takes --lang X and --lang=X out of the arguments, wherever they stand', () => {
    expect(takeLangFlag(['balance', '--lang', 'ru', '--json'])).toEqual({
      kind: 'locale',
      locale: 'ru',
      argv: ['balance', '--json'],
    });
    expect(takeLangFlag(['--lang=en', 'library', 'verify'])).toEqual({
      kind: 'locale',
      locale: 'en',
      argv: ['library', 'verify'],
    });
    expect(takeLangFlag(['--lang', 'RU', 'help'])).toMatchObject({ kind: 'locale', locale: 'ru' });
    expect(takeLangFlag(['--lang', 'ru-RU', 'help'])).toMatchObject({ kind: 'locale', locale: 'ru' });
    // The last one wins, as with other flags.
    expect(takeLangFlag(['--lang', 'ru', 'help', '--lang', 'en'])).toMatchObject({ locale: 'en' });
  });

  it('leaves arguments alone without it, and after "--"', () => {
    expect(takeLangFlag(['search', 'pixel'])).toEqual({ kind: 'none', argv: ['search', 'pixel'] });
    expect(takeLangFlag(['search', '--', '--lang', 'ru'])).toEqual({
      kind: 'none',
      argv: ['search', '--', '--lang', 'ru'],
    });
  });

  it('refuses a language Megadisc does not speak, and a missing one', () => {
    expect(takeLangFlag(['--lang', 'xx', 'help'])).toEqual({ kind: 'bad', value: 'xx' });
    expect(takeLangFlag(['--lang', 'de', 'help'])).toEqual({ kind: 'bad', value: 'de' });
    expect(takeLangFlag(['help', '--lang'])).toEqual({ kind: 'bad', value: null });
    expect(takeLangFlag(['--lang', '--json', 'balance'])).toEqual({ kind: 'bad', value: null });
    expect(takeLangFlag(['--lang=', 'help'])).toEqual({ kind: 'bad', value: null });
  });
});

describe('environmentLocale', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG, then LANGUAGE', () => {
    expect(
      environmentLocale({ LC_ALL: 'ru_RU.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }),
    ).toBe('ru');
    expect(environmentLocale({ LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ru');
    expect(environmentLocale({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(environmentLocale({ LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(environmentLocale({ LANG: 'de_DE.UTF-8', LANGUAGE: 'de:ru:en' })).toBe('ru');
  });

  it('is English for C, POSIX, nothing at all, or languages it does not speak', () => {
    expect(environmentLocale({ LANG: 'C' })).toBe('en');
    expect(environmentLocale({ LANG: 'C.UTF-8' })).toBe('en');
    expect(environmentLocale({ LC_ALL: 'POSIX', LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(environmentLocale({})).toBe('en');
    expect(environmentLocale({ LANG: 'de_DE.UTF-8' })).toBe('en');
  });
});
