// What every operator command shares: flag parsing with --data and --json, opening the store's
// data folder for one command, printing, and the exit codes (2 usage, 1 refusal).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultStoreDataDir } from '../default-data-dir.ts';
import { StoreError } from '../errors.ts';
import { openStore, type Store } from '../store.ts';

export type Values = Record<string, string | boolean | undefined>;
export type OperatorCommand = (argv: string[]) => Promise<number>;

export class UsageError extends Error {}

export const out = (text: string) => process.stdout.write(`${text}\n`);
export const json = (value: unknown) => out(JSON.stringify(value, null, 2));

export function parse(argv: string[], options: Record<string, { type: 'string' | 'boolean' }> = {}) {
  try {
    return parseArgs({
      args: argv,
      options: { data: { type: 'string' }, json: { type: 'boolean' }, ...options },
      allowPositionals: true,
      strict: true,
    }) as { values: Values; positionals: string[] };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Opens the store for one command; safe beside a running server (SQLite WAL). */
export async function withStore<T>(values: Values, fn: (store: Store) => Promise<T> | T): Promise<T> {
  const store = await openStore({ dataDir: resolve(String(values.data ?? defaultStoreDataDir())) });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Runs one command; usage errors exit 2, store refusals 1, each with one line on stderr. */
export async function runOperatorCommand(
  commands: Record<string, OperatorCommand>,
  name: string,
  argv: string[],
): Promise<number> {
  try {
    return await commands[name]!(argv);
  } catch (error) {
    const code = error instanceof StoreError ? ` (${error.code})` : '';
    process.stderr.write(`megadisc server ${name}: ${(error as Error).message}${code}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
