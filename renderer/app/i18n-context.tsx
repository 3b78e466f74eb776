// The UI's language: the language setting, or the system's preferred languages (Electron reports the
// OS's; web mode asks the browser). A change applies at once: every useI18n() reader re-renders.
import { createContext, type ReactNode, useContext, useEffect, useLayoutEffect, useState } from 'react';
import { type LanguageSetting, resolveLocale, type Translator, translator } from '../../i18n/index.ts';
import { useApi } from './api-context.tsx';
import { useEvent } from './use-event.ts';

// Components rendered on their own (component tests) speak English.
const I18nContext = createContext<Translator>(translator('en'));

export function useI18n(): Translator {
  return useContext(I18nContext);
}

const browserLanguages = (): readonly string[] =>
  typeof navigator === 'undefined'
    ? []
    : navigator.languages?.length
      ? navigator.languages
      : [navigator.language];

export function LocaleProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [language, setLanguage] = useState<LanguageSetting>('system');
  const [systemLanguages, setSystemLanguages] = useState<readonly string[] | null>(null);
  const [browser, setBrowser] = useState(browserLanguages);

  useEffect(() => {
    let live = true;
    api['settings.get']({}).then(
      (s) => live && setLanguage(s.language),
      () => undefined,
    );
    api['app.info']({}).then(
      (i) => live && setSystemLanguages(i.systemLanguages),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  useEvent('settings', (e) => setLanguage(e.settings.language));
  useEffect(() => {
    const changed = () => setBrowser(browserLanguages());
    window.addEventListener('languagechange', changed);
    return () => window.removeEventListener('languagechange', changed);
  }, []);

  const locale = resolveLocale(language, systemLanguages ?? browser);
  // In the same commit as the text (before paint): <html lang> never disagrees with what is shown.
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={translator(locale)}>{children}</I18nContext.Provider>;
}
