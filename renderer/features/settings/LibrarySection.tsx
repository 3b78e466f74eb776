// Library settings: where files go and how they are named (with a live preview), ID3 version and
// the cover embedded in each file.
import { useI18n } from '../../app/i18n-context.tsx';
import { SettingField } from './SettingField.tsx';
import { DEFAULT_TEMPLATE, TemplateHelp } from './TemplateHelp.tsx';
import type { PathPreviewState } from './use-path-preview.ts';
import type { SettingsForm } from './use-settings-form.ts';

/** Tag versions by their names, which no language translates. */
const ID3_NAMES = { 4: 'ID3v2.4', 3: 'ID3v2.3' } as const;

export function LibrarySection({ form, preview }: { form: SettingsForm; preview: PathPreviewState }) {
  const i18n = useI18n();
  const v = form.values!;
  const { errors, set } = form;
  const templateError = errors.pathTemplate ?? preview.error;
  return (
    <section className="card settings-section" aria-labelledby="settings-library">
      <h2 id="settings-library">{i18n.t('settings.library')}</h2>
      <SettingField
        id="library-dir"
        label={i18n.t('settings.libraryDir')}
        hint={i18n.t('settings.libraryDir.hint')}
        error={errors.libraryDir}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            value={v.libraryDir}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => set('libraryDir', e.target.value)}
          />
        )}
      </SettingField>

      <div className="field">
        <div className="label-row">
          <label htmlFor="path-template">{i18n.t('settings.pathTemplate')}</label>
          {v.pathTemplate !== DEFAULT_TEMPLATE ? (
            <button
              type="button"
              className="link-button"
              onClick={() => set('pathTemplate', DEFAULT_TEMPLATE)}
            >
              {i18n.t('settings.pathTemplate.useDefault')}
            </button>
          ) : null}
        </div>
        <input
          id="path-template"
          type="text"
          className="mono-input"
          value={v.pathTemplate}
          spellCheck={false}
          autoComplete="off"
          aria-describedby="path-template-preview"
          aria-invalid={templateError ? true : undefined}
          onChange={(e) => set('pathTemplate', e.target.value)}
        />
        <div id="path-template-preview" className="template-preview" aria-live="polite">
          {templateError ? (
            <p className="field-error" data-testid="template-error">
              {templateError}
            </p>
          ) : (
            <>
              <span className="visually-hidden">{i18n.t('settings.pathTemplate.examples')} </span>
              <ul
                className={preview.pending ? 'preview-list preview-stale' : 'preview-list'}
                data-testid="template-examples"
              >
                {preview.examples.map((example) => (
                  <li key={example}>{example}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <TemplateHelp />
      </div>
      <label className="check">
        <input type="checkbox" checked={v.pathAscii} onChange={(e) => set('pathAscii', e.target.checked)} />
        {i18n.t('settings.pathAscii')}
      </label>

      <div className="field-grid">
        <SettingField id="id3-version" label={i18n.t('settings.id3')} hint={i18n.t('settings.id3.hint')}>
          {(control) => (
            <select
              {...control}
              value={v.id3Version}
              onChange={(e) => set('id3Version', e.target.value as '3' | '4')}
            >
              <option value="4">{ID3_NAMES[4]}</option>
              <option value="3">{ID3_NAMES[3]}</option>
            </select>
          )}
        </SettingField>
        <SettingField
          id="cover-px"
          label={i18n.t('settings.coverPx')}
          hint={i18n.t('settings.coverPx.hint')}
          error={errors.coverMaxPx}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={100}
              max={10_000}
              step={1}
              value={v.coverMaxPx}
              onChange={(e) => set('coverMaxPx', e.target.value)}
            />
          )}
        </SettingField>
        <SettingField
          id="cover-kb"
          label={i18n.t('settings.coverKb')}
          hint={i18n.t('settings.coverKb.hint')}
          error={errors.coverMaxKb}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="decimal"
              min={10}
              max={50_000}
              value={v.coverMaxKb}
              onChange={(e) => set('coverMaxKb', e.target.value)}
            />
          )}
        </SettingField>
      </div>
      <label className="check">
        <input type="checkbox" checked={v.coverFile} onChange={(e) => set('coverFile', e.target.checked)} />
        {i18n.t('settings.coverFile')}
      </label>
    </section>
  );
}
