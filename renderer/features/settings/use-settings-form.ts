// The settings form's state: what is saved, what the user changed, what is wrong, and saving only
// the fields that changed. The theme and the language are saved on their own, the moment they are picked.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Settings, Theme } from '../../../electron/shared/app-api/domain.ts';
import type { MegadiscError } from '../../../electron/shared/errors.ts';
import type { LanguageSetting } from '../../../i18n/index.ts';
import { useApi } from '../../app/api-context.tsx';
import { useI18n } from '../../app/i18n-context.tsx';
import { useAction } from '../../app/use-action.ts';
import { useEvent } from '../../app/use-event.ts';
import { useQuery } from '../../app/use-query.ts';
import {
  changedSettings,
  type FieldName,
  type FormSettings,
  type FormValues,
  parseForm,
  toForm,
} from './settings-form-values.ts';

export interface SettingsForm {
  loading: boolean;
  loadError: MegadiscError | null;
  reload: () => void;
  saved: Settings | null;
  values: FormValues | null;
  errors: Partial<Record<FieldName, string>>;
  changes: Partial<FormSettings>;
  set: <K extends FieldName>(name: K, value: FormValues[K]) => void;
  revert: () => void;
  save: () => Promise<void>;
  saving: boolean;
  saveError: MegadiscError | null;
  /** True from a successful save until the next edit. */
  justSaved: boolean;
  setTheme: (theme: Theme) => void;
  themeError: MegadiscError | null;
  setLanguage: (language: LanguageSetting) => void;
  languageError: MegadiscError | null;
}

export function useSettingsForm(): SettingsForm {
  const api = useApi();
  const i18n = useI18n();
  const query = useQuery(() => api['settings.get']({}), [api]);
  const [saved, setSaved] = useState<Settings | null>(null);
  const [edits, setEdits] = useState<Partial<FormValues>>({});
  const saveAction = useAction();
  const [justSaved, setJustSaved] = useState(false);
  const [themeError, setThemeError] = useState<MegadiscError | null>(null);
  const [languageError, setLanguageError] = useState<MegadiscError | null>(null);

  useEffect(() => {
    if (query.data) setSaved(query.data);
  }, [query.data]);
  // Changes made elsewhere (the theme, a login that moved the store URL) show up here; fields the
  // user is editing keep the user's text.
  useEvent('settings', (e) => setSaved(e.settings));

  const values = useMemo(() => (saved ? { ...toForm(saved), ...edits } : null), [saved, edits]);
  // Parsed again when the language changes, so the field errors follow it.
  const parsed = useMemo(() => (values ? parseForm(values, i18n) : null), [values, i18n]);
  const changes = useMemo(
    () => (parsed && saved ? changedSettings(parsed.settings, saved) : {}),
    [parsed, saved],
  );

  const set = useCallback(<K extends FieldName>(name: K, value: FormValues[K]) => {
    setEdits((e) => ({ ...e, [name]: value }));
    setJustSaved(false);
  }, []);

  const revert = useCallback(() => {
    setEdits({});
    saveAction.clearError();
  }, [saveAction.clearError]);

  const save = useCallback(async () => {
    if (Object.keys(changes).length === 0) return;
    const result = await saveAction.run(() => api['settings.update'](changes));
    if (!result.ok) return;
    setSaved(result.value);
    setEdits({});
    setJustSaved(true);
  }, [api, changes, saveAction.run]);

  const setTheme = useCallback(
    (theme: Theme) => {
      setThemeError(null);
      // Shown at once; the shell applies it when the core announces the new settings.
      setSaved((s) => (s ? { ...s, theme } : s));
      api['settings.update']({ theme }).then(setSaved, (e: MegadiscError) => {
        setThemeError(e);
        query.reload();
      });
    },
    [api, query.reload],
  );

  const setLanguage = useCallback(
    (language: LanguageSetting) => {
      setLanguageError(null);
      // The whole window switches when the core announces the new settings (LocaleProvider).
      setSaved((s) => (s ? { ...s, language } : s));
      api['settings.update']({ language }).then(setSaved, (e: MegadiscError) => {
        setLanguageError(e);
        query.reload();
      });
    },
    [api, query.reload],
  );

  return {
    loading: query.loading,
    loadError: query.error,
    reload: query.reload,
    saved,
    values,
    errors: parsed?.errors ?? {},
    changes,
    set,
    revert,
    save,
    saving: saveAction.busy,
    saveError: saveAction.error,
    justSaved,
    setTheme,
    themeError,
    setLanguage,
    languageError,
  };
}
