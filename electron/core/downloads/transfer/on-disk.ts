// Runs a file-system step on the .part, the final file or their folder, failing with a coded error.
import { asMegadiscError } from '../../../shared/as-megadisc-error.ts';

/** The .part stays on failure, so the user can free space or fix permissions and resume. */
export async function onDisk<T>(path: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (cause) {
    throw asMegadiscError(cause, `cannot write ${path}`);
  }
}
