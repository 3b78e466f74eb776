// The one conversion of anything thrown into a MegadiscError with a code the UI and CLI can map.
import { ERROR_CODES, type ErrorCode, MegadiscError } from './errors.ts';

// File-system errno codes (plain strings: no Node here) that mean something the user can fix.
const ERRNO_CODES = new Map<unknown, ErrorCode>([
  ['ENOSPC', 'DISK_FULL'],
  ['EDQUOT', 'DISK_FULL'],
  ['EACCES', 'PERMISSION_DENIED'],
  ['EPERM', 'PERMISSION_DENIED'],
  ['EROFS', 'PERMISSION_DENIED'],
  // A folder that is missing, or a name already taken: the disk is not as the step expected.
  ['ENOENT', 'INVALID_STATE'],
  ['ENOTDIR', 'INVALID_STATE'],
  ['EEXIST', 'INVALID_STATE'],
]);

/**
 * `context` says what was being done ("cannot move a to b") and goes before the error's own
 * message. None of the results is retryable: trying again at once cannot free disk space or grant
 * a permission.
 */
export function asMegadiscError(error: unknown, context?: string): MegadiscError {
  if (error instanceof MegadiscError) return error;
  const own = error instanceof Error ? error.message : String(error);
  const message = context === undefined ? own : `${context}: ${own}`;
  // Settings and the library validate with RangeError; to the caller that is a bad argument.
  if (error instanceof RangeError) return new MegadiscError('INVALID_ARGUMENT', message, { cause: error });
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) {
    return new MegadiscError(code as ErrorCode, message, { cause: error });
  }
  return new MegadiscError(ERRNO_CODES.get(code) ?? 'INTERNAL', message, { cause: error });
}

/** Whether an error means the store could not be reached at all (as opposed to refusing). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof MegadiscError && error.code === 'STORE_UNREACHABLE';
}
