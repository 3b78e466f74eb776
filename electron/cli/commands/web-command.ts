// `megadisc web`: runs the app service and serves the UI to a browser on 127.0.0.1 until stopped.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveLocale } from '../../../i18n/locales.ts';
import type { AppService, StoreChoice } from '../../core/app/app-host.ts';
import { defaultHome } from '../../core/profile/default-home.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { ensureRendererBuilt } from '../../web/ensure-renderer-built.ts';
import { openBrowser } from '../../web/open-browser.ts';
import { startWebHost, type WebHost } from '../../web/start-web-host.ts';
import { CliError } from '../context/cli-error.ts';
import { cliI18n } from '../context/cli-locale.ts';
import { WEB_USAGE } from '../render/web-usage.ts';

const DEFAULT_PORT = 8710;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Lets tests and packagers serve a renderer built elsewhere; then nothing is built. */
const RENDERER_DIR_ENV = 'MEGADISC_RENDERER_DIR';

const log = (message: string) => process.stderr.write(`${message}\n`);
const out = (message: string) => process.stdout.write(`${message}\n`);

export async function web(argv: string[]): Promise<number> {
  const i18n = cliI18n();
  const options = parseOptions(argv);
  const givenDir = process.env[RENDERER_DIR_ENV];
  const rendererDir = givenDir ? resolve(givenDir) : join(ROOT, 'dist', 'renderer');
  if (!givenDir)
    await ensureRendererBuilt({
      rendererDir,
      configFile: join(ROOT, 'vite.config.ts'),
      onBuild: () => log(i18n.t('cli.web.building')),
    });
  else if (!existsSync(join(rendererDir, 'index.html')))
    throw new CliError(
      'INVALID_STATE',
      i18n.t('cli.web.noIndex', { variable: RENDERER_DIR_ENV, dir: rendererDir }),
    );

  // Seeding synthesizes the demo music with ffmpeg: say why the first start takes a minute.
  const firstDemo =
    !existsSync(join(options.home, 'demo-store', 'store.db')) &&
    (options.store.kind === 'demo' ||
      (options.store.kind === 'auto' && !existsSync(join(options.home, 'profile.db'))));
  if (firstDemo) log(i18n.t('cli.web.seeding'));

  // The host listens and prints its address first; the core starts behind it, and the page's API
  // calls wait for it. The browser loads and compiles the UI meanwhile instead of after.
  let resolveService!: (service: AppService) => void;
  let rejectService!: (error: unknown) => void;
  const starting = new Promise<AppService>((resolve, reject) => {
    resolveService = resolve;
    rejectService = reject;
  });
  let host: WebHost;
  try {
    host = await startWebHost({ service: starting, port: options.port, rendererDir, log });
  } catch (error) {
    if (error instanceof MegadiscError && error.code === 'INVALID_STATE')
      throw new CliError(
        'INVALID_STATE',
        i18n.t('cli.web.portTaken', { port: String(options.port) }),
        undefined,
        {
          cause: error,
        },
      );
    throw error;
  }
  out(i18n.t('cli.web.address', { url: host.url }));
  if (options.open) openBrowser(host.url);

  let service: AppService;
  try {
    // Loaded here so that the other commands never pay for the whole app service.
    const { createAppService } = await import('../../core/app/create-app-service.ts');
    service = await createAppService(
      {
        home: options.home,
        transport: 'web',
        version: readVersion(),
        timeouts: { connectMs: 5000, idleMs: 30_000 },
        // "System" in web mode is the browser's language, as the UI itself reads it.
        readerLocale: (setting) => resolveLocale(setting, host.browserLanguages()),
      },
      options.store,
      // Loading the core's code holds this thread for a few hundred ms at a time: a page the host
      // has begun to serve gets its scripts and styles first.
      { beforeLoading: () => host.pageSettled() },
    );
  } catch (error) {
    rejectService(error);
    await host.close();
    throw error;
  }
  resolveService(service);

  if (service.demo) {
    out(i18n.t('cli.web.demoStore', { url: service.demo.url }));
    if (service.demo.vouchers[0]) out(i18n.t('cli.web.demoVoucher', { code: service.demo.vouchers[0] }));
  }

  await new Promise<void>((stop) => {
    process.once('SIGINT', () => stop());
    process.once('SIGTERM', () => stop());
  });
  // A second Ctrl-C while downloads reach their checkpoint means "now".
  const force = () => process.exit(130);
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  log(i18n.t('cli.web.stopping'));
  await host.close();
  await service.close();
  // A handle left open somewhere must not keep a stopped server alive; unref'd, it waits for nothing else.
  setTimeout(() => process.exit(), 3000).unref();
  return 0;
}

interface WebOptions {
  port: number;
  home: string;
  store: StoreChoice;
  open: boolean;
}

function parseOptions(argv: string[]): WebOptions {
  const i18n = cliI18n();
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: String(DEFAULT_PORT) },
        home: { type: 'string' },
        store: { type: 'string' },
        demo: { type: 'boolean', default: false },
        'no-open': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    const detail = (error as Error).message.split('\n')[0]!;
    throw new CliError('INVALID_ARGUMENT', i18n.t('cli.web.badArguments', { detail, usage: WEB_USAGE }));
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(String(values.port)) || port > 65535)
    throw new CliError('INVALID_ARGUMENT', i18n.t('cli.web.badPort', { port: String(values.port) }));
  if (values.demo && values.store !== undefined)
    throw new CliError('INVALID_ARGUMENT', i18n.t('cli.web.storeOrDemo'));
  let store: StoreChoice = { kind: values.demo ? 'demo' : 'auto' };
  if (typeof values.store === 'string') {
    if (!URL.canParse(values.store) || !/^https?:$/.test(new URL(values.store).protocol))
      throw new CliError('INVALID_ARGUMENT', i18n.t('cli.web.badStore', { url: values.store }));
    store = { kind: 'url', url: values.store };
  }
  return {
    port,
    home: resolve(typeof values.home === 'string' ? values.home : defaultHome()),
    store,
    open: values['no-open'] !== true,
  };
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
