// Takedown notices and counter-notices: filing (with a receipt), the operator's decision, and what
// a decision does to sale: an approved notice takes its works off sale, an approved counter-notice
// lifts the takedowns of the notice it answers. Every step goes into the audit log.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  DecisionBody,
  Notice,
  NoticeBody,
  NoticeReceipt,
  PublicNotice,
} from '../../api/schemas/rights.ts';
import { type Db, transaction } from '../db/open-database.ts';
import { StoreError } from '../errors.ts';
import type { AuditLog } from '../rights/audit-log.ts';
import { checkNotice } from './notice-check.ts';

interface NoticeRow {
  id: string;
  kind: 'notice' | 'counter';
  refers_to: string | null;
  body: string;
  state: 'received' | 'approved' | 'rejected';
  received_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
}

type Work = NoticeBody['works'][number];

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `TD-` and 12 base32 characters (60 random bits): short enough to read out on the phone. */
export function receiptId(): string {
  let bits = randomBytes(8).readBigUInt64BE();
  let out = '';
  for (let i = 0; i < 12; i++) {
    out += BASE32[Number(bits & 31n)];
    bits >>= 5n;
  }
  return `TD-${out}`;
}

const workKey = (w: Work) => `${w.type}:${w.id}`;
const describeWorks = (works: Work[]) => works.map((w) => `${w.type} ${w.id}`).join(', ');

export class TakedownNotices {
  readonly #db: Db;
  readonly #audit: AuditLog;
  readonly #now: () => number;

  constructor(db: Db, audit: AuditLog, now: () => number = Date.now) {
    this.#db = db;
    this.#audit = audit;
    this.#now = now;
  }

