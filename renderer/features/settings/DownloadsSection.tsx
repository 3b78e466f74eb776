// Download settings: how many files at once, and an optional speed limit.
import { SettingField } from './SettingField.tsx';
import type { SettingsForm } from './use-settings-form.ts';

export function DownloadsSection({ form }: { form: SettingsForm }) {
  const v = form.values!;
  const { errors, set } = form;
  return (
    <section className="card settings-section" aria-labelledby="settings-downloads">
      <h2 id="settings-downloads">Downloads</h2>
      <div className="field-grid">
        <SettingField
          id="concurrency"
          label="Downloads at once"
          hint="From 1 to 16. Takes effect without restarting the queue."
          error={errors.concurrency}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              max={16}
              step={1}
              value={v.concurrency}
              onChange={(e) => set('concurrency', e.target.value)}
            />
          )}
        </SettingField>
      </div>
      <fieldset className="bandwidth">
        <legend>Bandwidth</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={v.bandwidthOn}
            onChange={(e) => set('bandwidthOn', e.target.checked)}
          />
          Limit the download speed
        </label>
        <div className="row bandwidth-row">
          <label htmlFor="bandwidth-value" className="visually-hidden">
            Speed limit
          </label>
          <input
            id="bandwidth-value"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            disabled={!v.bandwidthOn}
            value={v.bandwidthValue}
            placeholder={v.bandwidthOn ? 'e.g. 500' : 'No limit'}
            aria-invalid={errors.bandwidthValue ? true : undefined}
            aria-describedby={errors.bandwidthValue ? 'bandwidth-error' : undefined}
            onChange={(e) => set('bandwidthValue', e.target.value)}
          />
          <label htmlFor="bandwidth-unit" className="visually-hidden">
            Unit
          </label>
          <select
            id="bandwidth-unit"
            disabled={!v.bandwidthOn}
            value={v.bandwidthUnit}
            onChange={(e) => set('bandwidthUnit', e.target.value as 'kB' | 'MB')}
          >
            <option value="kB">kB/s</option>
            <option value="MB">MB/s</option>
          </select>
        </div>
        {errors.bandwidthValue ? (
          <span id="bandwidth-error" className="field-error">
            {errors.bandwidthValue}
          </span>
        ) : null}
      </fieldset>
    </section>
  );
}
