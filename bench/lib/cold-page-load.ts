// Opens web mode's page in a fresh browser context (empty cache, no cookies) and times it until the
// store home is interactive, from the test side and on the page's own clock, with the page's
// resource timing (the waterfall: the page, its scripts, the first API calls) read before it closes.
import type { Browser } from 'playwright-core';
import { VIEWPORT } from './page-timing.ts';
import { readWaterfall, type WaterfallEntry } from './page-waterfall.ts';

export interface ColdPageLoad {
  /** performance.now() (this process) at the page.goto() call. */
  gotoAt: number;
  /** From page.goto() to the condition seen true. */
  ms: number;
  /** The page's own clock: ms from navigation start to the condition. */
  readyInPage: number;
  firstContentfulPaint: number;
  waterfall: WaterfallEntry[];
}

export async function loadColdPage(
  browser: Browser,
  url: string,
  ready: () => number,
): Promise<ColdPageLoad> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const gotoAt = performance.now();
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    const handle = await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 60_000 });
    const readyInPage = (await handle.jsonValue()) as number;
    const ms = performance.now() - gotoAt;
    await page.waitForLoadState('load', { timeout: 60_000 });
    const waterfall = await page.evaluate(readWaterfall);
    const firstContentfulPaint = await page.evaluate(
      () =>
        (
          globalThis as unknown as { performance: { getEntriesByName(n: string): { startTime: number }[] } }
        ).performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    return { gotoAt, ms, readyInPage, firstContentfulPaint, waterfall };
  } finally {
    await context.close();
  }
}
