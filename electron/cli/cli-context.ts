// What every client command shares: --home and --json parsing, the engine, and output helpers.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { createEngine, type Engine } from '../core/create-engine.ts';
import { defaultHome } from '../core/profile/default-home.ts';
import { MegadiscError } from '../shared/errors.ts';

export interface CliContext {
  engine: Engine;
  json: boolean;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  out(text: string): void;
  /** Prints the value as JSON with --json, else the text. */
  print(value: unknown, text: () => string): void;
}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommand(
  argv: string[],
  options: Options = {},
): Omit<CliContext, 'engine' | 'out' | 'print'> & { home: string } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { home: { type: 'string' }, json: { type: 'boolean', default: false }, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new MegadiscError('INVALID_ARGUMENT', (error as Error).message);
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
  const engine = createEngine({ home: parsed.home, timeouts: { connectMs: 5000, idleMs: 30_000 } });
  const out = (text: string) => process.stdout.write(`${text}\n`);
  const ctx: CliContext = {
    ...parsed,
    engine,
    out,
    print: (value, text) => out(parsed.json ? JSON.stringify(value, null, 2) : text()),
  };
  try {
    return (await body(ctx)) ?? 0;
  } finally {
    engine.close();
  }
}

export function requireInt(value: string | undefined, what: string): number {
  if (value === undefined || !/^\d+$/.test(value))
    throw new MegadiscError('INVALID_ARGUMENT', `${what} must be a number`);
  return Number(value);
}

export function requireString(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value === '')
    throw new MegadiscError('INVALID_ARGUMENT', `${flag} is required`);
  return value;
}
