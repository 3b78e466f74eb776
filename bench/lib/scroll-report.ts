// Prints the scroll benchmark's markdown report: frames pooled over runs, per page and per phase.
import { FRAME_BUDGET_MS, frameStats } from './frame-stats.ts';
import { fmt, markdownTable, median, percentile, say } from './harness.ts';
import type { LibraryProfileInfo } from './library-profile.ts';
import type { MainThreadWork } from './page-metrics.ts';
import type { ScrollProbeOptions, ScrollProbeResult } from './scroll-probe.ts';

export interface SubjectRun {
  name: string;
  /** Until the list first shows rows (the Tracks view: from the route change). */
  openMs: number;
  wallMs: number;
  result: ScrollProbeResult;
  work: MainThreadWork;
  /** CPU the web-mode server spent during the scroll (answering pages of tracks), or null. */
  serverCpuMs: number | null;
}

export interface ScrollReport {
  tracks: number;
  runs: SubjectRun[];
  probe: Pick<ScrollProbeOptions, 'glides' | 'dragFrames' | 'jumps' | 'jumpTimeoutMs' | 'phaseMaxMs'>;
  layout: { box: { width: number; height: number }; scrollHeight: number; rowHeight: number };
  browserVersion: string;
  nginxVersion: string;
  profile: LibraryProfileInfo & { cached: boolean };
  naiveRows: number;
}

const pct = (value: number) => `${fmt(value, 1)} %`;
const ms = (value: number) => fmt(value, 1);

