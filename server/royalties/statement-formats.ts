// A statement as CSV for people, and as a DDEX DSR-style tab-separated flat file for machines.
// Both are rendered from the frozen statement, so they read the same every time.
import type { Statement } from '../../api/schemas/rights.ts';
import { microsToDecimal } from '../pricing/money.ts';

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // Quote anything a spreadsheet could misread; a leading = + - @ is neutralised against formula injection.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function statementCsv(s: Statement): string {
  const rows: (string | number | null)[][] = [
    [
      'statement',
      s.number,
      'rights holder',
      s.rightsHolder.name,
      'period',
      `${s.periodStart}..${s.periodEnd}`,
      'currency',
      s.currency,
    ],
    [
      'line_id',
      'isrc',
      'upc',
      'release',
      'title',
      'artist',
      'territory',
      'units',
      'mb_sold',
      'gross_revenue',
      'royalty',
      'currency',
    ],
  ];
  for (const l of s.lines)
    rows.push([
      l.lineId,
      l.isrc,
      l.upc,
      l.releaseTitle,
      l.title,
      l.artist,
      l.territory,
      l.units,
      l.megabytes,
      microsToDecimal(l.revenue.micros),
      microsToDecimal(l.royalty.micros),
      s.currency,
    ]);
  for (const r of s.releases)
    rows.push([
      'release_total',
      null,
      r.upc,
      r.title,
      null,
      null,
      null,
      r.units,
      null,
      microsToDecimal(r.revenueMicros),
      microsToDecimal(r.royaltyMicros),
      s.currency,
    ]);
  rows.push([
    'statement_total',
    null,
    null,
    null,
    null,
    null,
    null,
    s.totals.units,
    null,
    microsToDecimal(s.totals.revenueMicros),
    microsToDecimal(s.totals.royaltyMicros),
    s.currency,
  ]);
  return `${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}

/** Tabs and line breaks cannot appear inside a field of a flat file; they become spaces. */
const tsvField = (value: string | number | null) =>
  value === null ? '' : String(value).replace(/[\t\r\n]+/g, ' ');

/**
 * DSR-style flat file: HEAD; SY01 summary; RE01 per release; AS01 per sound recording; SU01 per
 * sale line; FOOT with the number of lines of each kind and in all, so a reader can check it got
 * everything.
 */
export function statementDsr(s: Statement): string {
  const out: string[][] = [];
  out.push([
    'HEAD',
    'DSR-FLAT/1.0',
    s.number,
    s.issuedAt,
    'Megadisc',
    s.rightsHolder.name,
    s.periodStart,
    s.periodEnd,
    s.currency,
  ]);
  out.push([
    'SY01',
    String(s.totals.units),
    microsToDecimal(s.totals.revenueMicros),
    microsToDecimal(s.totals.royaltyMicros),
    s.currency,
  ]);
  for (const r of s.releases)
    out.push([
      'RE01',
      `R${r.releaseId}`,
      tsvField(r.upc),
      tsvField(r.title),
      String(r.units),
      microsToDecimal(r.royaltyMicros),
    ]);
  const resources = new Map<number, Statement['lines'][number]>();
  for (const l of s.lines) if (!resources.has(l.trackId)) resources.set(l.trackId, l);
  for (const l of resources.values())
    out.push([
      'AS01',
      `A${l.trackId}`,
      `R${l.releaseId}`,
      tsvField(l.isrc),
      tsvField(l.title),
      tsvField(l.artist),
    ]);
  for (const l of s.lines)
    out.push([
      'SU01',
      l.lineId,
      `R${l.releaseId}`,
      `A${l.trackId}`,
      l.territory,
      String(l.units),
      l.megabytes,
      microsToDecimal(l.revenue.micros),
      microsToDecimal(l.royalty.micros),
      s.currency,
    ]);
  const count = (type: string) => out.filter((r) => r[0] === type).length;
  out.push([
    'FOOT',
    String(out.length + 1),
    String(count('SY01')),
    String(count('RE01')),
    String(count('AS01')),
    String(count('SU01')),
  ]);
  return `${out.map((r) => r.map(tsvField).join('\t')).join('\n')}\n`;
}
