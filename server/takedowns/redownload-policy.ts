// Whether owners may still download again the files they bought of works since taken down. Off by
// default (they keep what they paid for); the operator withdraws it when a notice demands it.
import type { StatementSync } from 'node:sqlite';
import type { Db } from '../db/open-database.ts';
import type { Database } from '../db/sql/port.ts';
import type { AuditLog } from '../rights/audit-log.ts';

const KEY = 'withdraw_redownloads';

/** One statement per database: every download request asks (preparing it was ~10 % of a small file's CPU). */
const reads = new WeakMap<Db, StatementSync>();

// Transitional (issue 15): the sale gate, not yet on the storage port, reads on the synchronous connection.
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
  readonly #db: Database;
  readonly #audit: AuditLog;

  constructor(db: Database, audit: AuditLog) {
    this.#db = db;
    this.#audit = audit;
  }

  async withdrawn(): Promise<boolean> {
    const row = await this.#db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', KEY);
    return row?.value === 'on';
  }

  async set(withdraw: boolean, actor: string): Promise<{ withdrawRedownloads: boolean }> {
    return this.#db.tx(async (q) => {
      const was =
        (await q.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', KEY))?.value === 'on';
      await q.run(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        KEY,
        withdraw ? 'on' : 'off',
      );
      await this.#audit.append(
        q,
        actor,
        'settings.withdraw_redownloads',
        'settings',
        `${was ? 'on' : 'off'} -> ${withdraw ? 'on' : 'off'}`,
      );
      return { withdrawRedownloads: withdraw };
    });
  }
}
