// Headless Chromium for the UI benchmarks (the same flags as the e2e tests), closed by the cleanup.
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../../test/helpers/chromium.ts';
import { onCleanup } from './harness.ts';

export interface BenchBrowser {
  browser: Browser;
  /** e.g. "Chromium 131.0.6778.139" */
  version: string;
}

export async function launchBenchChromium(): Promise<BenchBrowser> {
  if (!hasChromium()) throw new Error(`no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`);
  const browser = await launchChromium();
  onCleanup(() => browser.close());
  let version = `Chromium ${browser.version()}`;
  try {
    version =
      execFileSync(CHROMIUM_PATH, ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() || version;
  } catch {
    // the version playwright reports will do
  }
  return { browser, version };
}
