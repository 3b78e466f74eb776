// An error in words, with its code and, when it makes sense, a way to try again. The core's own
// message (technical, in English) is kept behind a disclosure for support.
import { useI18n } from '../app/i18n-context.tsx';
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
  const i18n = useI18n();
  const described = describeError(error, i18n);
  return (
    <div className="notice notice-error" role="alert">
      <p>
        {described}
        {error.code ? <code className="error-code">{error.code}</code> : null}
      </p>
      {detail && described !== error.message ? (
        <details className="error-detail muted">
          <summary>{i18n.t('common.error.details')}</summary>
          {error.message}
        </details>
      ) : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {i18n.t('common.tryAgain')}
        </button>
      ) : null}
    </div>
  );
}
