// What every operator command shares: flag parsing with --data and --json, opening the store's
// data folder for one command, printing in the operator's language, and the exit codes (2 usage,
// 1 refusal). --json output has no language.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Locale, negotiateLocale, posixLanguages } from '../../i18n/locales.ts';
import { type MessageKey, type Translator, translator } from '../../i18n/translator.ts';
import { defaultStoreDataDir } from '../default-data-dir.ts';
import { StoreError } from '../errors/store-error.ts';
import { localizedMessage } from '../http/error-language.ts';
import { openStore, type Store } from '../store/open-store.ts';

export type Values = Record<string, string | boolean | undefined>;
/** One operator command: its arguments, and the translator of the operator's language. */
export type OperatorCommand = (argv: string[], i18n: Translator) => Promise<number>;

/** Bad usage (exit 2); its message is already in the operator's language. */
export class UsageError extends Error {}

/** Flags node:util refused; its English message goes out as the detail of a translated line. */
class BadArguments extends UsageError {}

export const out = (text: string) => process.stdout.write(`${text}\n`);
export const json = (value: unknown) => out(JSON.stringify(value, null, 2));

const firstLine = (text: string) => text.split('\n')[0]!.trim();

/**
 * The translator for `megadisc server …`: the locale the `megadisc` command chose (--lang), else
 * the terminal's LC_ALL, LC_MESSAGES, LANG and LANGUAGE; English for C/POSIX or a language
 * Megadisc does not speak.
 */
export function operatorI18n(
  locale?: Locale,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Translator {
  return translator(locale ?? negotiateLocale(posixLanguages(env)));
}

/** "bad arguments: …" for a message from node:util's parseArgs. */
export function badArguments(i18n: Translator, error: unknown): string {
  return i18n.t('operator.usage.badArguments', {
    detail: firstLine(error instanceof Error ? error.message : String(error)),
  });
}

export function parse(argv: string[], options: Record<string, { type: 'string' | 'boolean' }> = {}) {
  try {
    return parseArgs({
      args: argv,
      options: { data: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' }, ...options },
      allowPositionals: true,
      strict: true,
    }) as { values: Values; positionals: string[] };
  } catch (error) {
    throw new BadArguments((error as Error).message);
  }
}

/** The database --db names (or MEGADISC_STORE_DB): a postgres:// URL; none means the data folder's SQLite file. */
export function databaseOf(values: Values): string | undefined {
  const target = values.db ?? process.env.MEGADISC_STORE_DB;
  return typeof target === 'string' && target !== '' ? target : undefined;
}

/** A database target fit to print: a URL's password is left out. */
export function shownDatabase(target: string): string {
  return target.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}

/** Opens the store for one command; safe beside a running server (SQLite WAL, or PostgreSQL). */
export async function withStore<T>(values: Values, fn: (store: Store) => Promise<T> | T): Promise<T> {
  const database = databaseOf(values);
  const store = await openStore({
    dataDir: resolve(String(values.data ?? defaultStoreDataDir())),
    ...(database ? { database } : {}),
  });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** An amount in micros as a plain decimal with two places, for a column headed by its currency. */
export function decimal(i18n: Translator, micros: number): string {
  return i18n.number(micros / 1_000_000, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A catalog word for a value from the store (a state, a kind), or the value itself when there is none. */
export function wordFor(i18n: Translator, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return i18n.has(key) ? (i18n.t as (k: MessageKey) => string)(key) : value;
}

/**
 * A refusal in one line, as the client CLI prints one: the catalog's `server.error.<CODE>` text in
 * the operator's language with the store's technical English message as detail, and the code; the
 * message and code alone for a code the catalog does not know, the message alone without a code.
 */
export function refusalText(i18n: Translator, error: unknown): string {
  const message = firstLine(error instanceof Error ? error.message : String(error));
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return message;
  const key = `server.error.${code}`;
  let text: string | null = null;
  if (error instanceof StoreError && i18n.has(key))
    text = localizedMessage(i18n, {
      code: error.code,
      english: message,
      params: error.params,
      headers: error.headers,
    });
  else if (i18n.has(key)) text = (i18n.t as (k: MessageKey) => string)(key);
  if (text === null || message === '')
    return i18n.t('operator.error.withCode', { text: text ?? message, code });
  return i18n.t('operator.error.withDetail', { text, detail: message, code });
}

/** Runs one command; usage errors exit 2, store refusals 1, each with one line on stderr. */
export async function runOperatorCommand(
  commands: Record<string, OperatorCommand>,
  name: string,
  argv: string[],
  i18n: Translator,
): Promise<number> {
  try {
    return await commands[name]!(argv, i18n);
  } catch (error) {
    const line =
      error instanceof BadArguments
        ? badArguments(i18n, error)
        : error instanceof UsageError
          ? error.message
          : refusalText(i18n, error);
    process.stderr.write(`megadisc server ${name}: ${line}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
