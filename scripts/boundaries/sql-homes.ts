// SQL lives in the repositories that own a table, so a schema change has one place to look: in the
// client, the profile database and the few classes that keep its tables; in the store, the domain
// folders (never the routes, the HTTP plumbing or the CLI).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUnder, lineAt, rootPath, sourceFiles } from './source-files.ts';

/** Files, or folders, allowed to prepare statements. */
export const SQL_HOMES = [
  // Client: the profile database (opening, migrating, moving it to another store URL) and the
  // repositories of its tables.
  'electron/core/profile',
  'electron/core/availability/availability-book.ts',
  'electron/core/downloads/job-store.ts',
  'electron/core/ledger/ledger-mirror.ts',
  'electron/core/ledger/spend-entries.ts',
  'electron/core/library/album-cards.ts',
  'electron/core/library/library-index.ts',
  'electron/core/library/library-rows.ts',
  'electron/core/library/owned-copy.ts',
  'electron/core/library/track-page.ts',
  'electron/core/payments/checkout-desk.ts',
  'electron/core/purchases/purchase-desk.ts',
  'electron/core/purchases/purchase-records.ts',
  'electron/core/settings/settings.ts',
  // Store: the database and its adapters, then each domain's repositories.
  'server/db',
  'server/accounts',
  'server/catalog',
  'server/orders',
  'server/payments',
  'server/previews',
  'server/pricing',
  'server/rights',
  'server/royalties',
  'server/takedowns',
  // The demo's seeding: its mark in meta, and the vouchers it hands out.
  'server/demo',
];

/**
 * The calls that mark SQL: a prepared statement (node:sqlite), or a statement run through the
 * store's storage port (`sql.get(…)`, `q.run(…)`) whose text starts with a SQL keyword.
 */
const SQL_CALL =
  /\.prepare\(|\.(?:get|all|run|exec)(?:<[^>()]*>)?\(\s*[`'"]\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|PRAGMA|EXPLAIN)\b/g;
const SCANNED = ['api', 'electron', 'i18n', 'renderer', 'server'];

export interface StrayQuery {
  file: string;
  line: number;
  /** The call, as written: `.prepare(`, or a port call such as `.get(` with the statement's first word. */
  call: string;
}

export function findStrayQueries(root: string, homes: string[] = SQL_HOMES): StrayQuery[] {
  const found: StrayQuery[] = [];
  for (const folder of SCANNED) {
    for (const path of sourceFiles(join(root, folder))) {
      const file = rootPath(root, path);
      if (homes.some((home) => isUnder(file, home))) continue;
      const text = readFileSync(path, 'utf8');
      for (const match of text.matchAll(SQL_CALL))
        found.push({ file, line: lineAt(text, match.index), call: match[0].replace(/\s+/g, ' ') });
    }
  }
  return found;
}
