// The languages Megadisc speaks, and how a language is chosen: a setting, the OS or browser's
// preferred languages, Accept-Language on the store, LANG/LC_ALL in a terminal.

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The language setting: follow the system (the default), or one of the locales. */
export const LANGUAGE_SETTINGS = ['system', ...LOCALES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** "ru-RU", "ru_RU.UTF-8", "RU" → "ru"; null when the tag names no language we speak. */
export function localeOf(tag: string): Locale | null {
  const language = tag
    .trim()
    .split(/[-_.@]/)[0]
    ?.toLowerCase();
  return isLocale(language) ? language : null;
}

/** The first preferred language we speak, in the caller's order; English when none is. */
export function negotiateLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The locale a language setting means, given the system's preferred languages. */
export function resolveLocale(setting: LanguageSetting | undefined, system: readonly string[]): Locale {
  return setting && setting !== 'system' ? setting : negotiateLocale(system);
}

/**
 * Accept-Language, ordered by q-value (ties keep header order); "*" and q=0 entries are dropped.
 * `ru;q=0.9, en;q=0.8` → ["ru", "en"].
 */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((e) => e.tag !== '' && e.tag !== '*' && e.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((e) => e.tag);
}

/**
 * The preferred languages of a POSIX environment: LC_ALL, then LC_MESSAGES, then LANG (the first
 * set one wins, as in setlocale), then LANGUAGE's list. "C" and "POSIX" mean no preference.
 */
export function posixLanguages(env: Readonly<Record<string, string | undefined>>): string[] {
  const first = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  const out: string[] = [];
  if (first && first !== 'C' && first !== 'POSIX' && !first.startsWith('C.')) out.push(first);
  if (env.LANGUAGE) out.push(...env.LANGUAGE.split(':').filter(Boolean));
  return out;
}
