// `megadisc server …`: runs the store, or imports a folder of masters into its catalog.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addAlbums } from '../catalog/seed-catalog.ts';
import { isTagEncoding, scanMasters, TAG_ENCODINGS } from '../catalog/sources/index.ts';
import { defaultStoreDataDir } from '../default-data-dir.ts';
import { type StripeProvider, stripeFromEnv } from '../payments/stripe-provider.ts';
import { parseRate } from '../pricing/money.ts';
import { parsePackConfig } from '../pricing/pack-config.ts';
import { startServer } from '../start-server.ts';
import { openStore } from '../store.ts';
import { OPERATOR_COMMANDS, runOperatorCommand } from './operator-commands.ts';

const log = (message: string) => process.stderr.write(`${message}\n`);

function fail(message: string): number {
  process.stderr.write(`megadisc server: ${message}\n`);
  return 2;
}

export async function runServerCommand(argv: string[]): Promise<number> {
  if (argv[0] === 'import') return runImport(argv.slice(1));
  if (argv[0] && Object.hasOwn(OPERATOR_COMMANDS, argv[0])) return runOperatorCommand(argv[0], argv.slice(1));
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '8700' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string' },
        demo: { type: 'boolean', default: false },
        'price-per-mb': { type: 'string', default: '0.02' },
        'http-log': { type: 'boolean', default: false },
        packs: { type: 'string' },
        'checkout-minutes': { type: 'string', default: '30' },
        'public-url': { type: 'string' },
        provider: { type: 'string', default: 'test' },
      },
      strict: true,
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return fail(`--port must be 0-65535, got ${values.port}`);
  let rate: ReturnType<typeof parseRate>;
  try {
    rate = parseRate(String(values['price-per-mb']));
  } catch (error) {
    return fail((error as Error).message);
  }
  const minutes = Number(values['checkout-minutes']);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60)
    return fail(`--checkout-minutes must be 1-1440, got ${values['checkout-minutes']}`);
  let packConfig: ReturnType<typeof parsePackConfig> | undefined;
  try {
    if (values.packs) packConfig = parsePackConfig(await readFile(resolve(String(values.packs)), 'utf8'));
  } catch (error) {
    return fail((error as Error).message);
  }
  const publicUrl = values['public-url'] ?? process.env.MEGADISC_PUBLIC_URL;
  let providers: StripeProvider[] = [];
  if (values.provider !== 'test' && values.provider !== 'stripe')
    return fail(`--provider is test or stripe, got ${values.provider}`);
  try {
    if (values.provider === 'stripe') providers = [stripeFromEnv(process.env)];
  } catch (error) {
    return fail((error as Error).message);
  }
  const dataDir = resolve(String(values.data ?? defaultStoreDataDir()));
  const server = await startServer({
    dataDir,
    host: String(values.host),
    port,
    rate,
    demo: Boolean(values.demo),
    httpLog: Boolean(values['http-log']),
    checkoutTtlMs: minutes * 60_000,
    providers,
    provider: String(values.provider),
    ...(publicUrl ? { publicUrl: String(publicUrl) } : {}),
    ...(packConfig ? { packConfig } : {}),
    log,
  });
  log(`data in ${dataDir}`);
  for (const [id, a] of server.store.availability)
    if (!a.available) log(`encoding ${id} unavailable: ${a.reason}`);
  if (server.demo) {
    log(`demo account: ${server.demo.email} / ${server.demo.password}`);
    const codes = server.demo.unusedVouchers.map((v) => `${v.code} (${v.bytes / 1_000_000} MB)`);
    log(`unused demo vouchers: ${codes.join(', ') || 'none'}`);
  }
  process.stdout.write(`listening on ${server.url}\n`);
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  log('shutting down…');
  await server.close();
  return 0;
}

async function runImport(argv: string[]): Promise<number> {
  let parsed: { values: Record<string, string | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, 'tag-encoding': { type: 'string', default: 'auto' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail((error as Error).message);
  }
  const dir = parsed.positionals[0];
  if (!dir || parsed.positionals.length > 1)
    return fail('usage: megadisc server import DIR [--data DIR] [--tag-encoding auto|cp1251|latin1]');
  const tagEncoding = String(parsed.values['tag-encoding']);
  if (!isTagEncoding(tagEncoding))
    return fail(`--tag-encoding is ${TAG_ENCODINGS.join(', ')}; got ${tagEncoding}`);
  const source = resolve(dir);
  if (!(await stat(source).catch(() => null))?.isDirectory())
    return fail(`import folder not found: ${source}`);
  const store = await openStore({ dataDir: resolve(parsed.values.data ?? defaultStoreDataDir()), log });
  try {
    const report = await scanMasters(source, { workDir: store.paths.masters, tagEncoding, onProgress: log });
    const ids = await addAlbums(store.db, store.paths, report.albums, log);
    const tracks = report.albums.reduce((n, a) => n + a.tracks.length, 0);
    for (const skipped of report.skipped) log(`skipped ${skipped.path}: ${skipped.reason}`);
    process.stdout.write(
      `imported ${ids.length} album(s), ${tracks} track(s); skipped ${report.skipped.length} file(s)\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
