// Royalty statements: for a rights holder and a closed period, every royalty line not yet on a
// statement and dated before the period's end (so late adjustments land on the next one), grouped
// per track and territory, numbered and frozen. Issuing the same period again returns the same one.
import type { Statement } from '../../api/schemas/rights.ts';
import type { Database, Sql } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';
import { microsToDecimal, money } from '../pricing/money.ts';

export interface Period {
  /** Inclusive start date, YYYY-MM-DD. */
  start: string;
  /** Exclusive end date, YYYY-MM-DD. */
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03", "2026-Q1", or from/to dates (both inclusive). */
export function resolvePeriod(p: { period?: string; from?: string; to?: string }): Period {
  if (p.period) {
    const [year, part] = p.period.split('-') as [string, string];
    const y = Number(year);
    if (part.startsWith('Q')) {
      const q = Number(part.slice(1));
      const startMonth = (q - 1) * 3 + 1;
      const end = q === 4 ? `${y + 1}-01-01` : `${y}-${pad(startMonth + 3)}-01`;
      return { start: `${y}-${pad(startMonth)}-01`, end };
    }
    const m = Number(part);
    return { start: `${y}-${pad(m)}-01`, end: m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01` };
  }
  if (p.from && p.to) {
    if (p.to < p.from) throw new StoreError('VALIDATION_FAILED', 400, 'the period ends before it starts');
    const next = new Date(`${p.to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return { start: p.from, end: next.toISOString().slice(0, 10) };
  }
  throw new StoreError('VALIDATION_FAILED', 400, 'give a period (2026-03 or 2026-Q1) or from and to dates');
}

interface GroupRow {
  album_id: number;
  track_id: number;
  territory: string;
  currency: string;
  units: number;
  bytes: number;
  revenue: number;
  royalty: number;
  isrc: string | null;
  upc: string | null;
  release_title: string;
  title: string;
  /** The album's artist: the track's own artists replace it when it has any. */
  album_artist: string;
}

export class Statements {
  readonly #db: Database;
  readonly #now: () => number;

  constructor(db: Database, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  async issue(rightsHolderId: number, period: Period, currency: string): Promise<Statement> {
    return this.#db.tx(async (q) => {
      const holder = await q.get<{ id: number; name: string }>(
        'SELECT id, name FROM rights_holders WHERE id = ?',
        rightsHolderId,
      );
      if (!holder) throw new StoreError('NOT_FOUND', 404, `rights holder ${rightsHolderId} not found`);
      const existing = await q.get<{ body: string }>(
        'SELECT body FROM statements WHERE rights_holder_id = ? AND period_start = ? AND period_end = ?',
        rightsHolderId,
        period.start,
        period.end,
      );
      if (existing) return JSON.parse(existing.body) as Statement;
      const now = new Date(this.#now());
      if (now.toISOString().slice(0, 10) < period.end)
        throw new StoreError(
          'VALIDATION_FAILED',
          409,
          `the period ends on ${period.end}; a statement is issued once it has`,
        );
      // The number (and every line id in the frozen body) names the id, and an issued statement is
      // never updated, so the id is taken before the insert rather than with RETURNING. Two issues
      // at once cannot both take it: SQLite has one writer, PostgreSQL's SERIALIZABLE re-runs one.
      const id = (await q.get<{ id: number }>('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM statements'))!.id;
      const number = `ST-${now.getUTCFullYear()}-${String(id).padStart(6, '0')}`;
      // Every line of this holder before the end not yet stated: this period's and late ones.
      const open = `FROM royalty_lines l WHERE l.rights_holder_id = ? AND l.created_at < ?
        AND NOT EXISTS (SELECT 1 FROM statement_lines s WHERE s.royalty_line_id = l.id)`;
      const groups = await q.all<GroupRow>(
        `SELECT g.*, t.isrc, a.upc, a.title AS release_title, t.title, ar0.name AS album_artist
         FROM (SELECT l.album_id, l.track_id, l.territory, l.currency, SUM(l.units) AS units, SUM(l.bytes) AS bytes,
                 SUM(l.revenue_micros) AS revenue, SUM(l.royalty_micros) AS royalty ${open}
               GROUP BY l.album_id, l.track_id, l.territory, l.currency) g
         JOIN tracks t ON t.id = g.track_id JOIN albums a ON a.id = g.album_id JOIN artists ar0 ON ar0.id = a.artist_id
         ORDER BY a.title, g.album_id, t.disc_number, t.track_number, g.track_id, g.territory`,
        rightsHolderId,
        `${period.end}T00:00:00.000Z`,
      );
      const artists = await trackArtists(
        q,
        groups.map((g) => g.track_id),
      );
      const lines = groups.map((g, i) => ({
        lineId: `${number}-${String(i + 1).padStart(5, '0')}`,
        isrc: g.isrc,
        upc: g.upc,
        releaseId: g.album_id,
        releaseTitle: g.release_title,
        trackId: g.track_id,
        title: g.title,
        artist: artists.get(g.track_id) ?? g.album_artist,
        territory: g.territory,
        units: g.units,
        bytes: g.bytes,
        megabytes: microsToDecimal(g.bytes),
        revenue: {
          ...money(Math.max(0, g.revenue), g.currency),
          micros: g.revenue,
          display: microsToDecimal(g.revenue),
        },
        royalty: {
          ...money(Math.max(0, g.royalty), g.currency),
          micros: g.royalty,
          display: microsToDecimal(g.royalty),
        },
      }));
      const releases = new Map<number, Statement['releases'][number]>();
      for (const l of lines) {
        const r = releases.get(l.releaseId) ?? {
          releaseId: l.releaseId,
          upc: l.upc,
          title: l.releaseTitle,
          units: 0,
          revenueMicros: 0,
          royaltyMicros: 0,
        };
        r.units += l.units;
        r.revenueMicros += l.revenue.micros;
        r.royaltyMicros += l.royalty.micros;
        releases.set(l.releaseId, r);
      }
      const statement: Statement = {
        number,
        rightsHolder: holder,
        periodStart: period.start,
        periodEnd: period.end,
        currency,
        issuedAt: now.toISOString(),
        lines,
        releases: [...releases.values()],
        totals: {
          units: lines.reduce((s, l) => s + l.units, 0),
          revenueMicros: lines.reduce((s, l) => s + l.revenue.micros, 0),
          royaltyMicros: lines.reduce((s, l) => s + l.royalty.micros, 0),
        },
      };
      await q.run(
        `INSERT INTO statements (id, number, rights_holder_id, period_start, period_end, currency, issued_at, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        number,
        rightsHolderId,
        period.start,
        period.end,
        currency,
        statement.issuedAt,
        JSON.stringify(statement),
      );
      await q.run(
        `INSERT INTO statement_lines (royalty_line_id, statement_id) SELECT l.id, ? ${open}`,
        id,
        rightsHolderId,
        `${period.end}T00:00:00.000Z`,
      );
      return statement;
    });
  }

  async get(number: string): Promise<{ statement: Statement; rightsHolderId: number }> {
    const row = await this.#db.get<{ body: string; rights_holder_id: number }>(
      'SELECT body, rights_holder_id FROM statements WHERE number = ?',
      number,
    );
    if (!row) throw new StoreError('NOT_FOUND', 404, `no statement ${number}`);
    return { statement: JSON.parse(row.body) as Statement, rightsHolderId: row.rights_holder_id };
  }

  /** Statements of one holder, or all (undefined: the operator). */
  async list(rightsHolderId: number | undefined) {
    const rows = await this.#db.all<{
      number: string;
      rights_holder_id: number;
      period_start: string;
      period_end: string;
      issued_at: string;
      body: string;
    }>(
      // CAST: PostgreSQL cannot infer the type of a parameter that is only compared with NULL.
      `SELECT number, rights_holder_id, period_start, period_end, issued_at, body FROM statements
       WHERE CAST(? AS BIGINT) IS NULL OR rights_holder_id = ? ORDER BY id DESC`,
      rightsHolderId ?? null,
      rightsHolderId ?? null,
    );
    return rows.map((r) => ({
      number: r.number,
      rightsHolderId: r.rights_holder_id,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      issuedAt: r.issued_at,
      royaltyMicros: (JSON.parse(r.body) as Statement).totals.royaltyMicros,
    }));
  }
}

/**
 * Each track's own artists, joined with ", " in credit order (was group_concat, which PostgreSQL
 * spells string_agg). Tracks without artists of their own are absent.
 */
async function trackArtists(q: Sql, trackIds: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string[]>();
  // In slices: SQLite takes at most 32,766 parameters in one statement.
  for (let i = 0; i < trackIds.length; i += 500) {
    const ids = trackIds.slice(i, i + 500);
    const rows = await q.all<{ track_id: number; name: string }>(
      `SELECT ta.track_id, ar.name FROM track_artists ta JOIN artists ar ON ar.id = ta.artist_id
       WHERE ta.track_id IN (${ids.map(() => '?').join(', ')}) ORDER BY ta.track_id, ta.position`,
      ...ids,
    );
    for (const r of rows) names.set(r.track_id, [...(names.get(r.track_id) ?? []), r.name]);
  }
  return new Map([...names].map(([id, list]) => [id, list.join(', ')]));
}
