// Turns anything thrown inside the app service into a MegadiscError with a code the UI can map.
import { ERROR_CODES, type ErrorCode, MegadiscError } from '../../shared/errors.ts';

export function asMegadiscError(error: unknown): MegadiscError {
  if (error instanceof MegadiscError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // Settings and the library validate with RangeError; to the caller that is a bad argument.
  if (error instanceof RangeError) return new MegadiscError('INVALID_ARGUMENT', message, { cause: error });
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) {
    return new MegadiscError(code as ErrorCode, message, { cause: error });
  }
  if (code === 'ENOSPC') return new MegadiscError('DISK_FULL', message, { cause: error });
  if (code === 'EACCES' || code === 'EPERM') {
    return new MegadiscError('PERMISSION_DENIED', message, { cause: error });
  }
  return new MegadiscError('INTERNAL', message, { cause: error });
}

/** Whether an error means the store could not be reached at all (as opposed to refusing). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof MegadiscError && error.code === 'STORE_UNREACHABLE';
}
