// Opens a page in a fresh browser context (empty cache, no cookies) and times it until a condition
// holds, from the test side and from the page's own navigation timing.
import type { Browser } from 'playwright-core';
import type { PageGlobals } from './page-globals.ts';

export const VIEWPORT = { width: 1280, height: 800 };

export interface PageTiming {
  /** From the page.goto() call to the condition seen true (includes playwright's round trips). */
  ms: number;
  /** The page's own clock, from navigation start (before any redirect): ms, or NaN when absent. */
  inPage: { responseStart: number; domContentLoaded: number; load: number; fcp: number; ready: number };
}

/** Runs in the page: milestones of the navigation, relative to its time origin. */
async function readMilestones(ready: number) {
  const { performance, requestAnimationFrame } = globalThis as unknown as PageGlobals;
  // First paint can come after the load event; two frames later it has been recorded.
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    responseStart: nav?.responseStart ?? Number.NaN,
    domContentLoaded: nav?.domContentLoadedEventEnd || Number.NaN,
    load: nav?.loadEventEnd || Number.NaN,
    fcp: fcp?.startTime ?? Number.NaN,
    ready,
  };
}

/**
 * `ready` runs in the page on every animation frame and returns performance.now() once the page counts
 * as ready, or 0 before. Without it the page is ready at its load event.
 */
export async function timePageLoad(
  browser: Browser,
  url: string,
  ready?: () => number,
  timeoutMs = 60_000,
): Promise<PageTiming> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const started = performance.now();
    let readyAt = Number.NaN;
    if (ready) {
      await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
      const handle = await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: timeoutMs });
      readyAt = (await handle.jsonValue()) as number;
    } else {
      await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    }
    const ms = performance.now() - started;
    // Load may end after the app was ready; wait for it so its milestone is there to read.
    await page.waitForLoadState('load', { timeout: timeoutMs });
    const inPage = await page.evaluate(readMilestones, readyAt);
    if (!ready) inPage.ready = inPage.load;
    return { ms, inPage };
  } finally {
    await context.close();
  }
}
