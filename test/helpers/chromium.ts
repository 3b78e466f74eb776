// Debian's Chromium, driven by playwright-core: headless, as root, with no network of its own.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousA11yViolations(
  page: Page,
): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  // Injected by CDP rather than a <script> so the page's CSP does not block it.
  const source = (await import('node:fs')).readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const results = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run: (ctx: unknown) => Promise<unknown> } }).axe.run(
      (globalThis as unknown as { document: unknown }).document,
    ),
  )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Text that does not fit its box: a label, button, heading or cell whose content is wider than it. */
export interface Clipped {
  tag: string;
  text: string;
  overflowPx: number;
}

/**
 * UI text that overflows or is cut off: buttons, links in the nav, tabs, headings, table headers,
 * labels and badges whose content is wider than their box, and the page itself scrolling sideways.
 * Long words (Russian ones especially) show up here before anyone has to spot them in a screenshot.
 */
export async function clippedText(page: Page): Promise<Clipped[]> {
  return page.evaluate(() => {
    interface Box {
      tagName: string;
      textContent: string | null;
      scrollWidth: number;
      clientWidth: number;
      clientHeight: number;
      getClientRects(): { length: number };
    }
    const doc = (
      globalThis as unknown as {
        document: { querySelectorAll(s: string): Iterable<Box>; documentElement: Box };
      }
    ).document;
    const win = globalThis as unknown as { innerWidth: number };
    const out: { tag: string; text: string; overflowPx: number }[] = [];
    const selector =
      'button, .button, .nav-link, [role="tab"], [role="radio"] + *, h1, h2, h3, th, label, legend, summary, .badge, .chip';
    for (const el of doc.querySelectorAll(selector)) {
      // Not rendered, or hidden for screen readers only (a 1 px clipped box, like .visually-hidden).
      if (el.getClientRects().length === 0 || el.clientWidth <= 1 || el.clientHeight <= 1) continue;
      const overflow = el.scrollWidth - el.clientWidth;
      if (el.clientWidth > 0 && overflow > 1) {
        out.push({
          tag: el.tagName.toLowerCase(),
          text: (el.textContent ?? '').trim().slice(0, 60),
          overflowPx: overflow,
        });
      }
    }
    const page = doc.documentElement.scrollWidth - win.innerWidth;
    if (page > 1) out.push({ tag: 'html', text: 'the page scrolls sideways', overflowPx: page });
    return out;
  });
}
