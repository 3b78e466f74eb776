// The one line a failed command prints: what went wrong in the person's language, the technical
// detail, and the code scripts and support go by. Never a stack trace.
import type { MessageKey, Translator } from '../../../i18n/translator.ts';
import { CliError } from '../context/cli-error.ts';

const firstLine = (text: string) => text.split('\n')[0]!.trim();

/** The catalog's words for an error code (`error.<CODE>`), or null for a code it does not know. */
export function errorText(i18n: Translator, code: string): string | null {
  const key = `error.${code}`;
  return i18n.has(key) ? (i18n.t as (k: MessageKey) => string)(key) : null;
}

/**
 * An error in one line without the program name: the catalog's text for its code with the
 * technical message as detail, or the message alone for a code the catalog does not know.
 */
export function describeError(i18n: Translator, code: string, message: string): string {
  const detail = firstLine(message);
  const text = errorText(i18n, code);
  if (text === null || detail === '') return i18n.t('cli.error.withCode', { text: text ?? detail, code });
  return i18n.t('cli.error.withDetail', { text, detail, code });
}

export function errorLine(i18n: Translator, error: unknown): string {
  if (error instanceof CliError) {
    const text = firstLine(error.text);
    const detail = error.detail ? firstLine(error.detail) : '';
    return `megadisc: ${
      detail
        ? i18n.t('cli.error.withDetail', { text, detail, code: error.code })
        : i18n.t('cli.error.withCode', { text, code: error.code })
    }`;
  }
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code !== 'string') return `megadisc: ${firstLine(message)}`;
  return `megadisc: ${describeError(i18n, code, message)}`;
}
