// Library settings: where files go and how they are named (with a live preview), ID3 version and
// the cover embedded in each file.

import { SettingField } from './SettingField.tsx';
import { DEFAULT_TEMPLATE, TemplateHelp } from './TemplateHelp.tsx';
import type { PathPreviewState } from './use-path-preview.ts';
import type { SettingsForm } from './use-settings-form.ts';

export function LibrarySection({ form, preview }: { form: SettingsForm; preview: PathPreviewState }) {
  const v = form.values!;
  const { errors, set } = form;
  const templateError = errors.pathTemplate ?? preview.error;
  return (
    <section className="card settings-section" aria-labelledby="settings-library">
      <h2 id="settings-library">Library</h2>
      <SettingField
        id="library-dir"
        label="Library folder"
        hint="Purchases are filed here, one folder per album as the template below says."
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
          <label htmlFor="path-template">Path template</label>
          {v.pathTemplate !== DEFAULT_TEMPLATE ? (
            <button
              type="button"
              className="link-button"
              onClick={() => set('pathTemplate', DEFAULT_TEMPLATE)}
            >
              Use the default
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
              <span className="visually-hidden">Example paths: </span>
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
        Plain ASCII file and folder names (transliterate Cyrillic, drop accents) for old players
      </label>

      <div className="field-grid">
        <SettingField
          id="id3-version"
          label="ID3 version for MP3 files"
          hint="2.3 suits older players and car stereos."
        >
          {(control) => (
            <select
              {...control}
              value={v.id3Version}
              onChange={(e) => set('id3Version', e.target.value as '3' | '4')}
            >
              <option value="4">ID3v2.4</option>
              <option value="3">ID3v2.3</option>
            </select>
          )}
        </SettingField>
        <SettingField
          id="cover-px"
          label="Largest cover, in pixels"
          hint="The longest side of the embedded picture."
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
          label="Largest cover file, in kB"
          hint="The store’s largest cover within both limits is used."
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
        Also save the cover as cover.jpg in each album folder
      </label>
    </section>
  );
}
