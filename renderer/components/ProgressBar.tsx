// A labelled progress bar; indeterminate when the total is not known yet.
export function ProgressBar({ value, max, label }: { value: number; max: number | null; label: string }) {
  const fraction = max && max > 0 ? Math.min(1, value / max) : null;
  return (
    <div
      className={`progress${fraction === null ? ' progress-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
    >
      <div className="progress-fill" style={{ width: fraction === null ? '30%' : `${fraction * 100}%` }} />
    </div>
  );
}
