// Whether owners may still download again the files they bought of works since taken down. Off by
// default (they keep what they paid for); the operator withdraws it when a notice demands it.
import type { StatementSync } from 'node:sqlite';
import type { Db } from '../db/open-database.ts';
import type { AuditLog } from '../rights/audit-log.ts';

const KEY = 'withdraw_redownloads';

/** One statement per database: every download request asks (preparing it was ~10 % of a small file's CPU). */
const reads = new WeakMap<Db, StatementSync>();

export function redownloadsWithdrawn(db: Db): boolean {
  let read = reads.get(db);
  if (!read) {
    read = db.prepare('SELECT value FROM meta WHERE key = ?');
    reads.set(db, read);
  }
  const row = read.get(KEY) as { value: string } | undefined;
  return row?.value === 'on';
}

export class RedownloadPolicy {
  readonly #db: Db;
  readonly #audit: AuditLog;

  constructor(db: Db, audit: AuditLog) {
    this.#db = db;
    this.#audit = audit;
  }

  withdrawn(): boolean {
    return redownloadsWithdrawn(this.#db);
  }

  set(withdraw: boolean, actor: string): { withdrawRedownloads: boolean } {
    const was = this.withdrawn();
    this.#db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(KEY, withdraw ? 'on' : 'off');
    this.#audit.record(
      actor,
      'settings.withdraw_redownloads',
      'settings',
      `${was ? 'on' : 'off'} -> ${withdraw ? 'on' : 'off'}`,
    );
    return { withdrawRedownloads: withdraw };
  }
}
