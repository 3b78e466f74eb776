// How hard to pull: parallel downloads (1–16) and an optional speed limit in kB/s or MB/s, saved
// as soon as they change; the core applies them to the downloads already running.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useI18n } from '../../app/i18n-context.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useTransferSettings } from './use-transfer-settings.ts';

const UNITS = { kB: 1000, MB: 1_000_000 } as const;
type Unit = keyof typeof UNITS;
/** The contract's floor for a limit, in bytes per second. */
const MIN_LIMIT = 1024;

function splitLimit(bytes: number): { value: string; unit: Unit } {
  if (bytes >= UNITS.MB) return { value: String(Number((bytes / UNITS.MB).toFixed(2))), unit: 'MB' };
  return { value: String(Math.round(bytes / UNITS.kB)), unit: 'kB' };
}

export function TransferControls() {
  const i18n = useI18n();
  const { settings, error, saved, save } = useTransferSettings();
  const id = useId();
  const [limited, setLimited] = useState(false);
  const [value, setValue] = useState('2');
  const [unit, setUnit] = useState<Unit>('MB');
  const [invalid, setInvalid] = useState(false);

  // Follow the saved figures, whoever changed them (this screen, Settings, the CLI).
  const limit = settings?.bandwidthLimit;
  useEffect(() => {
    if (limit === undefined) return;
    setLimited(limit !== null);
    if (limit !== null) {
      const split = splitLimit(limit);
      setValue(split.value);
      setUnit(split.unit);
    }
  }, [limit]);

  const commit = (next: { limited?: boolean; value?: string; unit?: Unit }) => {
    const on = next.limited ?? limited;
    if (!on) {
      setInvalid(false);
      if (limit !== null) void save({ bandwidthLimit: null });
      return;
    }
    const bytes = Math.round(Number(next.value ?? value) * UNITS[next.unit ?? unit]);
    if (!Number.isFinite(bytes) || bytes < MIN_LIMIT) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (bytes !== limit) void save({ bandwidthLimit: bytes });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    commit({});
  };

  if (!settings) return error ? <ErrorNotice error={error} /> : null;
  return (
    <form className="dl-controls" onSubmit={onSubmit} aria-label={i18n.t('downloads.transfer.label')}>
      <div className="dl-control">
        <label htmlFor={`${id}-concurrency`}>{i18n.t('downloads.transfer.parallel')}</label>
        <select
          id={`${id}-concurrency`}
          value={settings.concurrency}
          onChange={(e) => void save({ concurrency: Number(e.target.value) })}
        >
          {Array.from({ length: 16 }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="dl-control dl-control-limit">
        <label className="dl-check">
          <input
            type="checkbox"
            checked={limited}
            onChange={(e) => {
              setLimited(e.target.checked);
              commit({ limited: e.target.checked });
            }}
          />
          {i18n.t('downloads.transfer.limit')}
        </label>
        <input
          id={`${id}-limit`}
          className="dl-limit-value"
          type="number"
          inputMode="decimal"
          min={unit === 'kB' ? 2 : 0.01}
          step={unit === 'kB' ? 1 : 0.1}
          value={value}
          disabled={!limited}
          aria-label={i18n.t('downloads.transfer.limitValue')}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${id}-limit-error` : undefined}
          onChange={(e) => setValue(e.target.value)}
          onBlur={() => commit({})}
        />
        <select
          aria-label={i18n.t('downloads.transfer.limitUnit')}
          value={unit}
          disabled={!limited}
          onChange={(e) => {
            const next = e.target.value as Unit;
            setUnit(next);
            commit({ unit: next });
          }}
        >
          <option value="kB">{i18n.t('downloads.transfer.kBps')}</option>
          <option value="MB">{i18n.t('downloads.transfer.MBps')}</option>
        </select>
      </div>
      <p className="dl-control-status" role="status">
        {invalid ? (
          <span id={`${id}-limit-error`} className="dl-error-text">
            {i18n.t('downloads.transfer.tooLow')}
          </span>
        ) : saved > 0 ? (
          <span className="muted">{i18n.t('downloads.transfer.saved')}</span>
        ) : null}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
