// What every client command shares: --home and --json parsing, the engine, the CLI's translator,
// and output helpers.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Translator } from '../../../i18n/translator.ts';
import { createEngine, type Engine } from '../../core/create-engine.ts';
import { defaultHome } from '../../core/profile/default-home.ts';
import { CliError } from './cli-error.ts';
import { cliI18n } from './cli-locale.ts';

export interface CliContext {
  engine: Engine;
  json: boolean;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** The CLI's language (--lang or the terminal's); --json output never goes through it. */
  i18n: Translator;
  out(text: string): void;
  /** Prints the value as JSON with --json, else the text. */
  print(value: unknown, text: () => string): void;
}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommand(
  argv: string[],
  options: Options = {},
): Omit<CliContext, 'engine' | 'out' | 'print' | 'i18n'> & { home: string } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { home: { type: 'string' }, json: { type: 'boolean', default: false }, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const detail = (error as Error).message.split('\n')[0]!;
    throw new CliError('INVALID_ARGUMENT', cliI18n().t('cli.usage.badArguments', { detail }));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  return {
    home: typeof values.home === 'string' ? values.home : defaultHome(),
    json: values.json === true,
    values,
    positionals: parsed.positionals,
  };
}

export async function withContext(
  argv: string[],
  options: Options,
  body: (ctx: CliContext) => Promise<number | undefined> | number | undefined,
): Promise<number> {
  const parsed = parseCommand(argv, options);
  const engine = createEngine({
    home: parsed.home,
    timeouts: { connectMs: 5000, idleMs: 30_000 },
    // The store's own words in the CLI's language; --json stays English, whatever the locale.
    readerLocale: () => (parsed.json ? 'en' : cliI18n().locale),
  });
  const out = (text: string) => process.stdout.write(`${text}\n`);
  const ctx: CliContext = {
    ...parsed,
    engine,
    i18n: cliI18n(),
    out,
    print: (value, text) => out(parsed.json ? JSON.stringify(value, null, 2) : text()),
  };
  try {
    return (await body(ctx)) ?? 0;
  } finally {
    engine.close();
  }
}

/** A whole number given for `what` (a placeholder such as JOB, or a flag such as --timeout). */
export function requireInt(value: string | undefined, what: string): number {
  if (value === undefined || !/^\d+$/.test(value))
    throw new CliError('INVALID_ARGUMENT', cliI18n().t('cli.usage.notANumber', { what }));
  return Number(value);
}

/** A non-empty value for `flag`; `missing` says what is wanted when a flag's name is not enough. */
export function requireString(value: string | boolean | undefined, flag: string, missing?: string): string {
  if (typeof value !== 'string' || value === '')
    throw new CliError('INVALID_ARGUMENT', missing ?? cliI18n().t('cli.usage.required', { flag }));
  return value;
}
