// Turns a file-system error on the .part (or the final file) into a MegadiscError the UI can explain.
import { isMegadiscError, MegadiscError } from '../../../shared/errors.ts';

/**
 * None of these is retryable: trying again at once cannot free disk space or grant permission, and
 * retrying would only hammer the store. The .part stays, so the user can fix things and resume.
 */
export function diskError(cause: unknown, path: string): MegadiscError {
  if (isMegadiscError(cause)) return cause;
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new MegadiscError('DISK_FULL', `the disk is full (writing ${path})`, { cause });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new MegadiscError('PERMISSION_DENIED', `no permission to write ${path} (${code})`, { cause });
    case 'ENOENT':
    case 'ENOTDIR':
      return new MegadiscError('INVALID_STATE', `the download folder for ${path} does not exist (${code})`, {
        cause,
      });
    default:
      return new MegadiscError('INTERNAL', `could not write ${path}: ${code ?? String(cause)}`, { cause });
  }
}

/** Runs a file-system step, mapping its failure with diskError. */
export async function onDisk<T>(path: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (cause) {
    throw diskError(cause, path);
  }
}
