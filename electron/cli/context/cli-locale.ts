// The language of what `megadisc` prints: --lang (any command, anywhere before "--"), else the
// terminal's LC_ALL, LC_MESSAGES, LANG and LANGUAGE, else English. --json output has no language.
import { type Locale, localeOf, negotiateLocale, posixLanguages } from '../../../i18n/locales.ts';
import { type Translator, translator } from '../../../i18n/translator.ts';

let current: Translator = translator('en');

/** The translator of this run of the CLI (English until main() has chosen). */
export function cliI18n(): Translator {
  return current;
}

export function setCliLocale(locale: Locale): Translator {
  current = translator(locale);
  return current;
}

/** The locale a POSIX environment asks for; English for C/POSIX or a language Megadisc does not speak. */
export function environmentLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  return negotiateLocale(posixLanguages(env));
}

export type LangFlag =
  | { kind: 'none'; argv: string[] }
  | { kind: 'locale'; locale: Locale; argv: string[] }
  /** --lang without a value, or with one Megadisc does not speak. */
  | { kind: 'bad'; value: string | null };

/**
 * Takes --lang X / --lang=X out of the arguments, wherever it stands before a "--" (the last one
 * wins), so commands never see it. "ru", "RU" and "ru-RU" all mean Russian.
 */
export function takeLangFlag(argv: readonly string[]): LangFlag {
  const rest: string[] = [];
  let value: string | null | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') {
      const next = argv[i + 1];
      value = next === undefined || next.startsWith('-') ? null : next;
      if (value !== null) i++;
    } else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length) || null;
    else rest.push(arg);
  }
  if (value === undefined) return { kind: 'none', argv: rest };
  const locale = value === null ? null : localeOf(value);
  return locale ? { kind: 'locale', locale, argv: rest } : { kind: 'bad', value };
}
