// Settings: library layout, purchases, downloads, the store and its account, the theme and the
// language. One Save sends only what changed; the theme, the language and the login act at once.
import type { FormEvent } from 'react';
import { useAppStatus } from '../../app/app-status.tsx';
import { useI18n } from '../../app/i18n-context.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/Loading.tsx';
import { AppearanceSection } from './AppearanceSection.tsx';
import { DownloadsSection } from './DownloadsSection.tsx';
import { LibrarySection } from './LibrarySection.tsx';
import { PlaybackSection } from './PlaybackSection.tsx';
import { PurchasesSection } from './PurchasesSection.tsx';
import { SessionPanel } from './SessionPanel.tsx';
import { StoreSection } from './StoreSection.tsx';
import { usePathPreview } from './use-path-preview.ts';
import { useSettingsForm } from './use-settings-form.ts';
import './settings.css';

export function SettingsView() {
  const i18n = useI18n();
  const form = useSettingsForm();
  const { info } = useAppStatus();
  const preview = usePathPreview(form.values?.pathTemplate ?? null);

  if (!form.values || !form.saved) {
    return (
      <div className="settings">
        <h1>{i18n.t('settings.title')}</h1>
        {form.loadError ? <ErrorNotice error={form.loadError} onRetry={form.reload} /> : <Loading />}
      </div>
    );
  }

  const changed = Object.keys(form.changes).length;
  const templateChanged = 'pathTemplate' in form.changes;
  const invalid = Object.keys(form.errors).length > 0 || preview.error !== null;
  const waiting = templateChanged && preview.pending;
  const canSave = changed > 0 && !invalid && !waiting && !form.saving;
  const status = invalid
    ? i18n.t('settings.status.invalid')
    : form.justSaved
      ? i18n.t('settings.status.saved')
      : changed > 0
        ? i18n.t('settings.status.unsaved', { count: changed })
        : i18n.t('settings.status.allSaved');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSave) void form.save();
  };

  return (
    <div className="settings">
      <h1>{i18n.t('settings.title')}</h1>
      <form className="settings-form" onSubmit={submit} aria-label={i18n.t('settings.form')} noValidate>
        <LibrarySection form={form} preview={preview} />
        <PurchasesSection form={form} />
        <DownloadsSection form={form} />
        <StoreSection form={form} />
        <div className="save-bar">
          {form.saveError ? <ErrorNotice error={form.saveError} /> : null}
          <div className="save-bar-row">
            <p
              className={`save-status${form.justSaved ? ' save-status-ok' : ''}${invalid ? ' save-status-error' : ''}`}
              role="status"
              data-testid="save-status"
            >
              {status}
            </p>
            <button
              type="button"
              className="button"
              onClick={form.revert}
              disabled={changed === 0 && !invalid}
            >
              {i18n.t('settings.revert')}
            </button>
            <button type="submit" className="button button-primary" disabled={!canSave}>
              {form.saving ? i18n.t('settings.saving') : i18n.t('common.save')}
            </button>
          </div>
        </div>
      </form>
      <SessionPanel
        defaultStoreUrl={form.saved.storeUrl ?? info?.demoStoreUrl ?? ''}
        onChanged={form.reload}
      />
      <AppearanceSection form={form} />
      <PlaybackSection saved={form.saved} />
    </div>
  );
}
