// What an error code means to a listener, in the UI's language; the code itself stays visible for
// support. An error without a known code (a bug, or an older core) shows its own message.
import type { Translator } from '../../i18n/index.ts';

export function describeError(
  error: { code?: string; message: string } | null | undefined,
  i18n: Translator,
): string {
  if (!error) return '';
  const key = `error.${error.code}`;
  return error.code && i18n.has(key) ? i18n.t(key as 'error.INTERNAL') : error.message;
}
