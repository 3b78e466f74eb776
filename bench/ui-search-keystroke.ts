// Benchmark: keystroke to rendered results in the store's search, in Chromium via web mode, against
// the 100k-album / 1M-track catalog of bench:search. A query is typed key by key (80 ms apart, faster
// than the search box's debounce, so only the last key sends a request); the time runs from the last
// key's input event to the first animation frame that shows that query's results. The phases come
// from the page's own clock and resource timing: the debounce wait, the app call (browser → web host →
// store → back), and rendering; the peer is the store's own HTTP answer to the same query, in the
// same run.
// Usage: node bench/ui-search-keystroke.ts   (BENCH_UI_SEARCH_RUNS=N runs per query, 5)
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBenchChromium } from './lib/bench-chromium.ts';
import { fmt, markdownTable, median, note, onCleanup, printHeader, runMain, say } from './lib/harness.ts';
import { KeepAliveClient } from './lib/http-client.ts';
import { VIEWPORT } from './lib/page-timing.ts';
import { buildRenderer } from './lib/renderer-build.ts';
import { ensureCatalog } from './lib/search-catalog.ts';
import { startSearchServer } from './lib/search-server.ts';
import { startWebMode } from './lib/web-mode.ts';

const RUNS = Number(process.env.BENCH_UI_SEARCH_RUNS ?? 5);
const KEY_DELAY_MS = 80;
/** The search box's debounce, read from its source so the report never states a stale one. */
const DEBOUNCE_MS = Number(
  /\}, (\d+)\);/.exec(readFileSync(new URL('../renderer/shell/SearchBox.tsx', import.meta.url), 'utf8'))?.[1],
);
const SPEC = { albums: 100_000, artists: 20_000, vocabulary: 20_000, seed: 2024 };
const ROOT = fileURLToPath(new URL('../.bench-data/', import.meta.url));
const QUERIES = ['love', 'moonl', 'midnight love', 'broken heart', 'chouludoun', 'qqxz'];

/** The few browser globals the in-page functions use (bench/ compiles without the DOM library). */
interface Page$ {
  document: {
    addEventListener(
      type: string,
      listener: (e: { target: { id?: string } | null }) => void,
      capture: boolean,
    ): void;
    querySelector(selector: string): { textContent: string | null } | null;
  };
  performance: {
    now(): number;
    clearResourceTimings(): void;
    getEntriesByType(
      type: string,
    ): { name: string; startTime: number; requestStart: number; responseEnd: number }[];
  };
  location: { hash: string };
  megadiscLastInput?: number;
}

interface Sample {
  total: number;
  debounce: number;
  call: number;
  render: number;
  calls: number;
}

async function main(): Promise<void> {
  printHeader(
    'Search: keystroke to rendered results (web mode, Chromium)',
    'node bench/ui-search-keystroke.ts',
  );
  const dir = mkdtempSync(join(tmpdir(), 'megadisc-bench-ui-search-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  note('preparing the catalog (shared with bench:search)…');
  const { dataDir, info } = ensureCatalog(ROOT, SPEC);
  const store = await startSearchServer(dataDir);
  note('building the renderer from the working tree…');
  const build = await buildRenderer(join(dir, 'renderer'));
  const musicDir = join(dir, 'music');
  mkdirSync(musicDir);
  const web = await startWebMode({
    home: join(dir, 'home'),
    rendererDir: build.dir,
    musicDir,
    storeArgs: ['--store', store.url],
  });
  onCleanup(() => web.stop());
  const { browser, version } = await launchBenchChromium();
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(web.url, { waitUntil: 'load' });
  await page.waitForSelector('#store-search', { timeout: 60_000 });
  await page.evaluate(() => {
    const g = globalThis as unknown as Page$;
    g.document.addEventListener(
      'input',
      (e) => {
        if (e.target?.id === 'store-search') g.megadiscLastInput = g.performance.now();
      },
      true,
    );
  });

  const typeQuery = async (q: string): Promise<Sample> => {
    // From an empty box on the store home, as someone starting a new search.
    await page.fill('#store-search', '');
    await page.evaluate(() => {
      (globalThis as unknown as Page$).location.hash = '#/store/home';
    });
    await page.waitForTimeout(400);
    await page.evaluate(() => (globalThis as unknown as Page$).performance.clearResourceTimings());
    await page.focus('#store-search');
    await page.keyboard.type(q, { delay: KEY_DELAY_MS });
    const shown = await page.waitForFunction(
      (query: string) => {
        const g = globalThis as unknown as Page$;
        const title = g.document.querySelector('.store-search[aria-busy="false"] .store-search-query');
        return title?.textContent === query ? g.performance.now() : 0;
      },
      q,
      { polling: 'raf', timeout: 30_000 },
    );
    const renderedAt = (await shown.jsonValue()) as number;
    const { lastInput, calls } = await page.evaluate(() => {
      const g = globalThis as unknown as Page$;
      const entries = g.performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/call/store.search'))
        .map((e) => ({ start: e.startTime, end: e.responseEnd }));
      return { lastInput: g.megadiscLastInput ?? Number.NaN, calls: entries };
    });
    const call = calls.at(-1);
    if (!call) throw new Error(`no store.search call seen for ${q}`);
    return {
      total: renderedAt - lastInput,
      debounce: call.start - lastInput,
      call: call.end - call.start,
      render: renderedAt - call.end,
      calls: calls.length,
    };
  };

  note('warming up (one pass over the queries)…');
  for (const q of QUERIES) await typeQuery(q);
  const samples = new Map<string, Sample[]>(QUERIES.map((q) => [q, []]));
  for (let run = 1; run <= RUNS; run++) {
    note(`run ${run}/${RUNS}…`);
    for (const q of QUERIES) samples.get(q)!.push(await typeQuery(q));
  }

  // Peer: the store's own answer to the same query over HTTP, in the same run.
  const client = new KeepAliveClient(store.url);
  const storeMs = new Map<string, number>();
  for (const q of QUERIES) {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 1; i++)
      times.push((await client.get(`/v1/search?q=${encodeURIComponent(q)}`)).ms);
    storeMs.set(q, median(times.slice(1)));
  }
  client.close();

  const ms = (v: number) => fmt(v, v < 10 ? 2 : 1);
  say(
    `${RUNS} runs per query after one warm-up pass; ${version} (headless, ${VIEWPORT.width}×${VIEWPORT.height}), ` +
      `\`megadisc web --store\` (Node ${process.version}) against the store of bench:search on catalog ` +
      `${info.version}. Keys ${KEY_DELAY_MS} ms apart; the search box waits ${DEBOUNCE_MS} ms after each key ` +
      '(renderer/shell/SearchBox.tsx) before it navigates to the results, which call store.search. Medians, ms.\n',
  );
  const rows = QUERIES.map((q) => {
    const s = samples.get(q)!;
    const m = (pick: (x: Sample) => number) => median(s.map(pick));
    return [
      `\`${q}\``,
      ms(m((x) => x.total)),
      ms(Math.max(...s.map((x) => x.total))),
      ms(m((x) => x.debounce)),
      ms(m((x) => x.call)),
      ms(storeMs.get(q)!),
      ms(m((x) => x.render)),
      fmt(
        m((x) => x.calls),
        0,
      ),
    ];
  });
  say(
    markdownTable(
      [
        'query',
        'keystroke → rendered',
        'max',
        'of which: debounce wait',
        'app call (browser → web host → store)',
        'peer: store HTTP alone',
        'render (response → frame)',
        'calls per query',
      ],
      rows,
    ),
  );
  await context.close();
}

runMain(main, { timeoutMs: 15 * 60_000 });
