// End-to-end fixture: a real app service over the embedded demo store, web mode on a free port,
// the renderer freshly built, and Debian's Chromium. Screenshots go to test-results/e2e/.
// describeE2e is what a test file uses: the suite, skipped without Chromium, around one app.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import type { AppService } from '../../electron/core/app/app-host.ts';
import { ensureRendererBuilt } from '../../electron/web/ensure-renderer-built.ts';
import { startWebHost, type WebHost } from '../../electron/web/start-web-host.ts';
import { seedDemoFromTemplate, startApp, tempHome } from '../helpers/app-fixture.ts';
import { hasChromium, launchChromium, seriousA11yViolations } from '../helpers/chromium.ts';

export const SHOTS = resolve('test-results/e2e');

export interface Finding {
  view: string;
  id: string;
  impact: string;
  nodes: string[];
}

export interface E2eApp {
  home: string;
  service: AppService;
  host: WebHost;
  browser: Browser;
  page: Page;
  /**
   * Saves a screenshot of the app's page (or another, such as a payment page in its own tab) and
   * records axe's serious and critical findings on it as it is, under the screenshot's name.
   */
  capture(name: string, target?: Page): Promise<Finding[]>;
  /** Every finding recorded so far: a test ends by expecting none. */
  findings: Finding[];
  /**
   * Resolves when an album of this title is next filed in the library. Call it before buying: the
   * album may be filed before the view that shows it is even open.
   */
  albumFiled(title: string): Promise<void>;
  close(): Promise<void>;
}

export interface E2eOptions {
  colorScheme?: 'light' | 'dark';
  /** The browser's language (navigator.languages), which the 'system' language setting follows. */
  locale?: string;
}

let built: Promise<string> | null = null;

/** Builds the renderer once per test file, into a temp folder, from the current source. */
function buildRenderer(): Promise<string> {
  built ??= (async () => {
    const rendererDir = join(mkdtempSync(join(tmpdir(), 'megadisc-ui-')), 'renderer');
    await ensureRendererBuilt({ rendererDir, configFile: resolve('vite.config.ts') });
    return rendererDir;
  })();
  return built;
}

export async function startE2e(options: E2eOptions = {}): Promise<E2eApp> {
  mkdirSync(SHOTS, { recursive: true });
  const rendererDir = await buildRenderer();
  const home = tempHome('megadisc-e2e-');
  seedDemoFromTemplate(home);
  const service = await startApp(home, { kind: 'demo' });
  const host = await startWebHost({ service, rendererDir, port: 0 });
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 820 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(host.url);
  const findings: Finding[] = [];
  return {
    home,
    service,
    host,
    browser,
    page,
    findings,
    async capture(name, target = page) {
      await target.screenshot({ path: join(SHOTS, `${name}.png`) });
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
      const found = (await seriousA11yViolations(target)).map((v) => ({ view: name, ...v }));
      findings.push(...found);
      return found;
    },
    albumFiled(title) {
      return new Promise<void>((resolve) => {
        const off = service.events.on('album-filed', (event) => {
          if (event.albumTitle === title) {
            off();
            resolve();
          }
        });
      });
    },
    async close() {
      await browser.close();
      await host.close();
      await service.close();
    },
  };
}

/**
 * A suite against one app, started before its tests and closed after them; skipped where there is
 * no Chromium. The app handed to the body is usable inside its tests (and hooks), once started.
 */
export function describeE2e(
  name: string,
  ...args: [body: (app: E2eApp) => void] | [options: E2eOptions, body: (app: E2eApp) => void]
): void {
  const [options, body] = args.length === 1 ? [{}, args[0]] : args;
  describe.skipIf(!hasChromium())(name, () => {
    let started: E2eApp | undefined;
    beforeAll(async () => {
      started = await startE2e(options);
    }, 120_000);
    afterAll(async () => {
      await started?.close();
    });
    body(lateBound(() => started));
  });
}

/** The started app, looked up at each use: the body runs (and takes the app) before beforeAll does. */
function lateBound(current: () => E2eApp | undefined): E2eApp {
  return new Proxy({} as E2eApp, {
    get(_, key) {
      const app = current();
      if (!app) throw new Error('the e2e app is used before its suite started it');
      return Reflect.get(app, key);
    },
  });
}
