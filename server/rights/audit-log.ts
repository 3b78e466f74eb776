// The append-only audit log of rights decisions: notices, decisions, restores, rights holder changes.
// The database refuses updates and deletes (triggers), so history cannot be rewritten.
import type { z } from 'zod';
import type { AuditLog as AuditLogView } from '../../api/schemas/rights.ts';
import type { Db } from '../db/open-database.ts';

export class AuditLog {
  readonly #db: Db;
  readonly #now: () => number;

  constructor(db: Db, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  record(actor: string, action: string, subject: string, detail?: string): void {
    this.#db
      .prepare('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)')
      .run(new Date(this.#now()).toISOString(), actor, action, subject, detail ?? null);
  }

  /** Newest first. */
  list(limit = 500): z.infer<typeof AuditLogView> {
    const rows = this.#db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as {
      id: number;
      at: string;
      actor: string;
      action: string;
      subject: string;
      detail: string | null;
    }[];
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