export function printScrollReport(report: ScrollReport): void {
  const { runs, probe, layout, profile } = report;
  const names = [...new Set(runs.map((r) => r.name))];
  const of = (name: string) => runs.filter((r) => r.name === name);
  const runCount = of(names[0]!).length;

  say(
    `Profile: ${profile.tracks.toLocaleString('en-US')} generated tracks (${(profile.tracks / 10).toLocaleString('en-US')} albums) ` +
      `written by \`fillLibrary\` into the library index (profile.db ${fmt(profile.dbBytes / 1e6, 0)} MB; generated in ` +
      `${fmt(profile.generationSeconds, 0)} s${profile.cached ? `, cached in .bench-data/ on ${profile.generatedAt.slice(0, 10)}` : ''}). ` +
      `Served by \`node bin/megadisc.js web --store http://127.0.0.1:9\` (store unreachable: the library works offline), ` +
      `renderer built from the working tree. ${report.browserVersion}, headless, no GPU, ${Math.round(layout.box.width)}×${Math.round(layout.box.height)} px list ` +
      `in a 1280×800 viewport, ${layout.rowHeight} px rows, scroll height ${layout.scrollHeight.toLocaleString('en-US')} px.\n\n` +
      `In-page loop (requestAnimationFrame), phases in this order: ` +
      probe.glides
        .map(
          (g) =>
            `**${g.name}** (scrollTop += ${g.stepPx} px every frame for ${g.ms / 1000} s, from the top); `,
        )
        .join('') +
      `**drag** top to bottom in ${probe.dragFrames} frames (as when dragging the scrollbar thumb); **jumps** to ${probe.jumps} random ` +
      `places (same seed on every page), each waited on until the rows in view show data. Drag and jumps stop after ` +
      `${probe.phaseMaxMs / 1000} s (only the naive page ever needs that). Frame time = the gap between ` +
      `consecutive rAF timestamps. In the Tracks view, after each frame's scroll, the loop compares the rows in the DOM ` +
      `(their aria-posinset) with the rows in view, without reading layout: "blank" = part of the view has no row, ` +
      `"placeholder" = a row in view whose page of data has not arrived; the static pages are always fully drawn. ${runCount} runs, each page in a new browser context, ` +
      `pages in rotating order; frames pooled over the runs. Peers: **static floor** = one spacer of the same height ` +
      `with a striped background, no script; **naive** = ${report.naiveRows.toLocaleString('en-US')} rows with the app's row markup ` +
      `and CSS all in the DOM, no script (both served by ${report.nginxVersion}).\n\n` +
      `_Headless Chromium without a GPU draws frames on its own ${fmt(1000 / FRAME_BUDGET_MS, 0)} Hz begin-frame timer with ` +
      `software compositing, so frame times are paced by the headless compositor: they show main-thread stalls (a long ` +
      `task delays the next frame) but neither GPU nor display cost, and ${fmt(FRAME_BUDGET_MS, 1)} ms is the floor by ` +
      `construction. The main-thread columns come from Chromium's own counters (CDP Performance.getMetrics) and are ` +
      `not paced._\n`,
  );

  const all = (name: string) => of(name).flatMap((r) => r.result.phases.flatMap((p) => p.frames));
  const longTasks = (name: string) => of(name).flatMap((r) => r.result.longTasks ?? []);
  const busy = (name: string) => median(of(name).map((r) => (100 * r.work.taskMs) / r.wallMs));
  say(
    markdownTable(
      [
        'page (all phases)',
        'frames',
        'fps',
        'median ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        `> ${fmt(FRAME_BUDGET_MS, 1)} ms¹`,
        `> ${fmt(2 * FRAME_BUDGET_MS, 1)} ms¹`,
        'long tasks (total ms)',
        'main thread busy',
        'DOM rows peak / end',
      ],
      names.map((name) => {
        const s = frameStats(all(name));
        const lt = longTasks(name);
        const last = of(name).at(-1)!.result;
        return [
          name,
          s.frames,
          fmt(s.fps, 1),
          ms(s.p50),
          ms(s.p95),
          ms(s.p99),
          ms(s.max),
          pct(s.over16),
          pct(s.over33),
          `${lt.length} (${fmt(
            lt.reduce((a, b) => a + b, 0),
            0,
          )})`,
          pct(busy(name)),
          `${Math.max(...of(name).map((r) => r.result.peakDomRows)).toLocaleString('en-US')} / ${last.domRowsAtEnd.toLocaleString('en-US')}`,
        ];
      }),
    ),
  );

  say(
    `\n¹ Frames start on the ${fmt(FRAME_BUDGET_MS, 2)} ms grid and rAF timestamps are coarsened to 0.1 ms, so an on-time ` +
      `frame reads 16.6 or 16.7 ms and a late one 33.3 ms: "> 16.7 ms" counts frames over 1.5 budgets (25 ms, at least one ` +
      `frame missed) and "> 33.3 ms" frames over 2.5 budgets (41.7 ms, at least two missed).`,
  );

  const ours = names[0]!;
  const floor = names.find((n) => n.includes('floor'));
  if (floor) {
    const a = frameStats(all(ours));
    const b = frameStats(all(floor));
    say(
      `\nRatios ${ours} / ${floor}: median ${fmt(a.p50 / b.p50, 2)}, p95 ${fmt(a.p95 / b.p95, 2)}, ` +
        `p99 ${fmt(a.p99 / b.p99, 2)}, main thread busy ${fmt(busy(ours) / busy(floor), 1)}×.`,
    );
  }

  say('\nPer phase (frames pooled over the runs):\n');
  const rows: (string | number)[][] = [];
  for (const name of names) {
    const phases = [...new Set(of(name).flatMap((r) => r.result.phases.map((p) => p.name)))];
    for (const phase of phases) {
      const records = of(name).flatMap((r) => r.result.phases.filter((p) => p.name === phase));
      const cut = records.some((p) => p.cutShort) ? ' (cut short)' : '';
      const frames = records.flatMap((p) => p.frames);
      const s = frameStats(frames);
      const px = records.reduce((a, p) => a + p.scrolledPx, 0) / Math.max(1, frames.length);
      const share = (n: number) => pct((100 * n) / Math.max(1, frames.length));
      rows.push([
        name,
        phase + cut,
        s.frames,
        fmt(px, 0),
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        pct(s.over16),
        pct(s.over33),
        share(records.reduce((a, p) => a + p.blankFrames, 0)),
        share(records.reduce((a, p) => a + p.placeholderFrames, 0)),
      ]);
    }
  }
  say(
    markdownTable(
      [
        'page',
        'phase',
        'frames',
        'px / frame',
        'median ms',
        'p95 ms',
        'p99 ms',
        `> ${fmt(FRAME_BUDGET_MS, 1)} ms¹`,
        `> ${fmt(2 * FRAME_BUDGET_MS, 1)} ms¹`,
        'frames with blank rows',
        'frames with placeholders',
      ],
      rows,
    ),
  );

  say(
    `\nAfter a jump, until every row in view shows data (ms; one frame ≈ ${fmt(FRAME_BUDGET_MS, 1)} ms):\n`,
  );
  say(
    markdownTable(
      ['page', 'jumps', 'median', 'p95', 'max', `not within ${probe.jumpTimeoutMs / 1000} s`],
      names.map((name) => {
        const times = of(name).flatMap((r) => r.result.jumpToContentMs);
        const done = times.filter((t) => Number.isFinite(t));
        return [
          name,
          times.length,
          ms(median(done)),
          ms(percentile(done, 95)),
          ms(done.length ? Math.max(...done) : Number.NaN),
          times.length - done.length,
        ];
      }),
    ),
  );

  say('\nMain-thread work during the scroll (medians per run; CDP counters), and opening the page:\n');
  say(
    markdownTable(
      [
        'page',
        'scroll wall s',
        'tasks ms',
        'script ms',
        'layout ms',
        'style ms',
        'layouts',
        'JS heap MB',
        'DOM nodes',
        'open ms',
        'server CPU ms',
      ],
      names.map((name) => {
        const m = (pick: (r: SubjectRun) => number) => median(of(name).map(pick));
        const server = of(name).map((r) => r.serverCpuMs);
        const whole = (pick: (r: SubjectRun) => number) => fmt(m(pick), 0);
        return [
          name,
          fmt(m((r) => r.wallMs) / 1000, 1),
          whole((r) => r.work.taskMs),
          whole((r) => r.work.scriptMs),
          whole((r) => r.work.layoutMs),
          whole((r) => r.work.styleMs),
          whole((r) => r.work.layouts),
          fmt(m((r) => r.work.jsHeapBytes) / 1e6, 1),
          whole((r) => r.work.domNodes),
          whole((r) => r.openMs),
          server.every((v) => v !== null) ? fmt(median(server as number[]), 0) : '—',
        ];
      }),
    ),
  );
  say(
    '\n"open ms": the Tracks view from the route change to its first rows with data; the static pages from ' +
      'page.goto to their load event. "server CPU ms": the web-mode process (user + system) during the scroll.',
  );
}
