// `megadisc server …`: runs the store, or imports a folder of masters into its catalog.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Locale } from '../../i18n/locales.ts';
import type { Translator } from '../../i18n/translator.ts';
import { addAlbums } from '../catalog/seed-catalog.ts';
import { isTagEncoding, scanMasters, TAG_ENCODINGS } from '../catalog/sources/index.ts';
import { copyDatabase } from '../db/copy-database.ts';
import { isPostgresUrl, openSqlDatabase } from '../db/open-sql-database.ts';
import { defaultStoreDataDir } from '../default-data-dir.ts';
import { type StripeProvider, stripeFromEnv } from '../payments/stripe-provider.ts';
import { parseRate } from '../pricing/money.ts';
import { parsePackConfig } from '../pricing/pack-config.ts';
import { checkAccelPrefix, startServer } from '../start-server.ts';
import { openStore } from '../store/open-store.ts';
import { OPERATOR_COMMANDS, runOperatorCommand } from './operator-commands.ts';
import { badArguments, databaseOf, operatorI18n, shownDatabase } from './operator-kit.ts';
import { runWorker, untilStopped } from './worker-command.ts';

const log = (message: string) => process.stderr.write(`${message}\n`);

function fail(message: string): number {
  process.stderr.write(`megadisc server: ${message}\n`);
  return 2;
}

/**
 * `megadisc server …` in `locale` (the one `megadisc` chose from --lang and the terminal); without
 * one, the terminal's LC_ALL, LC_MESSAGES, LANG and LANGUAGE choose, English by default.
 */
export async function runServerCommand(argv: string[], locale?: Locale): Promise<number> {
  const i18n = operatorI18n(locale);
  if (argv[0] === 'import') return runImport(argv.slice(1), i18n);
  if (argv[0] === 'migrate') return runMigrate(argv.slice(1), i18n);
  if (argv[0] === 'copy-to') return runCopyTo(argv.slice(1), i18n);
  if (argv[0] === 'worker') return runWorker(argv.slice(1), i18n);
  if (argv[0] && Object.hasOwn(OPERATOR_COMMANDS, argv[0]))
    return runOperatorCommand(argv[0], argv.slice(1), i18n);
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '8700' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string' },
        db: { type: 'string' },
        demo: { type: 'boolean', default: false },
        encode: { type: 'boolean', default: true },
        'price-per-mb': { type: 'string', default: '0.02' },
        'http-log': { type: 'boolean', default: false },
        packs: { type: 'string' },
        'checkout-minutes': { type: 'string', default: '30' },
        'public-url': { type: 'string' },
        provider: { type: 'string', default: 'test' },
        'accel-redirect': { type: 'string' },
        'file-cache-mb': { type: 'string' },
      },
      strict: true,
      allowNegative: true,
    }));
  } catch (error) {
    return fail(badArguments(i18n, error));
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return fail(i18n.t('operator.server.badPort', { value: String(values.port) }));
  let rate: ReturnType<typeof parseRate>;
  try {
    rate = parseRate(String(values['price-per-mb']));
  } catch {
    return fail(i18n.t('operator.server.badPrice', { value: String(values['price-per-mb']) }));
  }
  const minutes = Number(values['checkout-minutes']);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60)
    return fail(i18n.t('operator.server.badCheckoutMinutes', { value: String(values['checkout-minutes']) }));
  let packConfig: ReturnType<typeof parsePackConfig> | undefined;
  try {
    if (values.packs) packConfig = parsePackConfig(await readFile(resolve(String(values.packs)), 'utf8'));
  } catch (error) {
    return fail(
      i18n.t('operator.server.badPackFile', { file: String(values.packs), detail: (error as Error).message }),
    );
  }
  const publicUrl = values['public-url'] ?? process.env.MEGADISC_PUBLIC_URL;
  let providers: StripeProvider[] = [];
  if (values.provider !== 'test' && values.provider !== 'stripe')
    return fail(i18n.t('operator.server.badProvider', { value: String(values.provider) }));
  try {
    if (values.provider === 'stripe') providers = [stripeFromEnv(process.env)];
  } catch (error) {
    return fail(i18n.t('operator.server.stripeSetup', { detail: (error as Error).message }));
  }
  // Behind nginx (server/deploy/nginx-store.conf): nginx sends the files the store has authorized.
  const accelRedirect = values['accel-redirect'] ?? process.env.MEGADISC_ACCEL_REDIRECT;
  try {
    if (accelRedirect !== undefined) checkAccelPrefix(String(accelRedirect));
  } catch {
    return fail(i18n.t('operator.server.badAccelPrefix', { value: String(accelRedirect) }));
  }
  const fileCacheMb = values['file-cache-mb'] === undefined ? undefined : Number(values['file-cache-mb']);
  if (fileCacheMb !== undefined && (!Number.isInteger(fileCacheMb) || fileCacheMb < 0 || fileCacheMb > 65536))
    return fail(i18n.t('operator.server.badFileCache', { value: String(values['file-cache-mb']) }));
  const dataDir = resolve(String(values.data ?? defaultStoreDataDir()));
  const database = databaseOf(values);
  const server = await startServer({
    dataDir,
    ...(database ? { database } : {}),
    host: String(values.host),
    port,
    rate,
    demo: Boolean(values.demo),
    encode: values.encode !== false,
    httpLog: Boolean(values['http-log']),
    checkoutTtlMs: minutes * 60_000,
    providers,
    provider: String(values.provider),
    ...(publicUrl ? { publicUrl: String(publicUrl) } : {}),
    ...(packConfig ? { packConfig } : {}),
    ...(accelRedirect !== undefined ? { accelRedirect: String(accelRedirect) } : {}),
    ...(fileCacheMb !== undefined ? { fileMemoryBytes: fileCacheMb * 1024 * 1024 } : {}),
    log,
  });
  log(i18n.t('operator.server.dataIn', { dir: dataDir }));
  if (database) log(i18n.t('operator.server.databaseAt', { target: shownDatabase(database) }));
  for (const [id, a] of server.store.availability)
    if (!a.available) log(i18n.t('operator.server.encodingUnavailable', { id, reason: String(a.reason) }));
  if (server.demo) {
    log(i18n.t('operator.server.demoAccount', { email: server.demo.email, password: server.demo.password }));
    const codes = server.demo.unusedVouchers.map((v) =>
      i18n.t('operator.server.demoVoucher', { code: v.code, size: i18n.mb(v.bytes, 'fit') }),
    );
    log(
      i18n.t('operator.server.demoVouchers', {
        codes: codes.join(', ') || i18n.t('operator.server.noVouchers'),
      }),
    );
  }
  // Ready for Ctrl-C before saying so: whoever reads the line may stop the store at once.
  const stopped = untilStopped();
  process.stdout.write(`${i18n.t('operator.server.listening', { url: server.url })}\n`);
  await stopped;
  log(i18n.t('operator.server.shuttingDown'));
  await server.close();
  return 0;
}

