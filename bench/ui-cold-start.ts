// Benchmark: web mode from a cold start to an interactive store page (`megadisc web --demo`, then
// Chromium until album cards and the balance show), against Node's and Chromium's own floors; with
// the page's waterfall and what each chunk of the renderer bundle holds.
// Usage: npm run bench:ui-start   (BENCH_UI_START_RUNS=N for fewer runs while iterating)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkReport } from './bundle-chunks.ts';
import { launchBenchChromium } from './lib/bench-chromium.ts';
import { readChunks, serverOnlyModules } from './lib/bundle-chunks.ts';
import { type ColdPageLoad, loadColdPage } from './lib/cold-page-load.ts';
import { startColdWeb } from './lib/cold-web-start.ts';
import {
  fmt,
  markdownTable,
  median,
  note,
  onCleanup,
  printHeader,
  run,
  runMain,
  say,
} from './lib/harness.ts';
import { startNginx } from './lib/nginx.ts';
import type { PageGlobals } from './lib/page-globals.ts';
import { type PageTiming, timePageLoad, VIEWPORT } from './lib/page-timing.ts';
import type { WaterfallEntry } from './lib/page-waterfall.ts';
import { buildRenderer } from './lib/renderer-build.ts';
import { startTimedProcess } from './lib/timed-process.ts';

const RUNS = Number(process.env.BENCH_UI_START_RUNS ?? 7);
const BIN = fileURLToPath(new URL('../bin/megadisc.js', import.meta.url));
/** The reads the store home waits for (the shell's and the screen's), in the order the table shows them. */
const FIRST_CALLS = ['app.info', 'settings.get', 'account.balance', 'store.home'];

/** Runs in the page: interactive once the store home lists albums and the balance shows megabytes. */
function storeReady(): number {
  const { document, performance } = globalThis as unknown as PageGlobals;
  const cards = document.querySelectorAll('.store-card').length;
  const balance = document.querySelector('[data-testid="balance-available"]')?.textContent ?? '';
  return cards > 0 && /\d MB$/.test(balance.trim()) ? performance.now() : 0;
}

// The smallest Node program that does what `megadisc web` must do before it can print its URL.
const NODE_FLOOR = `require('node:http').createServer((q, s) => s.end('ok'))
  .listen(0, '127.0.0.1', function () { console.log('listening http://127.0.0.1:' + this.address().port); });`;

const HELLO = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hello</title></head>
<body><h1>Hello</h1><p>A static page with no script: the browser's floor.</p></body></html>\n`;

interface Run {
  /** spawn → the address printed (the host listens). */
  urlMs: number;
  /** spawn → the demo store's line (the app service is ready). */
  coreMs: number;
  /** The same moment on the page's clock (ms after page.goto(), which is about its navigation start). */
  coreOnPageClock: number;
  /** spawn → the store home interactive, wall clock (includes opening the browser context). */
  wallMs: number;
  page: ColdPageLoad;
  /** The same start with MEGADISC_MODULE_CACHE=0: spawn → interactive. */
  uncachedWallMs: number;
  /** `megadisc help`, to its exit: Node plus loading the CLI, none of the app service. */
  helpMs: number;
  nodeMs: number;
  chromium: PageTiming;
}

/** The page's milestones on its own clock (ms from navigation start). */
function milestones(w: WaterfallEntry[]) {
  const page = w.find((e) => e.type === 'document');
  const firstScreen = w.filter((e) => e.name.startsWith('/assets/') && e.start < (page?.end ?? 0) + 100);
  const calls = w.filter((e) => e.name.startsWith('/api/call/'));
  const call = (method: string) => calls.find((e) => e.name === `/api/call/${method}`);
  const sent = calls.map((e) => e.requestStart);
  return {
    pageEnd: page?.end ?? Number.NaN,
    assetsEnd: Math.max(...firstScreen.map((e) => e.end)),
    callsSent: Math.min(...sent),
    callsSpread: Math.max(...sent) - Math.min(...sent),
    calls: calls.length,
    answered: Object.fromEntries(FIRST_CALLS.map((m) => [m, call(m)?.end ?? Number.NaN])),
  };
}

