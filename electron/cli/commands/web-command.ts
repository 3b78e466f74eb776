// `megadisc web`: runs the app service and serves the UI to a browser on 127.0.0.1 until stopped.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AppService, StoreChoice } from '../../core/app/app-host.ts';
import { defaultHome } from '../../core/profile/default-home.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { ensureRendererBuilt } from '../../web/ensure-renderer-built.ts';
import { openBrowser } from '../../web/open-browser.ts';
import { startWebHost, type WebHost } from '../../web/start-web-host.ts';

export const WEB_USAGE = 'megadisc web [--port N] [--home DIR] [--store URL | --demo] [--no-open]';
const DEFAULT_PORT = 8710;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Lets tests and packagers serve a renderer built elsewhere; then nothing is built. */
const RENDERER_DIR_ENV = 'MEGADISC_RENDERER_DIR';

const log = (message: string) => process.stderr.write(`${message}\n`);
const out = (message: string) => process.stdout.write(`${message}\n`);

export async function web(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  const givenDir = process.env[RENDERER_DIR_ENV];
  const rendererDir = givenDir ? resolve(givenDir) : join(ROOT, 'dist', 'renderer');
  if (!givenDir)
    await ensureRendererBuilt({
      rendererDir,
      configFile: join(ROOT, 'vite.config.ts'),
      onBuild: () => log('building the UI…'),
    });
  else if (!existsSync(join(rendererDir, 'index.html')))
    throw new MegadiscError(
      'INVALID_STATE',
      `${RENDERER_DIR_ENV} is set but ${rendererDir} has no index.html`,
    );

  // Seeding synthesizes the demo music with ffmpeg: say why the first start takes a minute.
  const firstDemo =
    !existsSync(join(options.home, 'demo-store', 'store.db')) &&
    (options.store.kind === 'demo' ||
      (options.store.kind === 'auto' && !existsSync(join(options.home, 'profile.db'))));
  if (firstDemo) log('first start: seeding the demo store (synthesizing its music takes about a minute)…');

  // Loaded here so that the other commands never pay for the whole app service.
  const { createAppService } = await import('../../core/app/create-app-service.ts');
  const service: AppService = await createAppService(
    {
      home: options.home,
      transport: 'web',
      version: readVersion(),
      timeouts: { connectMs: 5000, idleMs: 30_000 },
    },
    options.store,
  );
  let host: WebHost;
  try {
    host = await startWebHost({ service, port: options.port, rendererDir, log });
  } catch (error) {
    await service.close();
    if (error instanceof MegadiscError && error.code === 'INVALID_STATE')
      throw new MegadiscError('INVALID_STATE', `${error.message}; choose another with --port`);
    throw error;
  }

  out(`Megadisc web mode: ${host.url}`);
  if (service.demo) {
    out(`demo store: ${service.demo.url}`);
    if (service.demo.vouchers[0]) out(`demo voucher: ${service.demo.vouchers[0]}`);
  }
  if (options.open) openBrowser(host.url);

  await new Promise<void>((stop) => {
    process.once('SIGINT', () => stop());
    process.once('SIGTERM', () => stop());
  });
  // A second Ctrl-C while downloads reach their checkpoint means "now".
  const force = () => process.exit(130);
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  log('stopping…');
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
    throw new MegadiscError('INVALID_ARGUMENT', `${(error as Error).message}; usage: ${WEB_USAGE}`);
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(String(values.port)) || port > 65535)
    throw new MegadiscError('INVALID_ARGUMENT', `--port must be 0-65535, got ${values.port}`);
  if (values.demo && values.store !== undefined)
    throw new MegadiscError('INVALID_ARGUMENT', 'give --store URL or --demo, not both');
  let store: StoreChoice = { kind: values.demo ? 'demo' : 'auto' };
  if (typeof values.store === 'string') {
    if (!URL.canParse(values.store) || !/^https?:$/.test(new URL(values.store).protocol))
      throw new MegadiscError('INVALID_ARGUMENT', `--store must be an http(s) URL, got ${values.store}`);
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
