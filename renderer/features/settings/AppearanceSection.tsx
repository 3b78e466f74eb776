// Appearance: the theme, applied the moment it is picked (no Save needed).
import type { Theme } from '../../../electron/shared/app-api/domain.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import type { SettingsForm } from './use-settings-form.ts';

const THEMES: { value: Theme; label: string; hint: string }[] = [
  { value: 'system', label: 'System', hint: 'Follows your operating system' },
  { value: 'light', label: 'Light', hint: 'Always light' },
  { value: 'dark', label: 'Dark', hint: 'Always dark' },
];

export function AppearanceSection({ form }: { form: SettingsForm }) {
  const theme = form.saved?.theme ?? 'system';
  return (
    <section className="card settings-section" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance">Appearance</h2>
      <fieldset className="theme-choice">
        <legend>Theme</legend>
        <div className="theme-options">
          {THEMES.map((t) => (
            <label key={t.value} className="theme-option">
              <input
                type="radio"
                name="theme"
                value={t.value}
                checked={theme === t.value}
                onChange={() => form.setTheme(t.value)}
              />
              <span>
                <strong>{t.label}</strong>
                <span className="muted">{t.hint}</span>
              </span>
            </label>
          ))}
        </div>
        <p className="hint muted">Applied right away.</p>
      </fieldset>
      {form.themeError ? <ErrorNotice error={form.themeError} /> : null}
    </section>
  );
}