async function main(): Promise<void> {
  printHeader('UI cold start: web mode to an interactive store page', 'npm run bench:ui-start');
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-bench-ui-start-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const home = join(dir, 'home');
  const musicDir = join(dir, 'music'); // the child's XDG_MUSIC_DIR: never the real ~/Music
  mkdirSync(musicDir);
  const childEnv = { ...process.env, XDG_MUSIC_DIR: musicDir };

  note('building the renderer from the working tree…');
  const build = await buildRenderer(join(dir, 'renderer'));
  const chunks = readChunks(build.dir);
  const { browser, version } = await launchBenchChromium();
  const www = join(dir, 'www');
  mkdirSync(www);
  writeFileSync(join(www, 'hello.html'), HELLO);
  const nginx = await startNginx(join(dir, 'nginx'), www, { workers: 1 });
  const web = (env?: NodeJS.ProcessEnv) => startColdWeb({ home, rendererDir: build.dir, musicDir, env });

  note('first start: seeding the embedded demo store (untimed warm-up)…');
  const first = await startColdWeb({ home, rendererDir: build.dir, musicDir, timeoutMs: 5 * 60_000 });
  const firstPage = await loadColdPage(browser, first.url, storeReady);
  const firstCore = await first.ready;
  await first.stop();
  // Warm the browser's own code paths for the static page too, so neither side gets a first-use penalty.
  await timePageLoad(browser, `${nginx.url}/hello.html`);

  const runs: Run[] = [];
  for (let i = 1; i <= RUNS; i++) {
    note(`run ${i}/${RUNS}…`);
    const ours = await web();
    let page: ColdPageLoad;
    let coreMs: number;
    try {
      page = await loadColdPage(browser, ours.url, storeReady);
      coreMs = await ours.ready;
    } finally {
      await ours.stop();
    }
    const uncached = await web({ MEGADISC_MODULE_CACHE: '0' });
    let uncachedPage: ColdPageLoad;
    try {
      uncachedPage = await loadColdPage(browser, uncached.url, storeReady);
    } finally {
      await uncached.stop();
    }
    const help = await run(process.execPath, [BIN, 'help'], { env: childEnv });
    const floor = await startTimedProcess(process.execPath, ['-e', NODE_FLOOR], /^listening (\S+)$/m);
    const reply = await fetch(floor.value).then((r) => r.text());
    await floor.stop();
    if (reply !== 'ok') throw new Error(`the Node floor server answered ${reply}`);
    const chromium = await timePageLoad(browser, `${nginx.url}/hello.html`);
    runs.push({
      urlMs: ours.msToUrl,
      coreMs,
      coreOnPageClock: ours.spawnedAt + coreMs - page.gotoAt,
      wallMs: page.gotoAt + page.ms - ours.spawnedAt,
      page,
      uncachedWallMs: uncachedPage.gotoAt + uncachedPage.ms - uncached.spawnedAt,
      helpMs: help.ms,
      nodeMs: floor.msToLine,
      chromium,
    });
  }

  const med = (pick: (r: Run) => number) => median(runs.map(pick));
  const range = (pick: (r: Run) => number) => {
    const values = runs.map(pick);
    return `${fmt(Math.min(...values), 0)}–${fmt(Math.max(...values), 0)}`;
  };
  const row = (step: string, ours: (r: Run) => number, floor: (r: Run) => number, floorName: string) => [
    step,
    fmt(med(ours), 0),
    range(ours),
    floorName,
    fmt(med(floor), 0),
    fmt(med(ours) / med(floor), 1),
  ];
  const floors = (r: Run) => r.nodeMs + r.chromium.ms;
  const firstScreen = chunks.filter((c) => c.kind === 'entry' || c.kind === 'preload');
  const kib = (bytes: number) => fmt(bytes / 1024, 0);

  say(
    `${RUNS} runs after one untimed first start. Each run spawns \`node bin/megadisc.js web --home <home> --demo ` +
      `--port 0 --no-open\` (Node ${process.version}, the embedded demo store already seeded in <home>) and, as soon ` +
      `as it prints its address, opens it in a new ${version} context (headless, no GPU, ${VIEWPORT.width}×${VIEWPORT.height}, ` +
      `empty cache and cookies) until the store home shows album cards and the balance shows MB. ` +
      `The renderer is built from the working tree first (${fmt(build.buildMs / 1000, 1)} s; the first screen loads ` +
      `${kib(firstScreen.reduce((n, c) => n + c.bytes, 0))} KiB of JS in ${firstScreen.length} files, ` +
      `${kib(build.jsBytes)} KiB JS in all + ${kib(build.cssBytes)} KiB CSS, uncompressed). ` +
      `Peers in the same runs: Node's floor is \`node -e\` starting an http server and printing a line; ` +
      `Chromium's floor is a static hello page served by ${nginx.version}, until its load event, in a new context too. ` +
      `"Cold" means a new process and a new browser context; the OS page cache is warm, and so are the CLI's ` +
      `module caches (type-stripped sources and V8 code cache in node_modules/.cache/megadisc, written by the first ` +
      `start); each run also starts once with them off (MEGADISC_MODULE_CACHE=0).\n`,
  );
  say(
    markdownTable(
      ['step', 'megadisc median ms', 'min–max', 'floor', 'floor median ms', 'ratio'],
      [
        row(
          '(a) spawn → URL printed',
          (r) => r.urlMs,
          (r) => r.nodeMs,
          'node -e http server',
        ),
        row(
          '  of (a): `megadisc help`, to exit',
          (r) => r.helpMs,
          (r) => r.nodeMs,
          'node -e http server',
        ),
        row(
          'spawn → app service ready (demo store up, logged in)',
          (r) => r.coreMs,
          (r) => r.nodeMs,
          'node -e http server',
        ),
        row(
          '(b) page.goto → interactive',
          (r) => r.page.ms,
          (r) => r.chromium.ms,
          'static page, to load',
        ),
        row('a + b', (r) => r.urlMs + r.page.ms, floors, 'sum of the floors'),
        row('**spawn → interactive (wall)**', (r) => r.wallMs, floors, 'sum of the floors'),
        row('  the same, module caches off', (r) => r.uncachedWallMs, floors, 'sum of the floors'),
      ],
    ),
  );

  const m = runs.map((r) => milestones(r.page.waterfall));
  const mm = (pick: (x: (typeof m)[number]) => number) => fmt(median(m.map(pick)), 0);
  say(
    '\nThe page, on its own clock (ms from navigation start, which includes the `?token=` redirect; medians; ' +
      '"core ready" is the process\'s line converted to the page\'s clock):\n',
  );
  say(
    markdownTable(
      ['milestone', 'median ms'],
      [
        ['page (index.html) received', mm((x) => x.pageEnd)],
        ['first screen scripts and styles received', mm((x) => x.assetsEnd)],
        [
          `first API calls sent (${m[0]?.calls ?? 0} calls, all within ${mm((x) => x.callsSpread)} ms)`,
          mm((x) => x.callsSent),
        ],
        [
          'app service ready (the process prints the demo store)',
          fmt(
            med((r) => r.coreOnPageClock),
            0,
          ),
        ],
        ...FIRST_CALLS.map((method) => [
          `\`${method}\` answered`,
          mm((x) => x.answered[method] ?? Number.NaN),
        ]),
        [
          'first contentful paint',
          fmt(
            med((r) => r.page.firstContentfulPaint),
            0,
          ),
        ],
        [
          'interactive',
          fmt(
            med((r) => r.page.readyInPage),
            0,
          ),
        ],
      ],
    ),
  );

  say(
    `\nFirst start of a new profile (once, not in the medians): spawn → URL printed ${fmt(first.msToUrl, 0)} ms, ` +
      `app service ready **${fmt(firstCore / 1000, 1)} s** (synthesizes and seeds the demo catalog), ` +
      `page.goto → interactive ${fmt(firstPage.ms / 1000, 1)} s.`,
  );

  say(
    '\nThe renderer bundle (vite build, from its sourcemaps; `node bench/bundle-chunks.ts <dir> --modules`):\n',
  );
  say(chunkReport(chunks, 6));
  const leaked = serverOnlyModules(chunks);
  say(
    leaked.length === 0
      ? '\nNo server-only code in it: nothing from server/, electron/core, electron/cli, zod, fastify or got.'
      : `\n**Server-only code in the bundle:** ${leaked.map((l) => l.source).join(', ')}`,
  );

  say('\n<details><summary>Every run (ms)</summary>\n');
  say(
    markdownTable(
      [
        'run',
        'spawn → URL',
        'spawn → ready',
        'goto → interactive',
        'spawn → interactive',
        'caches off',
        'megadisc help',
        'node floor',
        'chromium floor',
      ],
      runs.map((r, i) => [
        i + 1,
        fmt(r.urlMs, 0),
        fmt(r.coreMs, 0),
        fmt(r.page.ms, 0),
        fmt(r.wallMs, 0),
        fmt(r.uncachedWallMs, 0),
        fmt(r.helpMs, 0),
        fmt(r.nodeMs, 0),
        fmt(r.chromium.ms, 0),
      ]),
    ),
  );
  say('\n</details>');
}

runMain(main, { timeoutMs: 10 * 60_000 });
