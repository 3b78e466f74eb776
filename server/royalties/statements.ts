// Royalty statements: for a rights holder and a closed period, every royalty line not yet on a
// statement and dated before the period's end (so late adjustments land on the next one), grouped
// per track and territory, numbered and frozen. Issuing the same period again returns the same one.
import type { Statement } from '../../api/schemas/rights.ts';
import { type Db, transaction } from '../db/open-database.ts';
import { StoreError } from '../errors.ts';
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
  artist: string;
}

export class Statements {
  readonly #db: Db;
  readonly #now: () => number;

  constructor(db: Db, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  issue(rightsHolderId: number, period: Period, currency: string): Statement {
    const db = this.#db;
    return transaction(db, () => {
      const holder = db.prepare('SELECT id, name FROM rights_holders WHERE id = ?').get(rightsHolderId) as
        | { id: number; name: string }
        | undefined;
      if (!holder) throw new StoreError('NOT_FOUND', 404, `rights holder ${rightsHolderId} not found`);
      const existing = db
        .prepare(
          'SELECT body FROM statements WHERE rights_holder_id = ? AND period_start = ? AND period_end = ?',
        )
        .get(rightsHolderId, period.start, period.end) as { body: string } | undefined;
      if (existing) return JSON.parse(existing.body) as Statement;
      const now = new Date(this.#now());
      if (now.toISOString().slice(0, 10) < period.end)
        throw new StoreError(
          'VALIDATION_FAILED',
          409,
          `the period ends on ${period.end}; a statement is issued once it has`,
        );
      const id = (db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM statements').get() as { id: number })
        .id;
      const number = `ST-${now.getUTCFullYear()}-${String(id).padStart(6, '0')}`;
      // Every line of this holder before the end not yet stated: this period's and late ones.
      const open = `FROM royalty_lines l WHERE l.rights_holder_id = ? AND l.created_at < ?
        AND NOT EXISTS (SELECT 1 FROM statement_lines s WHERE s.royalty_line_id = l.id)`;
      const groups = db
        .prepare(
          `SELECT g.*, t.isrc, a.upc, a.title AS release_title, t.title,
             COALESCE((SELECT group_concat(ar.name, ', ') FROM track_artists ta JOIN artists ar ON ar.id = ta.artist_id
                        WHERE ta.track_id = t.id), ar0.name) AS artist
           FROM (SELECT l.album_id, l.track_id, l.territory, l.currency, SUM(l.units) AS units, SUM(l.bytes) AS bytes,
                   SUM(l.revenue_micros) AS revenue, SUM(l.royalty_micros) AS royalty ${open}
                 GROUP BY l.album_id, l.track_id, l.territory, l.currency) g
           JOIN tracks t ON t.id = g.track_id JOIN albums a ON a.id = g.album_id JOIN artists ar0 ON ar0.id = a.artist_id
           ORDER BY a.title, g.album_id, t.disc_number, t.track_number, g.track_id, g.territory`,
        )
        .all(rightsHolderId, `${period.end}T00:00:00.000Z`) as unknown as GroupRow[];
      const lines = groups.map((g, i) => ({
        lineId: `${number}-${String(i + 1).padStart(5, '0')}`,
        isrc: g.isrc,
        upc: g.upc,
        releaseId: g.album_id,
        releaseTitle: g.release_title,
        trackId: g.track_id,
        title: g.title,
        artist: g.artist,
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
      db.prepare(
        `INSERT INTO statements (id, number, rights_holder_id, period_start, period_end, currency, issued_at, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        number,
        rightsHolderId,
        period.start,
        period.end,
        currency,
        statement.issuedAt,
        JSON.stringify(statement),
      );
      db.prepare(`INSERT INTO statement_lines (royalty_line_id, statement_id) SELECT l.id, ? ${open}`).run(
        id,
        rightsHolderId,
        `${period.end}T00:00:00.000Z`,
      );
      return statement;
    });
  }

  get(number: string): { statement: Statement; rightsHolderId: number } {
    const row = this.#db
      .prepare('SELECT body, rights_holder_id FROM statements WHERE number = ?')
      .get(number) as { body: string; rights_holder_id: number } | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 404, `no statement ${number}`);
    return { statement: JSON.parse(row.body) as Statement, rightsHolderId: row.rights_holder_id };
  }

  /** Statements of one holder, or all (undefined: the operator). */
  list(rightsHolderId: number | undefined) {
    const rows = this.#db
      .prepare(
        `SELECT number, rights_holder_id, period_start, period_end, issued_at, body FROM statements
         WHERE ? IS NULL OR rights_holder_id = ? ORDER BY id DESC`,
      )
      .all(rightsHolderId ?? null, rightsHolderId ?? null) as {
      number: string;
      rights_holder_id: number;
      period_start: string;
      period_end: string;
      issued_at: string;
      body: string;
    }[];
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
