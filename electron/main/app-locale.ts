// The desktop app's language outside the React UI (dialogs from the main process): the language
// setting, and for "system" the OS's preferred languages.
import { app } from 'electron';
import { LANGUAGE_SETTINGS, type LanguageSetting, type Locale, resolveLocale } from '../../i18n/locales.ts';
import { type Translator, translator } from '../../i18n/translator.ts';

function isLanguageSetting(value: unknown): value is LanguageSetting {
  return typeof value === 'string' && (LANGUAGE_SETTINGS as readonly string[]).includes(value);
}

/** The locale for a stored language setting (anything unreadable counts as "system"). */
export function appLocale(setting: unknown): Locale {
  let system: string[] = [];
  try {
    system = app.getPreferredSystemLanguages();
  } catch {
    // Before 'ready' on some platforms, or none known: English.
  }
  return resolveLocale(isLanguageSetting(setting) ? setting : 'system', system);
}

export function appI18n(setting: unknown): Translator {
  return translator(appLocale(setting));
}
