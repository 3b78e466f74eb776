// Maps a failure of the HTTP exchange (got or socket error) to a retryable NETWORK MegadiscError.
import { isMegadiscError, MegadiscError } from '../../../shared/errors.ts';

/**
 * Everything that goes wrong on the wire is worth another attempt: refused or reset connections,
 * premature ends, connect timeouts. The retry resumes from the .part, so nothing already received is lost.
 */
export function networkError(cause: unknown, url: string): MegadiscError {
  if (isMegadiscError(cause)) return cause;
  const error = cause as { code?: string; name?: string; message?: string; event?: string } | null;
  const code = error?.code ?? error?.name ?? 'unknown';
  const host = safeHost(url);
  if (error?.name === 'TimeoutError') {
    return new MegadiscError('NETWORK', `no connection to ${host} within the ${error.event ?? ''} timeout`, {
      cause,
      retryable: true,
    });
  }
  return new MegadiscError('NETWORK', `the connection to ${host} failed (${code}): ${error?.message ?? ''}`, {
    cause,
    retryable: true,
  });
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the store';
  }
}
