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
import type { Database, Sql } from '../db/sql/port.ts';
import { StoreError } from '../errors/store-error.ts';
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
  readonly #db: Database;
  readonly #audit: AuditLog;
  readonly #now: () => number;

  constructor(db: Database, audit: AuditLog, now: () => number = Date.now) {
    this.#db = db;
    this.#audit = audit;
    this.#now = now;
  }

  async #row(q: Sql, id: string): Promise<NoticeRow> {
    const row = await q.get<NoticeRow>('SELECT * FROM takedown_notices WHERE id = ?', id);
    if (!row) throw new StoreError('NOT_FOUND', 404, `no notice ${id}`);
    return row;
  }

  /** Files a notice or counter-notice from anyone; the receipt id is how they follow it up. */
  async file(raw: unknown): Promise<z.infer<typeof NoticeReceipt>> {
    const body = checkNotice(raw);
    const id = receiptId();
    const receivedAt = new Date(this.#now()).toISOString();
    await this.#db.tx(async (q) => {
      await this.#checkWorksExist(q, body.works);
      if (body.kind === 'counter') await this.#checkAnswers(q, body);
      else if (body.refersTo !== undefined)
        throw new StoreError('BAD_REQUEST', 400, 'refersTo is only for a counter-notice (kind "counter")');
      // filed_seq: the order of filing, which breaks ties of received_at in the list.
      await q.run(
        `INSERT INTO takedown_notices (id, kind, refers_to, body, state, received_at, filed_seq)
         VALUES (?, ?, ?, ?, 'received', ?, (SELECT COALESCE(MAX(filed_seq), 0) + 1 FROM takedown_notices))`,
        id,
        body.kind,
        body.refersTo ?? null,
        JSON.stringify(body),
        receivedAt,
      );
      await this.#audit.append(
        q,
        'public',
        body.kind === 'counter' ? 'counter_notice.file' : 'notice.file',
        `notice:${id}`,
        `on behalf of ${body.onBehalfOf}: ${describeWorks(body.works)}${body.refersTo ? `; answers ${body.refersTo}` : ''}`,
      );
    });
    return { receiptId: id, kind: body.kind, state: 'received', receivedAt };
  }

  async #checkWorksExist(q: Sql, works: Work[]): Promise<void> {
    const missing: Work[] = [];
    for (const w of works) {
      const table = w.type === 'album' ? 'albums' : 'tracks';
      if (!(await q.get(`SELECT 1 FROM ${table} WHERE id = ?`, w.id))) missing.push(w);
    }
    if (missing.length > 0)
      throw new StoreError('NOT_FOUND', 404, `no such work in this store: ${describeWorks(missing)}`);
  }

  /** A counter-notice answers an approved notice, and only for works that notice named. */
  async #checkAnswers(q: Sql, body: NoticeBody): Promise<void> {
    const answered = await this.#row(q, body.refersTo!);
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
  async publicView(id: string): Promise<z.infer<typeof PublicNotice>> {
    return toPublic(await this.#row(this.#db, id));
  }

  async get(id: string): Promise<Notice> {
    return toFull(await this.#row(this.#db, id));
  }

  /** Newest first. */
  async list(): Promise<Notice[]> {
    const rows = await this.#db.all<NoticeRow>(
      'SELECT * FROM takedown_notices ORDER BY received_at DESC, filed_seq DESC',
    );
    return rows.map(toFull);
  }

  /** Approves or rejects once; approving takes works off sale (a notice) or restores them (a counter). */
  async decide(id: string, decision: z.infer<typeof DecisionBody>): Promise<Notice> {
    return this.#db.tx(async (q) => {
      const row = await this.#row(q, id);
      if (row.state !== 'received') {
        throw new StoreError(
          'ALREADY_DECIDED',
          409,
          `${id} was already ${row.state} on ${row.decided_at} by ${row.decided_by}`,
        );
      }
      const at = new Date(this.#now()).toISOString();
      const state = decision.decision === 'approve' ? 'approved' : 'rejected';
      await q.run(
        'UPDATE takedown_notices SET state = ?, decided_at = ?, decided_by = ?, decision_note = ? WHERE id = ?',
        state,
        at,
        decision.by,
        decision.note ?? null,
        id,
      );
      const kind = row.kind === 'counter' ? 'counter_notice' : 'notice';
      await this.#audit.append(
        q,
        decision.by,
        `${kind}.${decision.decision}`,
        `notice:${id}`,
        decision.note || undefined,
      );
      if (state === 'approved') {
        const body = JSON.parse(row.body) as NoticeBody;
        if (row.kind === 'notice') await this.#takeDown(q, id, body.works, at, decision.by);
        else await this.#restore(q, row.refers_to!, id, body.works, at, decision.by);
      }
      return toFull(await this.#row(q, id));
    });
  }

  async #takeDown(q: Sql, noticeId: string, works: Work[], at: string, by: string): Promise<void> {
    for (const work of works) {
      await q.run(
        'INSERT INTO takedowns (notice_id, album_id, track_id, since) VALUES (?, ?, ?, ?)',
        noticeId,
        work.type === 'album' ? work.id : null,
        work.type === 'track' ? work.id : null,
        at,
      );
      await this.#audit.append(q, by, 'work.take_down', workKey(work), `by ${noticeId}`);
    }
  }

  /** Lifts the answered notice's takedowns of the works the counter-notice names. */
  async #restore(
    q: Sql,
    answered: string,
    counterId: string,
    works: Work[],
    at: string,
    by: string,
  ): Promise<void> {
    for (const work of works) {
      const column = work.type === 'album' ? 'album_id' : 'track_id';
      const lifted = await q.run(
        `UPDATE takedowns SET lifted_at = ?, lifted_by_notice = ?
         WHERE notice_id = ? AND ${column} = ? AND lifted_at IS NULL`,
        at,
        counterId,
        answered,
        work.id,
      );
      if (lifted.changes > 0)
        await this.#audit.append(q, by, 'work.restore', workKey(work), `${answered} lifted by ${counterId}`);
    }
  }
}

/** What anyone may see: no claimant contact details. */
function toPublic(row: NoticeRow): z.infer<typeof PublicNotice> {
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

function toFull(row: NoticeRow): Notice {
  return {
    ...toPublic(row),
    refersTo: row.refers_to,
    body: JSON.parse(row.body) as NoticeBody,
    decidedBy: row.decided_by,
    decisionNote: row.decision_note,
  };
}
