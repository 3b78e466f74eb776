// The append-only audit log of rights decisions: notices, decisions, restores, rights holder changes.
// The database refuses updates and deletes (triggers), so history cannot be rewritten.
import type { z } from 'zod';
import type { AuditLog as AuditLogView } from '../../api/schemas/rights.ts';
import type { Database, Sql } from '../db/sql/port.ts';

export class AuditLog {
  readonly #sql: Database;
  readonly #now: () => number;

  constructor(sql: Database, now: () => number = Date.now) {
    this.#sql = sql;
    this.#now = now;
  }

  /** One entry, in the caller's transaction: a change and its record commit together or not at all. */
  async append(q: Sql, actor: string, action: string, subject: string, detail?: string): Promise<void> {
    await q.run(
      'INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)',
      new Date(this.#now()).toISOString(),
      actor,
      action,
      subject,
      detail ?? null,
    );
  }

  /** Newest first. */
  async list(limit = 500): Promise<z.infer<typeof AuditLogView>> {
    const rows = await this.#sql.all<{
      id: number;
      at: string;
      actor: string;
      action: string;
      subject: string;
      detail: string | null;
    }>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?', limit);
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        subject: r.subject,
        detail: r.detail,
      })),
    };
  }
}
