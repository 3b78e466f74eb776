// The persistent download queue: one job per track, in SQLite, so it survives kill -9 at any point.
import type { OrderItem } from '../../../api/schemas/orders.ts';
import { MegadiscError } from '../../shared/errors.ts';
import { inTransaction, type ProfileDb } from '../profile/open-profile.ts';

export interface JobRow {
  id: number;
  purchase_id: number;
  order_id: string;
  item_id: string;
  track_id: number;
  title: string;
  file_name: string;
  position: number;
  state: JobState;
  paused_from: JobState | null;
  bytes_total: number | null;
  sha256: string | null;
  url: string | null;
  checkpoint_bytes: number;
  etag: string | null;
  part_path: string | null;
  final_path: string | null;
  tags: string;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
}

import type { JobState, JobView } from '../../shared/app-api/domain.ts';

export type { JobState, JobView };

export function toJobView(row: JobRow): JobView {
  return {
    id: row.id,
    purchaseId: row.purchase_id,
    orderId: row.order_id,
    title: row.title,
    fileName: row.file_name,
    state: row.state,
    bytesTotal: row.bytes_total,
    bytesDone: row.state === 'done' ? (row.bytes_total ?? 0) : row.checkpoint_bytes,
    finalPath: row.final_path,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
  };
}

type JobViewColumns = [
  number,
  number,
  string,
  string,
  string,
  JobState,
  number | null,
  number,
  string | null,
  string | null,
  string | null,
];

const ACTIVE: JobState[] = ['waiting_encode', 'queued', 'downloading', 'verifying'];

export class JobStore {
  readonly #db: ProfileDb;
  /** The connection's own setting (FULL = 2 in the profile), restored after a relaxed commit. */
  #synchronous: number | null = null;

  constructor(db: ProfileDb) {
    this.#db = db;
  }

