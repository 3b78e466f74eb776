// A track's preview button: play/pause with a progress ring around it, and a polite note when the
// preview cannot play (too many previews, not available here, the store out of reach).
import { useI18n } from '../../app/i18n-context.tsx';
import type { PreviewProblem } from './preview-player.ts';
import { usePreview } from './use-preview.ts';
import './previews.css';

const RADIUS = 15;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

const PROBLEM_KEYS = {
  RATE_LIMITED: 'store.preview.rateLimited',
  UNAVAILABLE: 'store.preview.unavailable',
  OFFLINE: 'store.preview.offline',
  FAILED: 'store.preview.failed',
} as const satisfies Record<PreviewProblem, string>;

export function PreviewButton({ trackId, title }: { trackId: number; title: string }) {
  const i18n = useI18n();
  const preview = usePreview(trackId);
  const active = preview.status === 'playing' || preview.status === 'loading';
  const label = active ? i18n.t('store.preview.pause', { title }) : i18n.t('store.preview.play', { title });
  return (
    <span className="preview">
      <button
        type="button"
        className={`preview-button${active ? ' preview-active' : ''}`}
        aria-pressed={active}
        aria-label={label}
        title={label}
        onClick={preview.toggle}
        data-progress={preview.progress.toFixed(2)}
      >
        <svg viewBox="0 0 36 36" aria-hidden="true" focusable="false">
          <circle className="preview-track" cx="18" cy="18" r={RADIUS} />
          <circle
            className="preview-ring"
            cx="18"
            cy="18"
            r={RADIUS}
            strokeDasharray={CIRCUMFERENCE}
            strokeDashoffset={CIRCUMFERENCE * (1 - preview.progress)}
          />
          {active ? (
            <path className="preview-icon" d="M13 11h3.5v14H13zM19.5 11H23v14h-3.5z" />
          ) : (
            <path className="preview-icon" d="M14 11l11 7-11 7z" />
          )}
        </svg>
      </button>
      {preview.problem ? (
        <span className="preview-problem" role="status">
          {i18n.t(PROBLEM_KEYS[preview.problem])}
        </span>
      ) : null}
    </span>
  );
}
