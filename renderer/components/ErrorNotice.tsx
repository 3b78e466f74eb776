// An error in words, with its code and, when it makes sense, a way to try again.
import { describeError } from './error-messages.ts';

export function ErrorNotice({
  error,
  onRetry,
  detail = true,
}: {
  error: { code?: string; message: string };
  onRetry?: () => void;
  detail?: boolean;
}) {
  const described = describeError(error);
  return (
    <div className="notice notice-error" role="alert">
      <p>
        {described}
        {detail && described !== error.message ? <span className="muted"> ({error.message})</span> : null}
        {error.code ? <code className="error-code">{error.code}</code> : null}
      </p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