  /**
   * Commits a progress row without waiting for the disk (synchronous = NORMAL for this one statement).
   * A kill -9 loses none of it: the WAL write has reached the OS before the call returns. A power cut
   * may lose the last such rows, and then a resume starts from an older checkpoint, which is still a
   * valid prefix (the .part is cut back to it and its hash re-read). The commit that files a track
   * keeps the full fsync. During a transfer these commits happen several times per file, on the event
   * loop that carries every transfer, while the disk is busy flushing .part files and library copies.
   */
  #progress<T>(write: () => T): T {
    this.#synchronous ??= (
      this.#db.prepare('PRAGMA synchronous').get() as { synchronous: number }
    ).synchronous;
    if (this.#db.isTransaction || this.#synchronous <= 1) return write();
    this.#db.exec('PRAGMA synchronous = NORMAL');
    try {
      return write();
    } finally {
      this.#db.exec(`PRAGMA synchronous = ${this.#synchronous}`);
    }
  }

  all(): JobRow[] {
    return this.#db.prepare('SELECT * FROM jobs ORDER BY position, id').all() as unknown as JobRow[];
  }

  /** Every job as a view, in queue order, without reading tags: the downloads screen lists thousands. */
  views(): JobView[] {
    const statement = this.#db.prepare(
      `SELECT id, purchase_id, order_id, title, file_name, state, bytes_total, checkpoint_bytes, final_path,
              error_code, error_message
       FROM jobs ORDER BY position, id`,
    );
    // Arrays, not one object per row: with 10,000 jobs, building row objects is most of the cost.
    statement.setReturnArrays(true);
    const rows = statement.all() as unknown as JobViewColumns[];
    return rows.map(
      ([id, purchaseId, orderId, title, fileName, state, total, checkpoint, finalPath, code, message]) => ({
        id,
        purchaseId,
        orderId,
        title,
        fileName,
        state,
        bytesTotal: total,
        bytesDone: state === 'done' ? (total ?? 0) : checkpoint,
        finalPath,
        error: code ? { code, message: message ?? '' } : null,
      }),
    );
  }

  /** A purchase's jobs by outcome: done, and still open (neither done nor cancelled). */
  purchaseProgress(purchaseId: number): { done: number; open: number } {
    return this.#db
      .prepare(
        `SELECT COALESCE(SUM(state = 'done'), 0) AS done, COALESCE(SUM(state NOT IN ('done', 'cancelled')), 0) AS open
         FROM jobs WHERE purchase_id = ?`,
      )
      .get(purchaseId) as { done: number; open: number };
  }

  get(id: number): JobRow {
    const row = this.#db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    if (!row) throw new MegadiscError('NOT_FOUND', `no download job ${id}`);
    return row;
  }

  inStates(states: JobState[]): JobRow[] {
    return this.#db
      .prepare(`SELECT * FROM jobs WHERE state IN (SELECT value FROM json_each(?)) ORDER BY position, id`)
      .all(JSON.stringify(states)) as unknown as JobRow[];
  }

  /** The first `limit` jobs in a state, in queue order: what the scheduler may start next. */
  firstInState(state: JobState, limit: number): JobRow[] {
    return this.#db
      .prepare('SELECT * FROM jobs WHERE state = ? ORDER BY position, id LIMIT ?')
      .all(state, limit) as unknown as JobRow[];
  }

  /** The orders that have jobs in a state, without loading the jobs (the scheduler asks every tick). */
  ordersInState(state: JobState): string[] {
    return (
      this.#db.prepare('SELECT DISTINCT order_id FROM jobs WHERE state = ?').all(state) as {
        order_id: string;
      }[]
    ).map((r) => r.order_id);
  }

  /** Counts without loading rows: the scheduler asks this several times a second. */
  countInStates(states: JobState[]): number {
    const row = this.#db
      .prepare('SELECT COUNT(*) AS n FROM jobs WHERE state IN (SELECT value FROM json_each(?))')
      .get(JSON.stringify(states)) as { n: number };
    return row.n;
  }

  /** Adds a job per order item; called in the purchase's transaction. */
  addForOrder(purchaseId: number, orderId: string, items: OrderItem[]): void {
    const now = new Date().toISOString();
    const last = this.#db.prepare('SELECT COALESCE(MAX(position), 0) AS p FROM jobs').get() as { p: number };
    const insert = this.#db.prepare(
      `INSERT OR IGNORE INTO jobs (purchase_id, order_id, item_id, track_id, title, file_name, position, state, tags,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting_encode', ?, ?, ?)`,
    );
    items.forEach((item, i) => {
      insert.run(
        purchaseId,
        orderId,
        item.id,
        item.trackId,
        item.tags.title,
        item.fileName,
        last.p + i + 1,
        JSON.stringify(item.tags),
        now,
        now,
      );
    });
  }

  /**
   * One answer about an order, in one commit: the long poll brings every item on each change. A
   * progress commit (no fsync): should a power cut lose it, the jobs wait again and the store, which
   * keeps the items, answers the same on the next ask.
   */
  applyOrder(items: OrderItem[]): void {
    const settled = items.filter((i) => i.state === 'ready' || i.state === 'failed');
    if (settled.length === 0) return;
    this.#progress(() =>
      inTransaction(this.#db, () => {
        for (const item of settled) this.applyOrderItem(item);
      }),
    );
  }

  /** Moves waiting jobs on once the store has encoded their item (or failed to). */
  applyOrderItem(item: OrderItem): void {
    const now = new Date().toISOString();
    if (item.state === 'ready' && item.download && item.bytes !== null && item.sha256) {
      this.#db
        .prepare(
          `UPDATE jobs SET url = ?, bytes_total = ?, sha256 = ?, updated_at = ?,
             state = CASE WHEN state = 'waiting_encode' THEN 'queued' ELSE state END,
             paused_from = CASE WHEN paused_from = 'waiting_encode' THEN 'queued' ELSE paused_from END
           WHERE item_id = ? AND (state = 'waiting_encode' OR paused_from = 'waiting_encode'
             OR url IS NOT ? OR bytes_total IS NOT ? OR sha256 IS NOT ?)`,
        )
        .run(
          item.download.url,
          item.bytes,
          item.sha256,
          now,
          item.id,
          item.download.url,
          item.bytes,
          item.sha256,
        );
    } else if (item.state === 'failed') {
      this.#db
        .prepare(
          `UPDATE jobs SET state = 'failed', error_code = 'STORE_ERROR', error_message = ?, updated_at = ?
           WHERE item_id = ? AND state = 'waiting_encode'`,
        )
        .run(
          `the store could not encode this track: ${item.error?.message ?? 'unknown error'}`,
          now,
          item.id,
        );
    }
  }

  setState(
    id: number,
    state: JobState,
    extra: { error?: MegadiscError | null; finalPath?: string } = {},
  ): JobRow {
    const error = extra.error === undefined ? undefined : extra.error;
    this.#db
      .prepare(
        `UPDATE jobs SET state = ?, updated_at = ?,
           error_code = CASE WHEN ? THEN ? ELSE error_code END,
           error_message = CASE WHEN ? THEN ? ELSE error_message END,
           final_path = COALESCE(?, final_path)
         WHERE id = ?`,
      )
      .run(
        state,
        new Date().toISOString(),
        error !== undefined ? 1 : 0,
        error?.code ?? null,
        error !== undefined ? 1 : 0,
        error?.message ?? null,
        extra.finalPath ?? null,
        id,
      );
    return this.get(id);
  }

  /**
   * Moves a job on only if it is still in one of `from`: the user's pause or cancel, written by
   * another command or process in the meantime, always wins over the download's own progress.
   */
  transition(id: number, from: JobState[], to: JobState, finalPath?: string): boolean {
    const changed = this.#db
      .prepare(
        `UPDATE jobs SET state = ?, updated_at = ?, final_path = COALESCE(?, final_path)
         WHERE id = ? AND state IN (SELECT value FROM json_each(?))`,
      )
      .run(to, new Date().toISOString(), finalPath ?? null, id, JSON.stringify(from)).changes;
    return Number(changed) === 1;
  }

  /**
   * The transfer is over and verified: 'downloading' becomes 'verifying' with the final checkpoint, in
   * one statement (one commit). False, and nothing written, when the job has left 'downloading'.
   */
  verified(id: number, bytes: number, etag: string | null, partPath: string): boolean {
    const changed = this.#progress(
      () =>
        this.#db
          .prepare(
            `UPDATE jobs SET state = 'verifying', checkpoint_bytes = ?, etag = ?, part_path = ?, updated_at = ?
             WHERE id = ? AND state = 'downloading'`,
          )
          .run(bytes, etag, partPath, new Date().toISOString(), id).changes,
    );
    return Number(changed) === 1;
  }

  /** A transfer starts: 'downloading', with the last error cleared (a progress commit). */
  started(id: number): JobRow {
    this.#progress(() =>
      this.#db
        .prepare(
          `UPDATE jobs SET state = 'downloading', updated_at = ?, error_code = NULL, error_message = NULL
           WHERE id = ?`,
        )
        .run(new Date().toISOString(), id),
    );
    return this.get(id);
  }

  checkpoint(id: number, bytes: number, etag: string | null, partPath: string): void {
    this.#progress(() =>
      this.#db
        .prepare('UPDATE jobs SET checkpoint_bytes = ?, etag = ?, part_path = ?, updated_at = ? WHERE id = ?')
        .run(bytes, etag, partPath, new Date().toISOString(), id),
    );
  }

  /** Downloads an item again from zero (its library file went missing); no new purchase. */
  requeueItem(itemId: string): boolean {
    const changed = this.#db
      .prepare(
        `UPDATE jobs SET state = 'queued', checkpoint_bytes = 0, etag = NULL, final_path = NULL, error_code = NULL,
           error_message = NULL, attempts = 0, updated_at = ? WHERE item_id = ? AND url IS NOT NULL`,
      )
      .run(new Date().toISOString(), itemId).changes;
    return Number(changed) === 1;
  }

  countAttempt(id: number): void {
    this.#db.prepare('UPDATE jobs SET attempts = attempts + 1 WHERE id = ?').run(id);
  }

  /** Pauses active jobs; returns the ids that changed. */
  pause(ids: number[] | 'all'): number[] {
    return inTransaction(this.#db, () => {
      const rows = ids === 'all' ? this.inStates(ACTIVE) : ids.map((id) => this.get(id));
      const changed = rows.filter((r) => ACTIVE.includes(r.state));
      for (const r of changed) {
        // A job caught mid-transfer resumes as queued: its .part and checkpoint are kept.
        const from = r.state === 'waiting_encode' ? 'waiting_encode' : 'queued';
        this.#db.prepare(`UPDATE jobs SET state = 'paused', paused_from = ? WHERE id = ?`).run(from, r.id);
      }
      return changed.map((r) => r.id);
    });
  }

  /** Resumes paused jobs and retries failed ones; returns the ids that changed. */
  resume(ids: number[] | 'all'): number[] {
    return inTransaction(this.#db, () => {
      const rows = ids === 'all' ? this.inStates(['paused', 'failed']) : ids.map((id) => this.get(id));
      const changed = rows.filter((r) => r.state === 'paused' || r.state === 'failed');
      for (const r of changed) {
        const to = r.state === 'paused' ? (r.paused_from ?? 'queued') : r.url ? 'queued' : 'waiting_encode';
        this.#db
          .prepare(`UPDATE jobs SET state = ?, paused_from = NULL, error_code = NULL, error_message = NULL,
                      attempts = 0 WHERE id = ?`)
          .run(to, r.id);
      }
      return changed.map((r) => r.id);
    });
  }

  cancel(id: number): JobRow {
    const row = this.get(id);
    if (row.state === 'done') throw new MegadiscError('INVALID_STATE', `job ${id} is already done`);
    return this.setState(id, 'cancelled');
  }

  /** Moves a job to a new 1-based place in the queue order. */
  move(id: number, place: number): void {
    inTransaction(this.#db, () => {
      const rows = this.all().filter((r) => r.id !== id);
      const target = this.get(id);
      rows.splice(Math.max(0, Math.min(rows.length, place - 1)), 0, target);
      const update = this.#db.prepare('UPDATE jobs SET position = ? WHERE id = ?');
      for (const [i, r] of rows.entries()) update.run(i + 1, r.id);
    });
  }

  prioritize(id: number): void {
    this.move(id, 1);
  }

  /** Whether the item has jobs and every one of them is done or cancelled (its .part is garbage). */
  itemIsOver(itemId: string): boolean {
    const row = this.#db
      .prepare(
        `SELECT COUNT(*) AS jobs, COALESCE(SUM(state IN ('done', 'cancelled')), 0) AS over FROM jobs WHERE item_id = ?`,
      )
      .get(itemId) as { jobs: number; over: number };
    return row.jobs > 0 && row.over === row.jobs;
  }

  /** After a crash, transfers that were running are queued again; their checkpoints remain. */
  recoverInterrupted(): number {
    return Number(
      this.#db.prepare(`UPDATE jobs SET state = 'queued' WHERE state IN ('downloading', 'verifying')`).run()
        .changes,
    );
  }
}
