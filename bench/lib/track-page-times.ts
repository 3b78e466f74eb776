// The SQL page behind the Tracks view (library.tracks → trackPage), timed in-process over the
// benchmark's profile: the top, the middle and the end of the list, and with a filter, without web
// mode or the browser in the way.
import { trackPage } from '../../electron/core/library/index.ts';
import { openProfile } from '../../electron/core/profile/open-profile.ts';
import { fmt, markdownTable, median, percentile, say } from './harness.ts';

/** renderer/features/library/use-track-pages.ts asks for pages of this many rows. */
const PAGE_ROWS = 200;
const REPEATS = 9;

export interface TrackPageTime {
  where: string;
  offset: number;
  q: string | undefined;
  rows: number;
  medianMs: number;
  p95Ms: number;
}

/** Opens its own connection; run it before web mode starts, so nothing else uses the profile. */
export function timeTrackPages(home: string, tracks: number): TrackPageTime[] {
  const db = openProfile(home);
  try {
    const places: [string, number, string | undefined][] = [
      ['first page', 0, undefined],
      ['middle', Math.floor(tracks / 2), undefined],
      ['last page', Math.max(0, tracks - PAGE_ROWS), undefined],
      ['filtered, first page', 0, 'love'],
    ];
    return places.map(([where, offset, q]) => {
      const page = trackPage(db, { q, offset, limit: PAGE_ROWS }); // warm-up
      const times: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        const started = performance.now();
        trackPage(db, { q, offset, limit: PAGE_ROWS });
        times.push(performance.now() - started);
      }
      return {
        where,
        offset,
        q,
        rows: page.rows.length,
        medianMs: median(times),
        p95Ms: percentile(times, 95),
      };
    });
  } finally {
    db.close();
  }
}

export function printTrackPageTimes(times: TrackPageTime[], tracks: number): void {
  say('\n#### One page of the Tracks view, in-process\n');
  say(
    `\`trackPage()\` (what \`library.tracks\` runs) on the same ${tracks.toLocaleString('en-US')}-track profile, ` +
      `opened in the benchmark process before web mode starts: pages of ${PAGE_ROWS} rows, ` +
      `one warm-up then ${REPEATS} calls each.\n`,
  );
  say(
    markdownTable(
      ['page', 'offset', 'filter', 'rows', 'median ms', 'p95 ms'],
      times.map((t) => [
        t.where,
        t.offset.toLocaleString('en-US'),
        t.q ? `\`${t.q}\`` : '—',
        t.rows,
        fmt(t.medianMs, 2),
        fmt(t.p95Ms, 2),
      ]),
    ),
  );
}