  #row(id: string): NoticeRow {
    const row = this.#db.prepare('SELECT * FROM takedown_notices WHERE id = ?').get(id) as
      | NoticeRow
      | undefined;
    if (!row) throw new StoreError('NOT_FOUND', 404, `no notice ${id}`);
    return row;
  }

  /** Files a notice or counter-notice from anyone; the receipt id is how they follow it up. */
  file(raw: unknown): z.infer<typeof NoticeReceipt> {
    const body = checkNotice(raw);
    this.#checkWorksExist(body.works);
    if (body.kind === 'counter') this.#checkAnswers(body);
    else if (body.refersTo !== undefined)
      throw new StoreError('BAD_REQUEST', 400, 'refersTo is only for a counter-notice (kind "counter")');
    const id = receiptId();
    const receivedAt = new Date(this.#now()).toISOString();
    transaction(this.#db, () => {
      this.#db
        .prepare(
          `INSERT INTO takedown_notices (id, kind, refers_to, body, state, received_at)
           VALUES (?, ?, ?, ?, 'received', ?)`,
        )
        .run(id, body.kind, body.refersTo ?? null, JSON.stringify(body), receivedAt);
      this.#audit.record(
        'public',
        body.kind === 'counter' ? 'counter_notice.file' : 'notice.file',
        `notice:${id}`,
        `on behalf of ${body.onBehalfOf}: ${describeWorks(body.works)}${body.refersTo ? `; answers ${body.refersTo}` : ''}`,
      );
    });
    return { receiptId: id, kind: body.kind, state: 'received', receivedAt };
  }

  #checkWorksExist(works: Work[]): void {
    const missing = works.filter((w) => {
      const table = w.type === 'album' ? 'albums' : 'tracks';
      return !this.#db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(w.id);
    });
    if (missing.length > 0)
      throw new StoreError('NOT_FOUND', 404, `no such work in this store: ${describeWorks(missing)}`);
  }

  /** A counter-notice answers an approved notice, and only for works that notice named. */
  #checkAnswers(body: NoticeBody): void {
    const answered = this.#row(body.refersTo!);
    if (answered.kind !== 'notice' || answered.state !== 'approved') {
      throw new StoreError(
        'BAD_REQUEST',
        400,
        `${answered.id} is ${answered.kind === 'counter' ? 'a counter-notice' : `a ${answered.state} notice`}; a counter-notice answers an approved notice`,
      );
    }
    const named = new Set((JSON.parse(answered.body) as NoticeBody).works.map(workKey));
    const foreign = body.works.filter((w) => !named.has(workKey(w)));
    if (foreign.length > 0) {
      throw new StoreError('BAD_REQUEST', 400, `${answered.id} did not name ${describeWorks(foreign)}`);
    }
  }

  /** What anyone may see: no claimant contact details. */
  publicView(id: string): z.infer<typeof PublicNotice> {
    const row = this.#row(id);
    const body = JSON.parse(row.body) as NoticeBody;
    return {
      id: row.id,
      kind: row.kind,
      state: row.state,
      onBehalfOf: body.onBehalfOf,
      works: body.works,
      receivedAt: row.received_at,
      decidedAt: row.decided_at,
    };
  }

  get(id: string): Notice {
    return this.#full(this.#row(id));
  }

  #full(row: NoticeRow): Notice {
    return {
      ...this.publicView(row.id),
      refersTo: row.refers_to,
      body: JSON.parse(row.body) as NoticeBody,
      decidedBy: row.decided_by,
      decisionNote: row.decision_note,
    };
  }

  /** Newest first. */
  list(): Notice[] {
    const rows = this.#db
      .prepare('SELECT * FROM takedown_notices ORDER BY received_at DESC, rowid DESC')
      .all() as unknown as NoticeRow[];
    return rows.map((r) => this.#full(r));
  }

  /** Approves or rejects once; approving takes works off sale (a notice) or restores them (a counter). */
  decide(id: string, decision: z.infer<typeof DecisionBody>): Notice {
    return transaction(this.#db, () => {
      const row = this.#row(id);
      if (row.state !== 'received') {
        throw new StoreError(
          'ALREADY_DECIDED',
          409,
          `${id} was already ${row.state} on ${row.decided_at} by ${row.decided_by}`,
        );
      }
      const at = new Date(this.#now()).toISOString();
      const state = decision.decision === 'approve' ? 'approved' : 'rejected';
      this.#db
        .prepare(
          'UPDATE takedown_notices SET state = ?, decided_at = ?, decided_by = ?, decision_note = ? WHERE id = ?',
        )
        .run(state, at, decision.by, decision.note ?? null, id);
      const kind = row.kind === 'counter' ? 'counter_notice' : 'notice';
      this.#audit.record(
        decision.by,
        `${kind}.${decision.decision}`,
        `notice:${id}`,
        decision.note || undefined,
      );
      if (state === 'approved') {
        const body = JSON.parse(row.body) as NoticeBody;
        if (row.kind === 'notice') this.#takeDown(id, body.works, at, decision.by);
        else this.#restore(row.refers_to!, id, body.works, at, decision.by);
      }
      return this.get(id);
    });
  }

  #takeDown(noticeId: string, works: Work[], at: string, by: string): void {
    const insert = this.#db.prepare(
      'INSERT INTO takedowns (notice_id, album_id, track_id, since) VALUES (?, ?, ?, ?)',
    );
    for (const work of works) {
      insert.run(
        noticeId,
        work.type === 'album' ? work.id : null,
        work.type === 'track' ? work.id : null,
        at,
      );
      this.#audit.record(by, 'work.take_down', workKey(work), `by ${noticeId}`);
    }
  }

  /** Lifts the answered notice's takedowns of the works the counter-notice names. */
  #restore(answered: string, counterId: string, works: Work[], at: string, by: string): void {
    for (const work of works) {
      const column = work.type === 'album' ? 'album_id' : 'track_id';
      const lifted = this.#db
        .prepare(
          `UPDATE takedowns SET lifted_at = ?, lifted_by_notice = ?
           WHERE notice_id = ? AND ${column} = ? AND lifted_at IS NULL`,
        )
        .run(at, counterId, answered, work.id);
      if (Number(lifted.changes) > 0)
        this.#audit.record(by, 'work.restore', workKey(work), `${answered} lifted by ${counterId}`);
    }
  }
}
