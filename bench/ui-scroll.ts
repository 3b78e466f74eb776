// Benchmark: frame times while scrolling the library's Tracks view over 100k tracks in headless
// Chromium (web mode, store unreachable), against a static page of the same height (the browser's
// floor) and a naive page with 10k rows all in the DOM; also one library.tracks page in-process.
// Usage: npm run bench:ui-scroll
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBenchChromium } from './lib/bench-chromium.ts';
import { note, onCleanup, printHeader, runMain } from './lib/harness.ts';
import { copyProfile, ensureLibraryProfile } from './lib/library-profile.ts';
import { startNginx } from './lib/nginx.ts';
import type { PageGlobals } from './lib/page-globals.ts';
import { startWorkMeter } from './lib/page-metrics.ts';
import { VIEWPORT } from './lib/page-timing.ts';
import { readCpuMs } from './lib/proc-stats.ts';
import { buildRenderer } from './lib/renderer-build.ts';
import { floorPage, type ListBox, naivePage } from './lib/scroll-peer-pages.ts';
import { type ScrollProbeOptions, scrollProbe } from './lib/scroll-probe.ts';
import { printScrollReport, type SubjectRun } from './lib/scroll-report.ts';
import { printTrackPageTimes, timeTrackPages } from './lib/track-page-times.ts';
import { startWebMode } from './lib/web-mode.ts';

const TRACKS = Number(process.env.BENCH_UI_TRACKS ?? 100_000);
const RUNS = Number(process.env.BENCH_UI_SCROLL_RUNS ?? 3);
const NAIVE_ROWS = 10_000;
const UNREACHABLE_STORE = 'http://127.0.0.1:9'; // the discard port: refused at once, so the app is offline
const PROBE = {
  glides: [
    { name: 'scroll 100 px/frame', stepPx: 100, ms: 3000 }, // 6,000 px/s: a brisk mouse wheel
    { name: 'fling 400 px/frame', stepPx: 400, ms: 5000 }, // 24,000 px/s: a hard trackpad fling
  ],
  dragFrames: 300,
  jumps: 20,
  jumpTimeoutMs: 3000,
  phaseMaxMs: 8000,
  seed: 20_260_101,
};

interface Subject {
  name: string;
  /** Opens the page in a fresh context; returns the time until the list shows rows. */
  open(page: Page): Promise<number>;
  probe: Omit<ScrollProbeOptions, keyof typeof PROBE>;
  /** Process whose CPU time the scroll costs besides the browser (web mode's server). */
  serverPid?: number;
}

async function openTracks(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  const started = performance.now();
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.hash = '#/library/tracks';
  });
  await page.waitForSelector('.virtual-list .virtual-row .track-row:not(.track-row-placeholder)', {
    timeout: 60_000,
  });
  return performance.now() - started;
}

async function openStatic(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return performance.now() - started;
}