async function runImport(argv: string[], i18n: Translator): Promise<number> {
  let parsed: { values: Record<string, string | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        db: { type: 'string' },
        'tag-encoding': { type: 'string', default: 'auto' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail(badArguments(i18n, error));
  }
  const dir = parsed.positionals[0];
  if (!dir || parsed.positionals.length > 1) return fail(i18n.t('operator.import.usage'));
  const tagEncoding = String(parsed.values['tag-encoding']);
  if (!isTagEncoding(tagEncoding))
    return fail(
      i18n.t('operator.import.badTagEncoding', { encodings: TAG_ENCODINGS.join(', '), value: tagEncoding }),
    );
  const source = resolve(dir);
  if (!(await stat(source).catch(() => null))?.isDirectory())
    return fail(i18n.t('operator.import.notFound', { dir: source }));
  const database = databaseOf(parsed.values);
  const store = await openStore({
    dataDir: resolve(parsed.values.data ?? defaultStoreDataDir()),
    ...(database ? { database } : {}),
    log,
  });
  try {
    const report = await scanMasters(source, { workDir: store.paths.masters, tagEncoding, onProgress: log });
    const ids = await addAlbums(store.sql, store.paths, report.albums, log);
    const tracks = report.albums.reduce((n, a) => n + a.tracks.length, 0);
    for (const skipped of report.skipped)
      log(i18n.t('operator.import.skipped', { path: skipped.path, reason: skipped.reason }));
    process.stdout.write(
      `${i18n.t('operator.import.done', { albums: ids.length, tracks, skipped: report.skipped.length })}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

/** `megadisc server migrate`: brings the database up to date (opening it migrates it) and exits. */
async function runMigrate(argv: string[], i18n: Translator): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, db: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    return fail(badArguments(i18n, error));
  }
  const dataDir = resolve(String(values.data ?? defaultStoreDataDir()));
  const target = databaseOf(values) ?? join(dataDir, 'store.db');
  const db = await openSqlDatabase(target);
  await db.close();
  process.stdout.write(`${i18n.t('operator.migrate.done', { target: shownDatabase(target) })}\n`);
  return 0;
}

/** `megadisc server copy-to postgres://…`: copies the data folder's SQLite store into an empty PostgreSQL database. */
async function runCopyTo(argv: string[], i18n: Translator): Promise<number> {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { data: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return fail(badArguments(i18n, error));
  }
  const target = parsed.positionals[0];
  if (parsed.positionals.length !== 1 || !target || !isPostgresUrl(target))
    return fail(i18n.t('operator.copyTo.usage'));
  const dataDir = resolve(String(parsed.values.data ?? defaultStoreDataDir()));
  const from = await openSqlDatabase(join(dataDir, 'store.db'));
  try {
    const to = await openSqlDatabase(target);
    try {
      const report = await copyDatabase(from, to);
      process.stdout.write(
        `${i18n.t('operator.copyTo.done', { ...report, target: shownDatabase(target) })}\n`,
      );
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
  return 0;
}
