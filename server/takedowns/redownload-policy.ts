// Whether owners may still download again the files they bought of works since taken down. Off by
// default (they keep what they paid for); the operator withdraws it when a notice demands it.
import type { Database, Sql } from '../db/sql/port.ts';
import type { AuditLog } from '../rights/audit-log.ts';

const KEY = 'withdraw_redownloads';

/** Asked on every download request; the adapter keeps the statement prepared. */
export async function redownloadsWithdrawn(db: Sql): Promise<boolean> {
  const row = await db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', KEY);
  return row?.value === 'on';
}

export class RedownloadPolicy {
  readonly #db: Database;
  readonly #audit: AuditLog;

  constructor(db: Database, audit: AuditLog) {
    this.#db = db;
    this.#audit = audit;
  }

  withdrawn(): Promise<boolean> {
    return redownloadsWithdrawn(this.#db);
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
