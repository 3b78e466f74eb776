// Benchmark: web mode from a cold start to an interactive store page (`megadisc web --demo`, then
// Chromium until album cards and the balance show), against Node's and Chromium's own floors.
// Usage: npm run bench:ui-start
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBenchChromium } from './lib/bench-chromium.ts';
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
import { buildRenderer } from './lib/renderer-build.ts';
import { startTimedProcess } from './lib/timed-process.ts';
import { startWebMode } from './lib/web-mode.ts';

const RUNS = Number(process.env.BENCH_UI_START_RUNS ?? 7);
const BIN = fileURLToPath(new URL('../bin/megadisc.js', import.meta.url));

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
  spawnMs: number;
  /** `megadisc help`, to its exit: Node plus loading the CLI, none of the app service. */
  helpMs: number;
  page: PageTiming;
  nodeMs: number;
  chromium: PageTiming;
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
  const { browser, version } = await launchBenchChromium();
  const www = join(dir, 'www');
  mkdirSync(www);
  writeFileSync(join(www, 'hello.html'), HELLO);
  const nginx = await startNginx(join(dir, 'nginx'), www, { workers: 1 });
  const web = () => startWebMode({ home, rendererDir: build.dir, musicDir, storeArgs: ['--demo'] });

  note('first start: seeding the embedded demo store (untimed warm-up)…');
  const first = await startWebMode({
    home,
    rendererDir: build.dir,
    musicDir,
    storeArgs: ['--demo'],
    timeoutMs: 5 * 60_000,
  });
  const firstPage = await timePageLoad(browser, first.url, storeReady);
  await first.stop();
  // Warm the browser's own code paths for the static page too, so neither side gets a first-use penalty.
  await timePageLoad(browser, `${nginx.url}/hello.html`);

  const runs: Run[] = [];
  for (let i = 1; i <= RUNS; i++) {
    note(`run ${i}/${RUNS}…`);
    const ours = await web();
    let page: PageTiming;
    try {
      page = await timePageLoad(browser, ours.url, storeReady);
    } finally {
      await ours.stop();
    }
    const help = await run(process.execPath, [BIN, 'help'], { env: childEnv });
    const floor = await startTimedProcess(process.execPath, ['-e', NODE_FLOOR], /^listening (\S+)$/m);
    const reply = await fetch(floor.value).then((r) => r.text());
    await floor.stop();
    if (reply !== 'ok') throw new Error(`the Node floor server answered ${reply}`);
    const chromium = await timePageLoad(browser, `${nginx.url}/hello.html`);
    runs.push({ spawnMs: ours.msToLine, helpMs: help.ms, page, nodeMs: floor.msToLine, chromium });
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

  say(
    `${RUNS} runs after one untimed first start. Each run spawns \`node bin/megadisc.js web --home <home> --demo ` +
      `--port 0 --no-open\` (Node ${process.version}, the embedded demo store already seeded in <home>) and ` +
      `opens the printed URL in a new ${version} context (headless, no GPU, ${VIEWPORT.width}×${VIEWPORT.height}, ` +
      `empty cache and cookies) until the store home shows album cards and the balance shows MB. ` +
      `The renderer is built from the working tree first (${fmt(build.buildMs / 1000, 1)} s; ` +
      `${fmt(build.jsBytes / 1024, 0)} KiB JS + ${fmt(build.cssBytes / 1024, 0)} KiB CSS, uncompressed). ` +
      `Peers in the same runs: Node's floor is \`node -e\` starting an http server and printing a line; ` +
      `Chromium's floor is a static hello page served by ${nginx.version}, until its load event, in a new context too. ` +
      `"Cold" means a new process and a new browser context; the OS page cache is warm.\n`,
  );
  say(
    markdownTable(
      ['step', 'megadisc median ms', 'min–max', 'floor', 'floor median ms', 'ratio'],
      [
        row(
          '(a) spawn → URL printed',
          (r) => r.spawnMs,
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
          '(b) page.goto → interactive',
          (r) => r.page.ms,
          (r) => r.chromium.ms,
          'static page, to load',
        ),
        row(
          '**total a + b**',
          (r) => r.spawnMs + r.page.ms,
          (r) => r.nodeMs + r.chromium.ms,
          'sum of the floors',
        ),
      ],
    ),
  );

  const milestones = (pick: (r: Run) => PageTiming['inPage']) => {
    const m = (key: keyof PageTiming['inPage']) =>
      fmt(
        med((r) => pick(r)[key]),
        0,
      );
    return [m('responseStart'), m('fcp'), m('domContentLoaded'), m('load'), m('ready')];
  };
  say(
    '\nInside the page (its own clock, ms from navigation start, which includes the `?token=` redirect; medians):\n',
  );
  say(
    markdownTable(
      ['page', 'first byte', 'first contentful paint', 'DOMContentLoaded', 'load', 'interactive'],
      [
        ['megadisc store home', ...milestones((r) => r.page.inPage)],
        ['static hello page (nginx)', ...milestones((r) => r.chromium.inPage)],
      ],
    ),
  );

  say(
    `\nFirst start of a new profile (once, not in the medians): spawn → URL printed ` +
      `**${fmt(first.msToLine / 1000, 1)} s** (synthesizes and seeds the demo catalog), then page.goto → interactive ` +
      `${fmt(firstPage.ms, 0)} ms.`,
  );
  say('\n<details><summary>Every run (ms)</summary>\n');
  say(
    markdownTable(
      ['run', 'spawn → URL', 'megadisc help', 'goto → interactive', 'total', 'node floor', 'chromium floor'],
      runs.map((r, i) => [
        i + 1,
        fmt(r.spawnMs, 0),
        fmt(r.helpMs, 0),
        fmt(r.page.ms, 0),
        fmt(r.spawnMs + r.page.ms, 0),
        fmt(r.nodeMs, 0),
        fmt(r.chromium.ms, 0),
      ]),
    ),
  );
  say('\n</details>');
}

runMain(main, { timeoutMs: 10 * 60_000 });
