// Appearance: the theme and the language, each applied the moment it is picked (no Save needed).
import type { Theme } from '../../../electron/shared/app-api/domain.ts';
import { LANGUAGE_SETTINGS, type LanguageSetting, translator } from '../../../i18n/index.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { RadioChoice } from './RadioChoice.tsx';
import type { SettingsForm } from './use-settings-form.ts';

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** Each language by its own name ("English", "Русский"); "System" in the language shown now. */
function languageName(setting: LanguageSetting, current: ReturnType<typeof useI18n>): string {
  return setting === 'system'
    ? current.t('common.language.system')
    : translator(setting).t(`common.language.${setting}`);
}

export function AppearanceSection({ form }: { form: SettingsForm }) {
  const i18n = useI18n();
  const theme = form.saved?.theme ?? 'system';
  const language = form.saved?.language ?? 'system';
  return (
    <section className="card settings-section" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance">{i18n.t('settings.appearance')}</h2>
      <RadioChoice
        name="theme"
        legend={i18n.t('settings.theme')}
        options={THEMES}
        value={theme}
        onChange={form.setTheme}
        label={(t) => i18n.t(`settings.theme.${t}`)}
        hint={(t) => i18n.t(`settings.theme.${t}.hint`)}
        note={i18n.t('settings.theme.applied')}
      />
      {form.themeError ? <ErrorNotice error={form.themeError} /> : null}
      <div className="field language-choice">
        <label htmlFor="settings-language">{i18n.t('settings.language')}</label>
        <select
          id="settings-language"
          value={language}
          aria-describedby="settings-language-hint"
          onChange={(e) => form.setLanguage(e.target.value as LanguageSetting)}
        >
          {LANGUAGE_SETTINGS.map((setting) => (
            <option key={setting} value={setting} lang={setting === 'system' ? undefined : setting}>
              {languageName(setting, i18n)}
            </option>
          ))}
        </select>
        <span id="settings-language-hint" className="hint muted">
          {i18n.t('settings.language.hint')}
        </span>
      </div>
      {form.languageError ? <ErrorNotice error={form.languageError} /> : null}
    </section>
  );
}