async function runSubject(browser: Browser, subject: Subject): Promise<SubjectRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const openMs = await subject.open(page);
    const meter = await startWorkMeter(page);
    const cpuBefore = subject.serverPid ? readCpuMs(subject.serverPid) : null;
    const started = performance.now();
    const result = await page.evaluate(scrollProbe, { ...subject.probe, ...PROBE });
    const wallMs = performance.now() - started;
    const cpuAfter = subject.serverPid ? readCpuMs(subject.serverPid) : null;
    const work = await meter.read();
    const serverCpuMs = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
    return { name: subject.name, openMs, wallMs, result, work, serverCpuMs };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  printHeader(
    `UI scroll: ${TRACKS.toLocaleString('en-US')}-track library in Chromium`,
    'npm run bench:ui-scroll',
  );
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-bench-ui-scroll-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const musicDir = join(dir, 'music'); // the child's XDG_MUSIC_DIR: never the real ~/Music
  mkdirSync(musicDir);

  note(`preparing a profile with ${TRACKS} tracks (cached in .bench-data/ after the first run)…`);
  const profile = ensureLibraryProfile(TRACKS, () => note('generating it (about 75 s for 100k tracks)…'));
  const home = join(dir, 'home');
  copyProfile(profile.home, home);
  note('timing library.tracks pages in-process…');
  const pageTimes = timeTrackPages(home, TRACKS);

  note('building the renderer from the working tree…');
  const build = await buildRenderer(join(dir, 'renderer'));
  const { browser, version } = await launchBenchChromium();
  const web = await startWebMode({
    home,
    rendererDir: build.dir,
    musicDir,
    storeArgs: ['--store', UNREACHABLE_STORE],
  });
  onCleanup(() => web.stop());

  // The app's list box decides the peers' geometry: same place, size, scroll height and CSS.
  const layout = await (async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      await openTracks(page, web.url);
      return await page.evaluate(() => {
        const { document } = globalThis as unknown as PageGlobals;
        const list = document.querySelector('.virtual-list')!;
        const row = list.querySelector('.virtual-row')!;
        const r = list.getBoundingClientRect();
        return {
          box: { left: r.left, top: r.top, width: r.width, height: r.height },
          scrollHeight: list.scrollHeight,
          rowHeight: row.offsetHeight,
          count: document.querySelector('[data-testid="track-count"]')?.textContent ?? '',
        };
      });
    } finally {
      await context.close();
    }
  })();
  if (layout.count !== `${TRACKS.toLocaleString('en-US')} tracks`)
    throw new Error(`the Tracks view says "${layout.count}", expected ${TRACKS} tracks`);

  const www = join(dir, 'www');
  mkdirSync(www);
  const css = readdirSync(join(build.dir, 'assets')).filter((name) => name.endsWith('.css'));
  writeFileSync(
    join(www, 'app.css'),
    css.map((n) => readFileSync(join(build.dir, 'assets', n), 'utf8')).join('\n'),
  );
  const box: ListBox = layout.box;
  writeFileSync(join(www, 'floor.html'), floorPage(box, layout.scrollHeight, layout.rowHeight));
  writeFileSync(join(www, 'naive.html'), naivePage(box, NAIVE_ROWS, layout.rowHeight));
  const nginx = await startNginx(join(dir, 'nginx'), www, { workers: 1 });

  const staticProbe = (rowClass: string) => ({
    listSelector: '#probe',
    rowClass,
    rowHeight: layout.rowHeight,
    view: null,
  });
  const subjects: Subject[] = [
    {
      name: 'megadisc Tracks view',
      open: (page) => openTracks(page, web.url),
      probe: {
        listSelector: '.virtual-list',
        rowClass: 'virtual-row',
        rowHeight: layout.rowHeight,
        view: { rowClass: 'virtual-row', placeholderClass: 'track-row-placeholder' },
      },
      serverPid: web.pid,
    },
    {
      name: 'static floor',
      open: (page) => openStatic(page, `${nginx.url}/floor.html`),
      probe: staticProbe('floor-spacer'),
    },
    {
      name: `naive ${NAIVE_ROWS} rows`,
      open: (page) => openStatic(page, `${nginx.url}/naive.html`),
      probe: staticProbe('naive-row'),
    },
  ];

  const runs: SubjectRun[] = [];
  for (let r = 0; r < RUNS; r++) {
    // Rotate who goes first, so no page always meets a warmer (or busier) machine.
    for (let k = 0; k < subjects.length; k++) {
      const subject = subjects[(r + k) % subjects.length]!;
      note(`run ${r + 1}/${RUNS}: ${subject.name}…`);
      runs.push(await runSubject(browser, subject));
    }
  }

  printScrollReport({
    tracks: TRACKS,
    runs,
    probe: PROBE,
    layout,
    browserVersion: version,
    nginxVersion: nginx.version,
    profile: { ...profile.info, cached: profile.cached },
    naiveRows: NAIVE_ROWS,
  });
  printTrackPageTimes(pageTimes, TRACKS);
}

runMain(main, { timeoutMs: 10 * 60_000 });
